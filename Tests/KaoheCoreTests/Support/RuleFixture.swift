import Foundation
import KaoheCommon
import KaoheCore
import Testing

/// Builds rules and inputs from YAML text in a temporary folder, for scoring tests.
struct RuleFixture {
    struct LoadFailed: Error, CustomStringConvertible {
        var description: String
    }

    static func registry() throws -> Registry { try AllPacks.registry() }

    /// Loads one checklist document (plus any others) and returns the plan of `id`.
    static func plan(_ documents: String..., id: String? = nil) throws -> ChecklistPlan {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, text) in documents.enumerated() {
            try text.write(to: folder.appendingPathComponent("doc\(index).yaml"), atomically: true, encoding: .utf8)
        }
        let result = RulesLoader(registry: try registry()).load(paths: [folder.path])
        if result.diagnostics.hasErrors {
            throw LoadFailed(description: DiagnosticRenderer(sources: result.sources).render(result.diagnostics.sorted))
        }
        guard let plan = id.map({ result.rules.plans[$0] }) ?? result.rules.plans.values.first else {
            throw LoadFailed(description: "no checklist")
        }
        return plan
    }

    /// The bundled rules of the repository.
    static func bundled() throws -> LoadResult {
        let result = RulesLoader(registry: try registry()).load(paths: [Fixtures.repository.appendingPathComponent("rules").path])
        if result.diagnostics.hasErrors {
            throw LoadFailed(description: DiagnosticRenderer(sources: result.sources).render(result.diagnostics.sorted))
        }
        return result
    }

    /// Scores a self-assessment written as YAML text.
    static func assess(_ plan: ChecklistPlan, _ yaml: String, asOf: String? = nil) throws -> UnitResult {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let nodes = YAMLReader().parse(data: Data(yaml.utf8), path: "input.yaml", sources: &sources, diagnostics: &diagnostics)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let decoded = evaluator.decode(nodes.map { .init(node: $0, source: "input.yaml") }, asOf: asOf.flatMap { Day($0) },
                                       diagnostics: &diagnostics)
        if diagnostics.hasErrors || decoded.isEmpty {
            throw LoadFailed(description: DiagnosticRenderer(sources: sources).render(diagnostics.sorted))
        }
        return evaluator.evaluate(decoded)[0]
    }

    /// Input diagnostics for a self-assessment that should be refused.
    static func inputErrors(_ plan: ChecklistPlan, _ yaml: String) throws -> String {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let nodes = YAMLReader().parse(data: Data(yaml.utf8), path: "input.yaml", sources: &sources, diagnostics: &diagnostics)
        _ = BatchEvaluator(scorer: Scorer(plan: plan))
            .decode(nodes.map { .init(node: $0, source: "input.yaml") }, asOf: nil, diagnostics: &diagnostics)
        return DiagnosticRenderer(sources: sources).render(diagnostics.sorted)
    }

    /// A one-section checklist with the given facts and items (YAML fragments), points summing to `P`.
    static func checklist(id: String = "t.mini", facts: String, items: String, extra: String = "") -> String {
        """
        kaohe: 1
        kind: checklist
        id: \(id)
        title: 测试清单
        packs: [common]
        facts:
        \(facts.indented(2))
        grades:
          - {grade: 好, min: 90}
          - {grade: 较好, min: 80}
          - {grade: 一般, min: 60}
          - {grade: 差, min: 0}
        sections:
          - id: A
            title: 测试
            items:
        \(items.indented(6))
        \(extra)
        """
    }

    static func input(_ facts: String, unit: String = "{id: u1, name: 测试单位}", responses: String = "{}", asOf: String = "2026-11-30") -> String {
        """
        kaohe: 1
        kind: self-assessment
        unit: \(unit)
        as_of: \(asOf)
        facts:
        \(facts.indented(2))
        responses: \(responses)
        """
    }
}

extension String {
    func indented(_ spaces: Int) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
    }
}

extension UnitResult {
    func item(_ id: String) -> ItemResult? { items.first { $0.id == id } }
    var findingIDs: [String] { findings.map(\.id).sorted() }
    var totalText: String { DecimalMath.format(roundedTotal) }
}
