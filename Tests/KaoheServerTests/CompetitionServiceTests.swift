import Foundation
import KaoheCore
@testable import KaoheServer
import KaoheStorageTestSupport
import Testing

/// 茂南区's round run as the brand-project competition maonan.innovation-2026: its four example
/// units (商务局's project is screened 返工, so three can reach the final), five jurors (trim 1
/// needs five), the daily scores the final weighs at 10 %.
struct CompetitionFixture {
    static let units = ["mn-minzhengju": "minzhengju", "mn-shangwuju": "shangwuju", "mn-zhifaju": "zhifaju", "mn-zuzhibu": "zuzhibu"]
    static let finalists = ["mn-zuzhibu", "mn-minzhengju", "mn-zhifaju"]
    static let competition = "maonan.innovation-2026"

    let f: ServiceFixture
    let round = Round(id: "2026-maonan", checklist: "maonan.organs", asOf: Day("2026-11-30") ?? Day(ordinal: 0))
    let admin: Actor
    let unitActors: [String: Actor]
    let jurors: [Actor]
    let kz: Actor

    init(_ backend: Backend) throws {
        f = try ServiceFixture(backend)
        let units = try UnitsCSV.parse("""
            id,name,category
            mn-zuzhibu,区委组织部机关党支部,party-government
            mn-minzhengju,区民政局机关党支部,social-service
            mn-shangwuju,区商务局机关党支部,economic
            mn-zhifaju,区综合行政执法局机关党支部,law-enforcement
            """, path: "units.csv")
        try f.service.openRound(round, units: units, by: "admin")
        var actors: [String: Actor] = [:]
        for (unit, name) in Self.units {
            try f.service.addUser(User(id: name, name: name, roles: [.unit], unit: unit), password: "\(name)-password", by: "test")
            actors[unit] = try f.signIn(name, "\(name)-password")
        }
        unitActors = actors
        var jurors: [Actor] = []
        for index in 1...6 {
            try f.service.addUser(User(id: "pw\(index)", name: "评委\(index)", roles: [.juror]), password: "pw\(index)-password", by: "test")
            jurors.append(try f.signIn("pw\(index)", "pw\(index)-password"))
        }
        self.jurors = jurors
        try f.service.addUser(User(id: "kz", name: "考核组", roles: [.assessor]), password: "kz-password", by: "test")
        kz = try f.signIn("kz", "kz-password")
        admin = try f.signIn("admin", "admin-password")
    }

    var service: KaoheService { f.service }

    func submitAll() throws {
        for (unit, name) in Self.units.sorted(by: { $0.key < $1.key }) {
            let actor = try #require(unitActors[unit])
            _ = try service.saveDraft(round.id, unit, document: try ServiceFixture.example(name, folder: "examples/maonan"), by: actor)
            guard case .result = try service.submit(round.id, unit, by: actor) else { throw ServiceError.invalid("\(unit) refused") }
        }
    }

    func acceptAll() throws {
        for unit in Self.units.keys.sorted() { _ = try service.accept(round.id, unit, by: admin) }
    }

    /// Juror `index` (1-based) gives finalist `unit` these points: different per juror and
    /// finalist, so trimming and the ranking have something to do.
    static func points(juror index: Int, unit: String) -> [String: String] {
        let base = ["mn-zuzhibu": 15, "mn-minzhengju": 17, "mn-zhifaju": 12][unit] ?? 10
        let dimensions = ["political", "ideological", "feasibility", "novelty", "effectiveness"]
        return Dictionary(uniqueKeysWithValues: dimensions.enumerated().map { offset, d in
            (d, DecimalMath.format(Rational(base) + Rational(index) / Rational(2) - Rational(offset % 2)))
        })
    }

    func scoreAll(jurors: Range<Int> = 0..<5) throws {
        for index in jurors {
            for unit in Self.finalists {
                try service.saveJury(round.id, Self.competition, unit, scores: Self.points(juror: index + 1, unit: unit), by: self.jurors[index])
            }
        }
    }

    func named() throws {
        try submitAll()
        try acceptAll()
        for (unit, points) in [("mn-zuzhibu", "90"), ("mn-minzhengju", "95.5"), ("mn-zhifaju", "80"), ("mn-shangwuju", "70")] {
            try service.saveDaily(round.id, Self.competition, unit, points: points, by: admin)
        }
        _ = try service.nameFinalists(round.id, Self.competition, by: admin)
        for juror in jurors.prefix(5) { try service.assignJuror(round.id, Self.competition, juror: juror.user.id, by: admin) }
    }
}

