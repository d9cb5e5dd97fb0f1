import Benchmark
import Foundation
import KaoheBundledPacks
import KaoheCore

/// The repository this package sits in.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The benchmark workload: its checklist, and the first generated unit as a JSON line.
struct Workload {
    let registry: Registry
    let plan: ChecklistPlan
    let line: String

    init?() {
        guard let registry = try? Registry(packs: BundledPacks.all),
              let plan = RulesLoader(registry: registry).load(paths: [root.appendingPathComponent("bench/rules").path]).rules.plans["bench.workload"],
              let units = try? String(contentsOf: root.appendingPathComponent("Tests/KaoheCoreTests/Fixtures/bench/units_2000.jsonl"), encoding: .utf8),
              let line = units.split(separator: "\n").first else { return nil }
        self.registry = registry
        self.plan = plan
        self.line = String(line)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))
    guard let workload = Workload() else {
        fatalError("run from a Kaohe checkout: bench/rules and the benchmark fixture are needed")
    }
    let evaluator = BatchEvaluator(scorer: Scorer(plan: workload.plan, registry: workload.registry))

    Benchmark("load + compile the bundled rules (rules/)") { benchmark in
        let loader = RulesLoader(registry: workload.registry)
        for _ in benchmark.scaledIterations {
            blackHole(loader.load(paths: [root.appendingPathComponent("rules").path]))
        }
    }

    Benchmark("decode one JSON line (fast lane)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(evaluator.decodeFast(workload.line, path: "u.jsonl", number: 1, asOf: nil))
        }
    }

    Benchmark("decode one JSON line (careful path)") { benchmark in
        for _ in benchmark.scaledIterations {
            var parser = JSONNodeParser(text: workload.line, path: "u.jsonl", firstLine: 1)
            var diagnostics = Diagnostics()
            if let node = try? parser.parseDocument() {
                blackHole(evaluator.decode([AssessmentReader.Document(node: node, source: "u.jsonl:1")], asOf: nil, diagnostics: &diagnostics))
            }
        }
    }

    if let (assessment, day) = evaluator.decodeFast(workload.line, path: "u.jsonl", number: 1, asOf: nil) {
        Benchmark("score one unit (30 rules)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(evaluator.scorer.evaluate(assessment, asOf: day))
            }
        }
        let result = evaluator.scorer.evaluate(assessment, asOf: day)
        Benchmark("render one result as JSON") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(ResultJSON.object(result).text)
            }
        }
        let meetingsRule = ExpressionCompiler(scope: workload.plan.scope)
            .compile(.commandLine("size(meetings.filter(m, m.type == 'committee' && m.date >= date('2026-01-01'))) >= 10"))
        if case .success(let compiled) = meetingsRule {
            Benchmark("expression: filter 60 meeting records") { benchmark in
                for _ in benchmark.scaledIterations {
                    var frame = Frame(facts: assessment.facts, asOf: day, period: nil)
                    blackHole(try? Evaluator.evaluate(compiled, &frame))
                }
            }
        }
    }
}
