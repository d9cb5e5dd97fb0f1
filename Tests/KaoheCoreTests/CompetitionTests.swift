import Foundation
@testable import KaoheCore
import Testing

/// Competitions (SPEC §9): trimmed jury means, weighted final scores, ties at the cut-offs,
/// invalid sheets with their locations, and the Maonan demo pinned by a golden file.
@Suite("Competitions")
struct CompetitionTests {
    static let repository = Fixtures.repository

    static func loaded() throws -> (Competition, ChecklistPlan) {
        let rules = try RuleFixture.bundled().rules
        let competition = try #require(rules.competitions["maonan.innovation-2026"])
        return (competition, try #require(rules.plans["maonan.organs"]))
    }

    static func runner(trim: Int = 1) throws -> CompetitionRunner {
        var (competition, plan) = try loaded()
        competition.trim = trim
        return CompetitionRunner(competition: competition, evaluator: BatchEvaluator(scorer: Scorer(plan: plan)))
    }

    /// A judge's sheet giving `total` spread over the five dimensions.
    static func sheet(_ judge: String, _ total: Rational) -> (judge: String, scores: [String: Rational]) {
        let each = total / 5
        return (judge, ["political": each, "ideological": each, "feasibility": each, "novelty": each, "effectiveness": each])
    }

    @Test("5 judges, trim 1: the highest and lowest totals are dropped and the rest averaged")
    func fiveJudges() throws {
        let jury = try Self.runner().score([Self.sheet("a", 70), Self.sheet("b", 80), Self.sheet("c", 85), Self.sheet("d", 90), Self.sheet("e", 99)])
        #expect(jury.mean == 85)
        #expect(jury.score == 85)
        #expect(jury.judges.filter { !$0.kept }.map(\.id) == ["a", "e"])
        #expect(jury.dimensions["novelty"] == 17)
    }

    @Test("7 judges with trim 1 and trim 2; the mean is exact, not rounded")
    func sevenJudges() throws {
        let sheets = [60, 70, 75, 80, 85, 90, 100].enumerated().map { Self.sheet("j\($0.offset)", Rational($0.element)) }
        #expect(try Self.runner(trim: 1).score(sheets).mean == 80)
        #expect(try Self.runner(trim: 2).score(sheets).mean == 80)
        let uneven = [Self.sheet("a", 81), Self.sheet("b", 82), Self.sheet("c", 82), Self.sheet("d", 90), Self.sheet("e", 60)]
        let mean = try Self.runner().score(uneven).mean
        #expect(DecimalMath.format(DecimalMath.round(mean)) == "81.67")
    }

    @Test("the final score weighs on-site, jury and daily by 40/50/10")
    func finalScore() throws {
        #expect(try Self.runner().finalScore(onsite: 90, jury: 80, daily: 95) == Rational(parsing: "85.5"))
        #expect(try Self.runner().finalScore(onsite: Rational(parsing: "87.92") ?? 0, jury: 88, daily: 88) == Rational(parsing: "87.968"))
    }

    static func entry(_ unit: String, onsite: Rational, jury: Rational? = nil, daily: Rational? = nil, final: Rational? = nil) -> CompetitionEntry {
        let result = UnitResult(checklistID: "c", checklistVersion: "", fingerprint: "", unit: Unit(id: unit, name: unit, category: nil),
                                asOf: Day(ordinal: 0), source: "", total: onsite, grade: nil, vetoes: [], bonus: 0, penalty: 0,
                                sections: [], items: [], findings: [], errors: [])
        let score = jury.map { JuryScore(judges: [], mean: $0, dimensions: [:], score: $0) }
        return CompetitionEntry(result: result, project: nil, ineligible: nil, daily: daily, jury: score, final: final)
    }

    @Test("a tie at the finalists' cut is broken by the daily score when it can be")
    func finalistTieBroken() throws {
        let runner = try Self.runner()
        let entries = [Self.entry("a", onsite: 95), Self.entry("b", onsite: 90, daily: 88), Self.entry("c", onsite: 90, daily: 92)]
        let (finalists, tie) = runner.cut(runner.rank(entries, by: [.onsite], then: [.daily]), at: 2, includeTie: true)
        #expect(finalists.map(\.entry.unit.id) == ["a", "c"])
        #expect(tie == nil)
    }

    @Test("a tie at the finalists' cut that nothing breaks is reported, and the tied units all go through")
    func finalistTieReported() throws {
        let runner = try Self.runner()
        let entries = [Self.entry("a", onsite: 95), Self.entry("b", onsite: 90, daily: 88), Self.entry("c", onsite: 90, daily: 88),
                       Self.entry("d", onsite: 80, daily: 99)]
        let (finalists, tie) = runner.cut(runner.rank(entries, by: [.onsite], then: [.daily]), at: 2, includeTie: true)
        #expect(finalists.map(\.entry.unit.id) == ["a", "b", "c"])
        #expect(tie?.units == ["b", "c"])
        #expect(tie?.resolution.contains("需研究决定") == true)
    }

    @Test("a tie at the winners' cut: broken by the jury score, else reported and left undecided")
    func winnerTies() throws {
        let runner = try Self.runner()
        let broken = [Self.entry("a", onsite: 90, jury: 80, daily: 90, final: 85), Self.entry("b", onsite: 95, jury: 75, daily: 90, final: 84),
                      Self.entry("c", onsite: 90, jury: 78, daily: 90, final: 84)]
        let (winners, tie) = runner.cut(runner.rank(broken, by: [], then: [.jury, .onsite, .daily]), at: 2, includeTie: false)
        #expect(winners.map(\.entry.unit.id) == ["a", "c"])
        #expect(tie == nil)
        let stuck = [Self.entry("a", onsite: 90, jury: 80, daily: 90, final: 85), Self.entry("b", onsite: 90, jury: 78, daily: 90, final: 84),
                     Self.entry("c", onsite: 90, jury: 78, daily: 90, final: 84)]
        let (named, undecided) = runner.cut(runner.rank(stuck, by: [], then: [.jury, .onsite, .daily]), at: 2, includeTie: false)
        #expect(named.map(\.entry.unit.id) == ["a"])
        #expect(undecided?.units == ["b", "c"])
    }

    static func documents(_ yaml: String, path: String) -> [AssessmentReader.Document] {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        return YAMLReader().parse(data: Data(yaml.utf8), path: path, sources: &sources, diagnostics: &diagnostics)
            .map { AssessmentReader.Document(node: $0, source: path) }
    }

    static func demo(_ folder: String) -> [AssessmentReader.Document] {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        return AssessmentReader().documents(paths: [repository.appendingPathComponent("examples/maonan-competition/\(folder)").path],
                                            sources: &sources, diagnostics: &diagnostics)
    }

    @Test("invalid sheets are refused, each error at its place", arguments: [
        ("kind: jury\ncompetition: maonan.innovation-2026\njudge: {id: j9}\nscores:\n  mn-swju: {political: 25, ideological: 18, feasibility: 18, novelty: 18, effectiveness: 18}\n",
         "jury.yaml:5:24: 25 is above the 20 points of 政治性"),
        ("kind: jury\ncompetition: maonan.innovation-2026\njudge: {id: j9}\nscores:\n  mn-dx: {political: 18, ideological: 18, feasibility: 18, novelty: 18, effectiveness: 18}\n",
         "jury.yaml:5:3: judge j9 scored 'mn-dx', which is not a finalist"),
        ("kind: jury\ncompetition: maonan.innovation-2026\njudge: {id: j9}\nscores:\n  mn-swju: {political: 18, ideological: 18, feasibility: 18, novelty: 18}\n",
         "jury.yaml:5:3: judge j9 gave 'mn-swju' no score for 实效性 (effectiveness)"),
    ])
    func invalidJurySheet(_ yaml: String, _ expected: String) throws {
        let runner = try Self.runner()
        var diagnostics = Diagnostics()
        let jury = Self.demo("jury") + Self.documents(yaml, path: "jury.yaml")
        let outcome = runner.run(assessments: Self.demo("assessments"), scoresheets: Self.demo("scoresheets"), jury: jury,
                                 daily: Self.demo("daily.yaml").first, diagnostics: &diagnostics)
        #expect(outcome == nil)
        let messages = diagnostics.sorted.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(messages.contains(expected), "\(messages)")
    }

    @Test("a finalist with fewer judges than the trim needs, and a score sheet for a unit with no assessment, are errors")
    func missingJudgesAndUnits() throws {
        let runner = try Self.runner()
        var diagnostics = Diagnostics()
        let fewJudges = Array(Self.demo("jury").prefix(4))
        let sheet = Self.documents("kind: scoresheet\nassessor: 第1考核组\nunit: mn-nosuch\nscores:\n  D1: {points: 4, method: 现场查看}\n", path: "sheet.yaml")
        _ = runner.run(assessments: Self.demo("assessments"), scoresheets: sheet, jury: fewJudges, daily: Self.demo("daily.yaml").first,
                       diagnostics: &diagnostics)
        #expect(diagnostics.sorted.map(\.message).contains("score sheet for unit 'mn-nosuch', which has no self-assessment in the assessments"))
        var second = Diagnostics()
        _ = runner.run(assessments: Self.demo("assessments"), scoresheets: Self.demo("scoresheets"), jury: fewJudges,
                       daily: Self.demo("daily.yaml").first, diagnostics: &second)
        #expect(second.sorted.first?.message == "finalist 'mn-cgj' has 4 judges' scores; with trim 1 it needs at least 5")
        #expect(second.errorCount == 20)
    }

    @Test("final weights that do not add up to 100 are a load error")
    func weights() throws {
        var diagnostics = Diagnostics()
        let node = try #require(Self.documents("""
            kaohe: 1
            kind: competition
            id: t.c
            title: 测试
            standards: maonan.brand-project
            onsite: maonan.organs
            finalists: 3
            winners: 4
            jury: {trim: 1, dimensions: [{id: a, title: 甲, points: 50}]}
            final: {onsite: 40, jury: 50}
            """, path: "c.yaml").first?.node)
        #expect(CompetitionParser().parse(node, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.message) == ["winners (4) cannot exceed finalists (3)", "the final weights add up to 90, not 100"])
    }

    @Test("the Maonan demo runs end to end; its report is pinned by a golden file")
    func demoGolden() throws {
        let runner = try Self.runner()
        var diagnostics = Diagnostics()
        let outcome = try #require(runner.run(assessments: Self.demo("assessments"), scoresheets: Self.demo("scoresheets"),
                                              jury: Self.demo("jury"), daily: Self.demo("daily.yaml").first, diagnostics: &diagnostics))
        #expect(!diagnostics.hasErrors)
        #expect(outcome.entries.count == 59)
        #expect(outcome.finalists.count == 20)
        #expect(outcome.winners.count == 8)
        #expect(outcome.entries.filter { $0.project?.outcome == "返工" }.count == 5)
        let ybj = try #require(outcome.entries.first { $0.unit.id == "mn-ybj" })
        #expect(ybj.project?.standards.first?.reasons == ["品牌名称与 mn-qzfb/p1「先锋工程」雷同（相似度 0.5）"])
        #expect(ybj.result.items.first { $0.id == "D1" }?.method == "座谈交流")
        try ReportTests.golden("competition.txt", CompetitionReport.table(outcome))
        let html = CompetitionReport.html(outcome)
        #expect(html.contains("评选漏斗") && html.components(separatedBy: "<svg").count - 1 == 22)
    }
}

extension CutoffTie: Equatable {
    public static func == (a: CutoffTie, b: CutoffTie) -> Bool { a.units == b.units && a.place == b.place }
}