@Suite("Competitions in the web service (SPEC §9)")
struct CompetitionServiceTests {
    @Test("a whole competition: preview, finalists named from the accepted units, five jurors, close; the figures equal kaohe competition on the exported sheets",
          arguments: Backend.available)
    func wholeCompetition(_ backend: Backend) throws {
        let c = try CompetitionFixture(backend)
        let id = CompetitionFixture.competition
        #expect(try c.service.competitions(c.round.id, for: c.admin).map(\.id.value) == [id])
        #expect(try c.service.competitionBoard(c.round.id, id, for: c.admin).problem == "还没有单位提交自评")
        try c.submitAll()
        let preview = try c.service.competitionBoard(c.round.id, id, for: c.admin)
        #expect(preview.stage == .preview && preview.finalists == CompetitionFixture.finalists)
        #expect(preview.outcome?.entries.first { $0.unit.id == "mn-shangwuju" }?.ineligible == "初审结论为返工")
        #expect(throws: ServiceError.conflict("尚有单位已提交、未受理：mn-minzhengju、mn-shangwuju、mn-zhifaju、mn-zuzhibu。受理或退回后再确定入围名单")) {
            _ = try c.service.nameFinalists(c.round.id, id, by: c.admin)
        }
        try c.acceptAll()
        #expect(throws: ServiceError.conflict("日常得分有权重，以下入围单位还没有日常得分：mn-zuzhibu、mn-minzhengju、mn-zhifaju")) {
            _ = try c.service.nameFinalists(c.round.id, id, by: c.admin)
        }
        for bad in ["101", "-1", "80.125", "八十"] {
            #expect(throws: ServiceError.self) { try c.service.saveDaily(c.round.id, id, "mn-zuzhibu", points: bad, by: c.admin) }
        }
        for (unit, points) in [("mn-zuzhibu", "90"), ("mn-minzhengju", "95.5"), ("mn-zhifaju", "80")] {
            try c.service.saveDaily(c.round.id, id, unit, points: points, by: c.admin)
        }
        #expect(try c.service.nameFinalists(c.round.id, id, by: c.admin) == CompetitionFixture.finalists)
        #expect(throws: ServiceError.conflict("入围名单已确定，参赛名单和日常得分不再改动")) {
            try c.service.saveDaily(c.round.id, id, "mn-zuzhibu", points: "91", by: c.admin)
        }
        #expect(throws: ServiceError.conflict("入围名单已确定，参赛名单和日常得分不再改动")) { _ = try c.service.nameFinalists(c.round.id, id, by: c.admin) }
        for juror in c.jurors.prefix(5) { try c.service.assignJuror(c.round.id, id, juror: juror.user.id, by: c.admin) }
        try c.scoreAll(jurors: 0..<4)
        try c.service.saveJury(c.round.id, id, "mn-zuzhibu", scores: CompetitionFixture.points(juror: 5, unit: "mn-zuzhibu"), by: c.jurors[4])

        // Before the close: a juror sees only their own points; the committee sees progress, not points.
        let (stage, tasks) = try c.service.juryTasks(c.round.id, id, for: c.jurors[4])
        #expect(stage == .scoring && tasks.map(\.unit.id) == CompetitionFixture.finalists)
        #expect(tasks.map { $0.mine.isEmpty } == [false, true, true] && tasks[0].mine["political"] == "17.5")
        #expect(throws: ServiceError.forbidden("评分结束后才能查看比赛结果")) { _ = try c.service.competitionBoard(c.round.id, id, for: c.jurors[0]) }
        let scoring = try c.service.competitionBoard(c.round.id, id, for: c.admin)
        #expect(scoring.stage == .scoring && scoring.outcome?.juryStage == false && scoring.record.scored(by: "pw5").count == 1)
        #expect(throws: ServiceError.conflict("去掉1个最高分和1个最低分，每个入围单位至少需要 5 位评委评分；还不够的：mn-minzhengju（4位）、mn-zhifaju（4位）")) {
            try c.service.closeCompetition(c.round.id, id, by: c.admin)
        }
        try c.scoreAll(jurors: 4..<5)
        try c.service.closeCompetition(c.round.id, id, by: c.admin)

        let board = try c.service.competitionBoard(c.round.id, id, for: c.admin)
        let outcome = try #require(board.outcome)
        #expect(board.stage == .closed && outcome.juryStage && outcome.winners.map(\.entry.unit.id) == ["mn-minzhengju", "mn-zuzhibu", "mn-zhifaju"])
        // 民政局: judge totals 85.5 … 95.5 by 2.5; the highest and lowest dropped, the mean 90.5 of 100;
        // final = (92 × 40 + 90.5 × 50 + 95.5 × 10) / 100 = 91.6.
        let minzheng = try #require(outcome.finalRanking.first { $0.entry.unit.id == "mn-minzhengju" }?.entry)
        #expect(minzheng.jury?.judges.filter(\.kept).map(\.id) == ["pw2", "pw3", "pw4"] && minzheng.jury?.score == Rational(905, 10))
        #expect(minzheng.onsite == Rational(92) && minzheng.final == Rational(916, 10))
        #expect(try c.service.competitionBoard(c.round.id, id, for: c.jurors[0]).outcome?.winners.count == 3)
        #expect(throws: ServiceError.forbidden("您不是本比赛的评委")) { _ = try c.service.competitionBoard(c.round.id, id, for: c.jurors[5]) }
        #expect(throws: ServiceError.conflict("评分已结束，不再改动")) {
            try c.service.saveJury(c.round.id, id, "mn-zuzhibu", scores: CompetitionFixture.points(juror: 1, unit: "mn-zuzhibu"), by: c.jurors[0])
        }
        #expect(throws: ServiceError.conflict("评分已结束，不再改动")) { try c.service.assignJuror(c.round.id, id, juror: "pw6", by: c.admin) }

        // The same figures from `kaohe competition` on the sheets the service exports.
        let (field, documents) = try c.service.competitionDocuments(c.round.id, id, for: c.admin)
        #expect(field == ["mn-minzhengju", "mn-shangwuju", "mn-zhifaju", "mn-zuzhibu"] && documents.jury?.count == 5)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-competition-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["assessments", "scoresheets", "jury"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        func write(_ document: InlineDocument, to sub: String) throws {
            try document.text.write(to: folder.appendingPathComponent(sub).appendingPathComponent(URL(fileURLWithPath: document.path).lastPathComponent),
                                    atomically: true, encoding: .utf8)
        }
        for document in documents.assessments { try write(document, to: "assessments") }
        for document in documents.jury ?? [] { try write(document, to: "jury") }
        let daily = folder.appendingPathComponent("daily.json")
        try #require(documents.daily).text.write(to: daily, atomically: true, encoding: .utf8)
        let cli = try c.service.engine.competition(c.service.rules, id: id, files: .init(
            assessments: folder.appendingPathComponent("assessments").path, scoresheets: folder.appendingPathComponent("scoresheets").path,
            jury: folder.appendingPathComponent("jury").path, daily: daily.path))
        #expect(CompetitionReport.json(cli) == CompetitionReport.json(outcome))
        #expect(try c.f.store.auditEntries().contains { $0.action == "competition.close" && $0.actor == "admin" })
        #expect(try c.f.store.auditEntries().filter { $0.action == "competition.score" }.allSatisfy { $0.detail == nil })
    }

    @Test("jury scores are checked: every dimension, within its points, two decimals, finalists only; a removed juror's scores go with them",
          arguments: Backend.available)
    func juryValidation(_ backend: Backend) throws {
        let c = try CompetitionFixture(backend)
        let id = CompetitionFixture.competition
        try c.named()
        var scores = CompetitionFixture.points(juror: 1, unit: "mn-zuzhibu")
        scores["novelty"] = "20.5"
        scores["political"] = "10.125"
        #expect(throws: ServiceError.invalid("政治性须在 0 到 20 分之间，最多两位小数（现为「10.125」）；新颖性须在 0 到 20 分之间，最多两位小数（现为「20.5」）")) {
            try c.service.saveJury(c.round.id, id, "mn-zuzhibu", scores: scores, by: c.jurors[0])
        }
        scores = CompetitionFixture.points(juror: 1, unit: "mn-zuzhibu")
        scores["effectiveness"] = nil
        #expect(throws: ServiceError.invalid("实效性须在 0 到 20 分之间，最多两位小数（现为「」）")) {
            try c.service.saveJury(c.round.id, id, "mn-zuzhibu", scores: scores, by: c.jurors[0])
        }
        #expect(throws: ServiceError.notFound("「mn-shangwuju」不是入围单位")) {
            try c.service.saveJury(c.round.id, id, "mn-shangwuju", scores: CompetitionFixture.points(juror: 1, unit: "mn-zuzhibu"), by: c.jurors[0])
        }
        try c.service.saveJury(c.round.id, id, "mn-zuzhibu", scores: CompetitionFixture.points(juror: 1, unit: "mn-zuzhibu"), by: c.jurors[0])
        // Saving again replaces the juror's points of that finalist, whole.
        try c.service.saveJury(c.round.id, id, "mn-zuzhibu", scores: CompetitionFixture.points(juror: 3, unit: "mn-zuzhibu"), by: c.jurors[0])
        let record = try c.f.store.competition(round: c.round.id, competition: id)
        #expect(record.scores.count == 5 && record.scores.first { $0.dimension == "political" }?.points == "16.5")
        try c.service.unassignJuror(c.round.id, id, juror: "pw1", by: c.admin)
        #expect(try c.f.store.competition(round: c.round.id, competition: id).scores.isEmpty)
        #expect(throws: ServiceError.forbidden("您不是本比赛的评委")) {
            try c.service.saveJury(c.round.id, id, "mn-zuzhibu", scores: CompetitionFixture.points(juror: 1, unit: "mn-zuzhibu"), by: c.jurors[0])
        }
        #expect(throws: ServiceError.invalid("「kz」不是评委账户")) { try c.service.assignJuror(c.round.id, id, juror: "kz", by: c.admin) }
        #expect(throws: ServiceError.notFound("本轮没有这个比赛")) { _ = try c.service.competitionBoard(c.round.id, "leshan.nothing", for: c.admin) }
    }

    @Test("who may do what: only the committee enters daily scores, names finalists, assigns jurors, closes and exports; only an assigned juror scores",
          arguments: Backend.available)
    func roles(_ backend: Backend) throws {
        let c = try CompetitionFixture(backend)
        let id = CompetitionFixture.competition
        try c.named()
        let unit = try #require(c.unitActors["mn-zuzhibu"])
        let outsider = c.jurors[5]
        for actor in [unit, c.kz, c.jurors[0]] {
            #expect(throws: ServiceError.self) { try c.service.saveDaily(c.round.id, id, "mn-zuzhibu", points: "99", by: actor) }
            #expect(throws: ServiceError.self) { _ = try c.service.nameFinalists(c.round.id, id, by: actor) }
            #expect(throws: ServiceError.self) { try c.service.assignJuror(c.round.id, id, juror: "pw6", by: actor) }
            #expect(throws: ServiceError.self) { try c.service.unassignJuror(c.round.id, id, juror: "pw1", by: actor) }
            #expect(throws: ServiceError.self) { try c.service.closeCompetition(c.round.id, id, by: actor) }
            #expect(throws: ServiceError.self) { _ = try c.service.competitionDocuments(c.round.id, id, for: actor) }
            #expect(throws: ServiceError.self) { _ = try c.service.competitionBoard(c.round.id, id, for: actor) }
            #expect(throws: ServiceError.self) { _ = try c.service.jurorAccounts(for: actor) }
        }
        for actor in [unit, c.kz, outsider, c.admin] {
            #expect(throws: ServiceError.self) {
                try c.service.saveJury(c.round.id, id, "mn-zuzhibu", scores: CompetitionFixture.points(juror: 1, unit: "mn-zuzhibu"), by: actor)
            }
            #expect(throws: ServiceError.self) { _ = try c.service.juryTasks(c.round.id, id, for: actor) }
        }
        #expect(try c.service.competitions(c.round.id, for: outsider).isEmpty)
        #expect(try c.service.competitions(c.round.id, for: c.jurors[0]).map(\.id.value) == [id])
        #expect(throws: ServiceError.forbidden("只有机关工委和评委可以查看比赛")) { _ = try c.service.competitions(c.round.id, for: c.kz) }
        let denied = try c.f.store.auditEntries().filter { $0.outcome == .denied && $0.action.hasPrefix("competition.") }
        #expect(denied.count == 3 * 8 + 4 * 2 + 1, "\(denied.map(\.action))")
        #expect(try c.f.store.competition(round: c.round.id, competition: id).scores.isEmpty)
    }
}
