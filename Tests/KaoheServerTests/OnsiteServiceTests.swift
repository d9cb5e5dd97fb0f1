import Foundation
import KaoheCore
import KaoheLedger
@testable import KaoheServer
import KaoheStorageTestSupport
import Testing

/// 茂南区's round with on-site scoring: the committee assigns two assessors to 组织部, who score
/// its on-site item D1 (党建阵地建设, 5 points; 组织部's self score is 5).
struct OnsiteFixture {
    let f: ServiceFixture
    let round = Round(id: "2026-maonan", checklist: "maonan.organs", asOf: Day("2026-11-30") ?? Day(ordinal: 0))
    let admin: Actor
    let zzb: Actor
    let kz1: Actor
    let kz2: Actor

    init(_ backend: Backend) throws {
        f = try ServiceFixture(backend)
        let units = try UnitsCSV.parse("""
            id,name,category
            mn-zuzhibu,区委组织部机关党支部,party-government
            mn-minzhengju,区民政局机关党支部,social-service
            """, path: "units.csv")
        try f.service.openRound(round, units: units, by: "admin")
        try f.service.addUser(User(id: "zzb", name: "组织部", roles: [.unit], unit: "mn-zuzhibu"), password: "zzb-password", by: "test")
        try f.service.addUser(User(id: "kz1", name: "第一考核组 王明", roles: [.assessor]), password: "kz1-password", by: "test")
        try f.service.addUser(User(id: "kz2", name: "第二考核组 李红", roles: [.assessor]), password: "kz2-password", by: "test")
        admin = try f.signIn("admin", "admin-password")
        zzb = try f.signIn("zzb", "zzb-password")
        kz1 = try f.signIn("kz1", "kz1-password")
        kz2 = try f.signIn("kz2", "kz2-password")
    }

    var service: KaoheService { f.service }

    func submitZuzhibu() throws -> String {
        _ = try service.saveDraft(round.id, "mn-zuzhibu", document: try ServiceFixture.example("zuzhibu", folder: "examples/maonan"), by: zzb)
        guard case .result(let json) = try service.submit(round.id, "mn-zuzhibu", by: zzb) else { throw ServiceError.invalid("refused") }
        return json
    }

    func item(_ json: String, _ id: String) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        return try #require(items.first { $0["id"] as? String == id })
    }
}

@Suite("On-site scoring (现场量化赋分)")
struct OnsiteServiceTests {
    @Test("an assigned assessor's score replaces the self score (unverified → met), and the stored result equals kaohe evaluate --scoresheets on the exported sheet",
          arguments: Backend.available)
    func scoreChangesResult(_ backend: Backend) throws {
        let o = try OnsiteFixture(backend)
        let before = try o.item(try o.submitZuzhibu(), "D1")
        #expect(before["status"] as? String == "unverified" && before["awarded"] as? Int == 5)

        try o.service.assign(o.round.id, "mn-zuzhibu", assessor: "kz1", by: o.admin)
        #expect(try o.service.assignments(o.round.id, for: o.kz1).map(\.unit) == ["mn-zuzhibu"])
        let (_, items) = try o.service.onsiteItems(o.round.id, "mn-zuzhibu", for: o.kz1)
        #expect(items.map(\.id) == ["D1"] && items.first?.selfScore == Rational(5) && items.first?.points == Rational(5))
        try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "D1", points: "3.5", method: "现场查看", note: "阵地标识不全", by: o.kz1)

        let stored = try #require(try o.f.store.result(round: o.round.id, unit: "mn-zuzhibu"))
        let after = try o.item(stored, "D1")
        #expect(after["status"] as? String == "partial" && after["awarded"] as? Double == 3.5 && after["method"] as? String == "现场查看")
        #expect((after["explain"] as? [String]) == ["现场评分 3.5（现场查看，第一考核组 王明）：阵地标识不全"])
        #expect(try o.service.units(of: o.round.id, for: o.admin).first { $0.unit.id == "mn-zuzhibu" }?.total != before["total"] as? String)

