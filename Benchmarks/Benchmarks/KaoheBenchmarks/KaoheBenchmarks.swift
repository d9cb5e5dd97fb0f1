import Benchmark
import Foundation
import KaoheBundledPacks
import KaoheCore

/// The repository this package sits in.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The benchmark workload: its checklist, and the first generated unit as a JSON line. Only the
/// library's public API is used (this is a package of its own).
struct Workload {
    let engine: Engine
    let rules: LoadResult
    let plan: ChecklistPlan
    let line: String

    init?() {
        guard let engine = try? Engine(packs: BundledPacks.all),
              case let rules = engine.loadRules(at: [root.appendingPathComponent("bench/rules").path]),
              let plan = rules.rules.plans["bench.workload"],
              let units = try? String(contentsOf: root.appendingPathComponent("Tests/KaoheCoreTests/Fixtures/bench/units_2000.jsonl"), encoding: .utf8),
              let line = units.split(separator: "\n").first else { return nil }
        self.engine = engine
        self.rules = rules
        self.plan = plan
        self.line = String(line)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))
    guard let workload = Workload() else {
        fatalError("run from a Kaohe checkout: bench/rules and the benchmark fixture are needed")
    }
    let evaluator = BatchEvaluator(scorer: Scorer(plan: workload.plan))

    Benchmark("load + compile the bundled rules (rules/)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(workload.engine.loadRules(at: [root.appendingPathComponent("rules").path]))
        }
    }

    Benchmark("decode one JSON line (fast lane)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(evaluator.decodeFast(workload.line, path: "u.jsonl", number: 1, asOf: nil))
        }
    }

    Benchmark("decode and score one document (careful path, from text)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? workload.engine.evaluate(workload.rules, text: workload.line, path: "u.json"))
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
                blackHole(ResultJSON.text(result))
            }
        }
    }
    Benchmark("expression: compile and evaluate on plain values") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? workload.engine.evaluateExpression("size([1, 2, 3, 4, 5].filter(x, x > 2)) * 2", in: .init()))
        }
    }
}
