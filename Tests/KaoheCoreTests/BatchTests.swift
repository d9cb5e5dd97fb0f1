import Foundation
import Synchronization
import KaoheCore
import Testing

@Suite("Batches")
struct BatchTests {
    @Test("a large batch is scored on all cores in input order, identical to one-by-one scoring")
    func parallel() throws {
        let plan = try #require(try RuleFixture.bundled().rules.plans["leshan-shizhong.organs"])
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let categories = ["party-government", "law-enforcement", "economic", "social-service"]
        var lines: [String] = []
        for k in 0..<500 {
            lines.append("""
                {"kaohe": 1, "kind": "self-assessment", "checklist": "leshan-shizhong.organs", "as_of": "2026-11-30",
                 "unit": {"id": "U\(k)", "category": "\(categories[k % 4])"},
                 "facts": {"has_rules": \(k % 3 == 0), "study_sessions": \(k % 15), "last_election": "2023-0\(k % 9 + 1)-15",
                           "term_years": \(k % 2 == 0 ? 3 : 5), "problems_found": \(k % 7), "problems_fixed": \(k % 5),
                           "late_feedbacks": \(k % 4), "serious_violation": \(k % 97 == 0),
                           "meetings": [\((0..<(k % 13)).map { "{\"kind\": \"支委会\", \"date\": \"2026-\(String(format: "%02d", $0 % 12 + 1))-10\"}" }.joined(separator: ", "))]}}
                """.replacingOccurrences(of: "\n", with: " "))
        }
        let sources = SourceStore()
        var diagnostics = Diagnostics()
        let nodes = lines.enumerated().compactMap { index, line in
            var parser = JSONNodeParser(text: line, path: "batch.jsonl", firstLine: index + 1)
            return try? parser.parseDocument()
        }
        let decoded = evaluator.decode(nodes.map { .init(node: $0, source: "batch.jsonl") }, asOf: nil, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(DiagnosticRenderer(sources: sources).render(diagnostics.sorted))")
        #expect(decoded.count == 500)
        let counts = CountBox()
        let parallel = evaluator.evaluate(decoded) { done in counts.add(done) }
        let serial = decoded.map { evaluator.scorer.evaluate($0.0, asOf: $0.1) }
        #expect(parallel.map(\.unit.id) == serial.map(\.unit.id))
        #expect(parallel.map { ResultJSON.text($0) } == serial.map { ResultJSON.text($0) })
        #expect(counts.maximum == 500)
        let vetoed = parallel.filter { !$0.vetoes.isEmpty }
        #expect(vetoed.map(\.unit.id) == ["U0", "U97", "U194", "U291", "U388", "U485"])
        #expect(vetoed.allSatisfy { $0.grade == "差" })
    }
}

/// Records the largest progress count reported (progress comes from several threads).
final class CountBox: Sendable {
    private let value = Mutex(0)
    func add(_ n: Int) { value.withLock { $0 = max($0, n) } }
    var maximum: Int { value.withLock { $0 } }
}
