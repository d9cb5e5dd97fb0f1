import Foundation
import KaoheCore
import Testing

/// A pack can add functions to the expression language; they are type-checked like built-ins.
@Suite("Pack functions")
struct PackFunctionTests {
    static let quarter = ExpressionFunction(name: "quarter", parameters: [.date], result: .number, summary: "the quarter (1–4) of a date") { args throws(EvaluationFault) in
        guard case .date(let day)? = args.first else { throw EvaluationFault("quarter() needs a date") }
        return .number(Rational((day.components.month - 1) / 3 + 1))
    }

    static func load(_ expression: String) throws -> LoadResult {
        let registry = try Registry(packs: [Pack(id: "calendar", title: "日历", checks: [], functions: [quarter])])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-fn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try RuleFixture.checklist(facts: "held: {type: date, title: 召开日期}", items: """
            - {id: A1, title: 第四季度召开, points: 100, score: {binary: "\(expression)"}}
            """).replacingOccurrences(of: "packs: [common]", with: "packs: [calendar]")
            .write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        return RulesLoader(registry: registry).load(paths: [folder.path])
    }

    @Test("a pack's function evaluates inside a rule")
    func evaluates() throws {
        let loaded = try Self.load("quarter(held) == 4")
        #expect(!loaded.diagnostics.hasErrors)
        let plan = try #require(loaded.rules.plans.values.first)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        let nodes = YAMLReader().parse(data: Data(RuleFixture.input("{held: 2026-11-20}").utf8), path: "i.yaml", sources: &sources,
                                       diagnostics: &diagnostics)
        let results = evaluator.evaluate(evaluator.decode(nodes.map { .init(node: $0, source: "i.yaml") }, asOf: nil, diagnostics: &diagnostics))
        #expect(results.first?.totalText == "100")
    }

    @Test("a pack's function is type-checked when rules load")
    func typeChecked() throws {
        let loaded = try Self.load("quarter(1) == 4")
        #expect(loaded.diagnostics.sorted.map(\.message) == ["quarter() expects a date here, not a number"])
    }

    @Test("a function cannot take a built-in's name")
    func reservedName() {
        let size = ExpressionFunction(name: "size", parameters: [], result: .number, summary: "") { _ throws(EvaluationFault) in .number(0) }
        #expect(throws: Registry.DuplicateID.self) { try Registry(packs: [Pack(id: "x", title: "x", checks: [], functions: [size])]) }
    }
}