        // The same figures from the command line, on the draft and the exported sheet.
        let sheets = try o.service.scoresheets(o.round.id, for: o.admin)
        #expect(sheets.count == 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-onsite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for sheet in sheets { try sheet.text.write(to: folder.appendingPathComponent(URL(fileURLWithPath: sheet.path).lastPathComponent), atomically: true, encoding: .utf8) }
        let draft = folder.appendingPathComponent("zuzhibu.json")
        try #require(try o.service.draft(o.round.id, "mn-zuzhibu", for: o.admin)).document.write(to: draft, atomically: true, encoding: .utf8)
        let cli = try o.service.engine.evaluate(o.service.rules, inputs: [draft.path], checklist: o.round.checklist, asOf: o.round.asOf,
                                                scoresheets: sheets.map { folder.appendingPathComponent(URL(fileURLWithPath: $0.path).lastPathComponent).path })
        let results = try o.service.results(o.round.id, for: o.admin)
        #expect(ResultJSON.render(cli.batch).replacingOccurrences(of: draft.path, with: "") == stored.replacingOccurrences(of: draft.path, with: ""))
        #expect(results.contains("\"awarded\": 3.5"))
        #expect(try o.f.store.auditEntries().contains { $0.action == "onsite.score" && $0.actor == "kz1" && $0.target == "2026-maonan/mn-zuzhibu/D1" })
    }

    @Test("two assessors who differ are both kept; the item stays unverified until the committee decides; accepting waits for the decision",
          arguments: Backend.available)
    func disputes(_ backend: Backend) throws {
        let o = try OnsiteFixture(backend)
        _ = try o.submitZuzhibu()
        for assessor in ["kz1", "kz2"] { try o.service.assign(o.round.id, "mn-zuzhibu", assessor: assessor, by: o.admin) }
        try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "D1", points: "4", method: "现场查看", note: nil, by: o.kz1)
        try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "D1", points: "3", method: "查阅资料", note: nil, by: o.kz2)
        let disputes = try o.service.onsiteDisputes(o.round.id, for: o.admin)
        #expect(disputes.map(\.item) == ["D1"] && disputes.first?.scores.map(\.points) == ["4", "3"])
        #expect(try o.item(try #require(try o.f.store.result(round: o.round.id, unit: "mn-zuzhibu")), "D1")["status"] as? String == "unverified")
        // Each assessor sees only their own score; the committee both.
        #expect(try o.service.onsiteItems(o.round.id, "mn-zuzhibu", for: o.kz2).1.first?.scores.map(\.assessor) == ["kz2"])
        #expect(try o.service.onsiteItems(o.round.id, "mn-zuzhibu", for: o.admin).1.first?.scores.map(\.assessor) == ["kz1", "kz2"])
        #expect(throws: ServiceError.conflict("现场评分 D1 两位考核组成员评分不一致，请先裁定再受理")) {
            try o.service.accept(o.round.id, "mn-zuzhibu", by: o.admin)
        }
        try o.service.decideOnsite(o.round.id, "mn-zuzhibu", item: "D1", assessor: "kz2", by: o.admin)
        #expect(try o.service.onsiteDisputes(o.round.id, for: o.admin).isEmpty)
        #expect(try o.item(try #require(try o.f.store.result(round: o.round.id, unit: "mn-zuzhibu")), "D1")["awarded"] as? Int == 3)
        _ = try o.service.accept(o.round.id, "mn-zuzhibu", by: o.admin)
        #expect(throws: ServiceError.conflict("the result is accepted（已受理）: its on-site scores can no longer change")) {
            try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "D1", points: "5", method: "现场查看", note: nil, by: o.kz1)
        }
    }

    @Test("scores are checked: within the item's points, two decimals, a known method, a manual item of the unit", arguments: Backend.available)
    func validation(_ backend: Backend) throws {
        let o = try OnsiteFixture(backend)
        try o.service.assign(o.round.id, "mn-zuzhibu", assessor: "kz1", by: o.admin)
        for points in ["5.5", "-1", "2.125", "四", ""] {
            #expect(throws: ServiceError.self) { try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "D1", points: points, method: "现场查看", note: nil, by: o.kz1) }
        }
        #expect(throws: ServiceError.invalid("请选择评分方式：现场查看、听取汇报、查阅资料、座谈交流、个别谈话")) {
            try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "D1", points: "4", method: "电话询问", note: nil, by: o.kz1)
        }
        #expect(throws: ServiceError.notFound("A1 不是本单位的现场赋分项")) {
            try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "A1", points: "4", method: "现场查看", note: nil, by: o.kz1)
        }
        // Scored before the unit submits: the submission's result uses it.
        try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "D1", points: "4.25", method: "座谈交流", note: nil, by: o.kz1)
        #expect(try o.item(try o.submitZuzhibu(), "D1")["awarded"] as? Double == 4.25)
    }

    @Test("who may do what: only the committee assigns and decides; only an assigned assessor scores; units and others are refused and recorded",
          arguments: Backend.available)
    func roles(_ backend: Backend) throws {
        let o = try OnsiteFixture(backend)
        let hc = try o.f.signIn("hc", "hc-password-1")
        try o.service.assign(o.round.id, "mn-zuzhibu", assessor: "kz1", by: o.admin)
        for actor in [o.zzb, o.kz1, hc] {
            #expect(throws: ServiceError.self) { try o.service.assign(o.round.id, "mn-minzhengju", assessor: "kz2", by: actor) }
            #expect(throws: ServiceError.self) { try o.service.unassign(o.round.id, "mn-zuzhibu", assessor: "kz1", by: actor) }
            #expect(throws: ServiceError.self) { try o.service.decideOnsite(o.round.id, "mn-zuzhibu", item: "D1", assessor: "kz1", by: actor) }
            #expect(throws: ServiceError.self) { _ = try o.service.scoresheets(o.round.id, for: actor) }
            #expect(throws: ServiceError.self) { _ = try o.service.onsiteDisputes(o.round.id, for: actor) }
        }
        for actor in [o.zzb, o.kz2, hc, o.admin] {
            #expect(throws: ServiceError.self) { try o.service.saveOnsite(o.round.id, "mn-zuzhibu", item: "D1", points: "1", method: "现场查看", note: nil, by: actor) }
        }
        #expect(throws: ServiceError.forbidden("没有分配您对这个单位现场评分")) { _ = try o.service.onsiteItems(o.round.id, "mn-zuzhibu", for: o.kz2) }
        #expect(throws: ServiceError.forbidden("只有机关工委和考核组可以查看现场考核")) { _ = try o.service.assignments(o.round.id, for: o.zzb) }
        #expect(throws: ServiceError.forbidden("只有机关工委可以分配考核组")) { _ = try o.service.assessors(for: o.kz1) }
        #expect(try o.service.assignments(o.round.id, for: o.kz2).isEmpty)
        #expect(throws: ServiceError.self) { _ = try o.service.onsiteItems(o.round.id, "mn-zuzhibu", for: o.zzb) }
        #expect(throws: ServiceError.invalid("'zzb' is not an assessor (考核组) account")) {
            try o.service.assign(o.round.id, "mn-zuzhibu", assessor: "zzb", by: o.admin)
        }
        let denied = try o.f.store.auditEntries().filter { $0.outcome == .denied && $0.action.hasPrefix("onsite.") }
        #expect(denied.count == 15 + 4 + 2 + 2, "\(denied.map(\.action))")
        #expect(try o.f.store.onsite(round: o.round.id, unit: nil).scores.isEmpty)
    }
}

