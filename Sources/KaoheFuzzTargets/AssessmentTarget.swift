import Foundation
import KaoheCore

/// Bytes as a self-assessment, decoded against the checklist it names (or each bundled one)
/// and scored.
enum AssessmentTarget {
    static func runYAML(_ data: Data) -> [String] {
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        let nodes = YAMLReader().parse(data: data, path: "fuzz.yaml", sources: &sources, diagnostics: &diagnostics)
        var problems = Invariants.diagnostics(diagnostics, sources: sources)
        for node in nodes {
            problems += score(AssessmentReader.Document(node: node, source: "fuzz.yaml"), sources: sources)
        }
        return problems
    }

    static func runJSONLine(_ data: Data) -> [String] {
        guard let text = String(data: data, encoding: .utf8), !text.contains("\n") else { return [] }
        var parser = JSONNodeParser(text: text, path: "fuzz.jsonl", firstLine: 1)
        var sources = SourceStore()
        sources.add(path: "fuzz.jsonl", text: text)
        do {
            let node = try parser.parseDocument()
            return score(AssessmentReader.Document(node: node, source: "fuzz.jsonl:1"), sources: sources)
        } catch {
            if error.location.line != 1 || error.location.column < 1 {
                return ["JSON error at \(error.location), not on line 1: \(error.message)"]
            }
            return []
        }
    }

    static func score(_ document: AssessmentReader.Document, sources: SourceStore) -> [String] {
        let world = FuzzWorld.shared
        let named = AssessmentReader.checklistID(of: document.node).flatMap { world.rules.plans[$0] }
        var problems: [String] = []
        for plan in named.map({ [$0] }) ?? world.plans {
            let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
            var diagnostics = Diagnostics()
            let decoded = evaluator.decode([document], asOf: nil, diagnostics: &diagnostics)
            problems += Invariants.diagnostics(diagnostics, sources: sources)
            for result in evaluator.evaluate(decoded) { problems += Invariants.result(result, plan: plan) }
        }
        return problems
    }
}
