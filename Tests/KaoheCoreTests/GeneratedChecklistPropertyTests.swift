import Foundation
import KaoheCore
import PropertyBased
import Testing

/// Invariants over generated checklists and generated self-assessments (1,000 cases each):
/// bounds, vetoes, monotone facts, order independence, JSON that round-trips, and overlay
/// resolution that is idempotent.
@Suite("Generated checklist properties")
struct GeneratedChecklistPropertyTests {
    static func load(_ texts: [(path: String, text: String)]) -> RuleSet? {
        let loaded = RulesLoader(registry: .empty).load(texts: texts)
        let errors = loaded.diagnostics.all.filter { $0.severity == .error }
        if !errors.isEmpty { Issue.record("generated rules do not load: \(errors.map(\.message))\n\(texts.map(\.text).joined())") }
        return errors.isEmpty ? loaded.rules : nil
    }

    static func results(_ plan: ChecklistPlan, _ units: [String]) -> [UnitResult] {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let documents = units.enumerated().flatMap { index, text in
            YAMLReader().parse(data: Data(text.utf8), path: "u\(index).yaml", sources: &sources, diagnostics: &diagnostics)
                .map { AssessmentReader.Document(node: $0, source: "u\(index).yaml") }
        }
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let decoded = evaluator.decode(documents, asOf: nil, diagnostics: &diagnostics)
        if diagnostics.hasErrors { Issue.record("generated units do not decode: \(diagnostics.all.map(\.message))") }
        return evaluator.evaluate(decoded)
    }

    @Test("0 ≤ awarded ≤ points; total within [0, 100 + bonus cap]; a veto forces its grade")
    func bounds() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max)) { seed in
            let checklist = GeneratedChecklist(seed: seed)
            guard let plan = Self.load([("gen.yaml", checklist.yaml)])?.plans["gen.base"] else { return }
            let units = (0..<4).map { GeneratedChecklist.unit("u\($0)", seed: seed &+ $0) }
            for (unit, result) in zip(units, Self.results(plan, units)) {
                for item in result.items {
                    #expect(item.awarded >= 0 && item.awarded <= item.points, "\(item.id): \(item.awarded)/\(item.points)\n\(checklist.yaml)\n\(unit)")
                }
                #expect(result.total >= 0 && result.total <= Rational(100 + checklist.bonusCap), "total \(result.total)\n\(checklist.yaml)\n\(unit)")
                if let veto = checklist.veto, unit.contains("v0: true") {
                    #expect(result.grade == veto.grade, "veto grade\n\(checklist.yaml)\n\(unit)")
                    if veto.zero { #expect(result.total == 0) }
                }
            }
        }
    }

    @Test("raising a good fact never lowers the total")
    func monotone() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max), Gen.int(in: 1...40)) { seed, raise in
            let checklist = GeneratedChecklist(seed: seed)
            guard let plan = Self.load([("gen.yaml", checklist.yaml)])?.plans["gen.base"] else { return }
            let fact = GeneratedChecklist.goodFacts[seed % 2]
            let base = Int(abs(seed % 25))
            let low = GeneratedChecklist.unit("u", seed: seed, overrides: [fact: String(base)])
            let high = GeneratedChecklist.unit("u", seed: seed, overrides: [fact: String(base + raise)])
            let results = Self.results(plan, [low]) + Self.results(plan, [high])
            guard results.count == 2 else { return }
            #expect(results[1].total >= results[0].total, "\(fact) \(base) → \(base + raise): \(results[0].total) → \(results[1].total)\n\(checklist.yaml)\n\(low)")
        }
    }

    @Test("a batch scores the same in any order, and twice the same")
    func orderIndependent() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max)) { seed in
            let checklist = GeneratedChecklist(seed: seed)
            guard let plan = Self.load([("gen.yaml", checklist.yaml)])?.plans["gen.base"] else { return }
            let units = (0..<5).map { GeneratedChecklist.unit("u\($0)", seed: seed &+ $0) }
            func json(_ order: [String]) -> [String: String] {
                Dictionary(uniqueKeysWithValues: Self.results(plan, order).map { ($0.unit.id, ResultJSON.text($0)) })
            }
            let forward = json(units)
            #expect(forward == json(units.reversed()))
            #expect(forward == json(units))
        }
    }

    @Test("result JSON parses back to the same totals, grades and awards")
    func jsonRoundTrip() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max)) { seed in
            let checklist = GeneratedChecklist(seed: seed)
            guard let plan = Self.load([("gen.yaml", checklist.yaml)])?.plans["gen.base"] else { return }
            for result in Self.results(plan, [GeneratedChecklist.unit("u", seed: seed)]) {
                var parser = JSONNodeParser(text: ResultJSON.text(result), path: "r.json", firstLine: 1)
                guard let node = try? parser.parseDocument() else {
                    Issue.record("result JSON does not parse")
                    continue
                }
                #expect(node["total"]?.scalar.flatMap { Rational(parsing: $0) } == DecimalMath.round(result.total))
                #expect(node["grade"]?.scalar == result.grade)
                let awarded = node["items"]?.sequence?.map { ($0["id"]?.scalar ?? "", $0["awarded"]?.scalar.flatMap { Rational(parsing: $0) }) }
                #expect(awarded?.map(\.0) == result.items.map(\.id))
                #expect(awarded?.map(\.1) == result.items.map { DecimalMath.round($0.awarded) })
            }
        }
    }

    @Test("overlay resolution is idempotent: an empty overlay changes nothing, the same change twice equals once")
    func overlayIdempotent() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max), Gen.int(in: 1...20)) { seed, newPoints in
            let checklist = GeneratedChecklist(seed: seed)
            let modify = "modify:\n  - {item: I0, set: {points: \(newPoints), score: {binary: b0}}}\n"
            let header = "kaohe: 1\nkind: checklist\nversion: \"1\"\ntitle: 生成的清单\n"
            let texts: [(path: String, text: String)] = [
                ("base.yaml", checklist.yaml),
                ("empty.yaml", header + "id: gen.empty\nextends: gen.base\n"),
                ("once.yaml", header + "id: gen.once\nextends: gen.base\n" + modify),
                ("twice.yaml", header + "id: gen.twice\nextends: gen.once\n" + modify),
            ]
            guard let rules = Self.load(texts) else { return }
            func shape(_ id: String) -> String {
                guard let c = rules.checklists[id] else { return "missing \(id)" }
                return ChecklistText.render(c, origins: false).split(separator: "\n").filter { !$0.hasPrefix("id: ") }.joined(separator: "\n")
            }
            #expect(shape("gen.empty") == shape("gen.base"))
            #expect(shape("gen.twice") == shape("gen.once"))
            #expect(shape("gen.once") != shape("gen.base") || checklist.yaml.contains("id: I0, title: 项目0, points: \(newPoints), score: {binary: b0}"))
            let unit = GeneratedChecklist.unit("u", seed: seed)
            if let base = rules.plans["gen.base"], let empty = rules.plans["gen.empty"] {
                #expect(Self.results(base, [unit]).map(\.total) == Self.results(empty, [unit.replacingOccurrences(of: "gen.base", with: "gen.empty")]).map(\.total))
            }
        }
    }
}