@Suite("kaohe serve --demo")
struct DemoTests {
    @Test("the demo seeds both rounds: 宣传部 and every 茂南 unit submitted, the assessor assigned to every 茂南 unit and able to score, five jurors asked")
    func demo() throws {
        let folder = ServiceFixture.repository.appendingPathComponent("examples").path
        let fresh = try ServiceFixture.empty()
        let accounts = try Demo.seed(fresh.service, examples: folder)
        #expect(accounts.map(\.user.id) == ["admin", "verifier", "kaohezu", "pingwei1", "pingwei2", "pingwei3", "pingwei4", "pingwei5",
                                            "xuanchuan", "caizheng", "gongan", "jiaoyu", "zuzhibu", "minzhengju", "shangwuju", "zhifaju"])
        #expect(accounts.allSatisfy { $0.password.count == 12 })
        let admin = try fresh.service.signIn(user: "admin", password: accounts[0].password).actor
        #expect(try fresh.service.units(of: Demo.roundID, for: admin).filter { $0.status == .submitted }.map(\.unit.id) == ["szq-xuanchuan"])
        #expect(try fresh.service.units(of: Demo.onsiteRoundID, for: admin).allSatisfy { $0.status == .submitted })
        let board = try fresh.service.competitionBoard(Demo.onsiteRoundID, Demo.competitionID, for: admin)
        #expect(board.record.jurors.map(\.id) == ["pingwei1", "pingwei2", "pingwei3", "pingwei4", "pingwei5"] && board.finalists.count == 3)
        let assessor = try fresh.service.signIn(user: "kaohezu", password: accounts[2].password).actor
        #expect(try fresh.service.assignments(Demo.onsiteRoundID, for: assessor).count == 4)
        try fresh.service.saveOnsite(Demo.onsiteRoundID, "mn-zuzhibu", item: "D1", points: "4", method: "现场查看", note: nil, by: assessor)
        #expect(try fresh.store.result(round: Demo.onsiteRoundID, unit: "mn-zuzhibu")?.contains("现场评分 4（现场查看，第一考核组）") == true)
    }
}
