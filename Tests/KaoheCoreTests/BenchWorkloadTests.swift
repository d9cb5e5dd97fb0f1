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

/// Streaming with one plan copy per thread gives what streaming on one shared plan gives, and
/// the copies share no item with it.
@Suite("Plan replicas")
struct PlanReplicaTests {
    @Test("the stream on per-thread plan copies writes the pinned output byte for byte; no copy shares an item with the plan")
    func replicas() throws {
        let engine = Engine(registry: try RuleFixture.registry())
        let rules = engine.loadRules(at: [Fixtures.repository.appendingPathComponent("bench/rules").path])
        let plan = try rules.plan("bench.workload")
        let replicas = engine.replicas(of: plan, from: rules, explaining: true)
        #expect(replicas.count == ProcessInfo.processInfo.activeProcessorCount - 1)
        for replica in replicas {
            #expect(replica.scorer.plan.fingerprint == plan.fingerprint)
            #expect(replica.scorer.plan.sections[0].items[0] !== plan.sections[0].items[0])
        }
        var streamer = StreamingEvaluator(evaluator: BatchEvaluator(scorer: Scorer(plan: plan)), replicas: replicas)
        streamer.linesPerBlock = 300
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        var output: [UInt8] = []
        let summary = try streamer.run(path: Fixtures.path("bench/units_2000.jsonl"), asOf: nil, sources: &sources, diagnostics: &diagnostics,
                                       render: { ResultJSON.appendLine($0, brief: false, to: &$1) }, write: { output += $0 })
        #expect(!diagnostics.hasErrors)
        #expect(summary.units == 2000)
        #expect(SHA256.hex(output) == "c8447f7c259f68da31915f26103b3377bb3adaebf27779b509573182dda27761")
    }
}
