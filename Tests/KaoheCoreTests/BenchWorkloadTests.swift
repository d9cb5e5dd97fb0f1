import Foundation
import KaoheCore
import Testing

/// The peer-benchmark workload (bench/rules/workload.yaml) gives exactly the reference
/// implementation's totals and failed rule ids on the 2,000-unit verification set.
@Suite("Benchmark workload")
struct BenchWorkloadTests {
    @Test("2,000 generated units: totals and failed rule ids equal ref.py's output")
    func matchesReference() throws {
        let rules = RulesLoader(registry: try RuleFixture.registry()).load(paths: [Fixtures.repository.appendingPathComponent("bench/rules").path])
        #expect(!rules.diagnostics.hasErrors)
        let plan = try #require(rules.rules.plans["bench.workload"])
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let documents = AssessmentReader().documents(paths: [Fixtures.path("bench/units_2000.jsonl")], sources: &sources, diagnostics: &diagnostics)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let results = evaluator.evaluate(evaluator.decode(documents, asOf: nil, diagnostics: &diagnostics))
        #expect(!diagnostics.hasErrors)
        #expect(results.count == 2000)
        let expected = try String(contentsOfFile: Fixtures.path("bench/expected_2000.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { line -> (String, String, [String]) in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let score = try #require(object["score"] as? NSNumber)
                return (object["id"] as? String ?? "", String(format: "%.2f", score.doubleValue), object["failed"] as? [String] ?? [])
            }
        var mismatches: [String] = []
        var scoreSum = Rational(0), failedCount = 0
        for (result, (id, score, failed)) in zip(results, expected) {
            let actualFailed = Array(Set(result.findings.map(\.item))).sorted()
            scoreSum += result.roundedTotal
            failedCount += actualFailed.count
            if result.unit.id != id || DecimalMath.format(result.total, decimals: 2) != score || actualFailed != failed {
                mismatches.append("\(id): \(DecimalMath.format(result.total, decimals: 2)) \(actualFailed) vs \(score) \(failed)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // The check values WORKLOAD.md gives for this file.
        #expect(scoreSum == Rational(parsing: "131335.75"))
        #expect(failedCount == 18662)
        // The whole JSON Lines output, byte for byte (explanations, findings, number forms):
        // optimisations of the scorer and the writer must not change a single byte. If a change
        // is meant, re-record the hash with `kaohe evaluate --format jsonl … | sha256sum`.
        let jsonl = results.map { ResultJSON.line($0) }.joined()
        #expect(SHA256.hex(jsonl.utf8) == "c8447f7c259f68da31915f26103b3377bb3adaebf27779b509573182dda27761")
    }
}
