import Foundation
import KaoheCore
import PropertyBased
import Testing

/// Invariants of scoring over generated self-assessments of the benchmark checklist (30 rules of
/// every kind): bounds, vetoes, monotonicity, determinism, and JSON that parses back.
@Suite("Scoring properties")
struct ScoringPropertyTests {
    static let plan: ChecklistPlan? = {
        let loaded = try? RulesLoader(registry: AllPacks.registry()).load(paths: [Fixtures.repository.appendingPathComponent("bench/rules").path])
        return loaded?.rules.plans["bench.workload"]
    }()

    /// A random unit of the benchmark checklist, from a seed.
    static func unit(_ seed: Int, veto: Bool? = nil, studySessions: Int? = nil) -> String {
        var random = RandomExpression(state: UInt64(bitPattern: Int64(seed)))
        let categories = ["party-government", "law-enforcement", "economic", "social-service"]
        let kinds = ["branch-assembly", "committee", "group", "lecture", "theme-day"]
        let found = random.next(41)
        let meetings = (0..<random.next(40)).map { _ in
            "{type: \(kinds[random.next(5)]), date: 2026-\(Day.padded(random.next(12) + 1, 2))-\(Day.padded(random.next(28) + 1, 2))}"
        }
        return """
            kaohe: 1
            kind: self-assessment
            unit: {id: U\(seed), category: \(categories[random.next(4)])}
            as_of: 2026-11-29
            facts:
              members: \(random.next(201))
              branches: \(random.next(21))
              study_sessions: \(studySessions ?? random.next(61))
              trainings: \(random.next(6))
              problems_found: \(found)
              problems_rectified: \(random.next(found + 1))
              cadres_serving: \(random.next(51))
              enterprises_served: \(random.next(101))
              last_election: 20\(19 + random.next(8))-\(Day.padded(random.next(12) + 1, 2))-\(Day.padded(random.next(28) + 1, 2))
              term_years: \(random.next(2) == 0 ? 3 : 5)
              has_responsibility_list: \(random.next(2) == 0)
              has_rules_of_procedure: \(random.next(2) == 0)
              veto_incident: \(veto ?? (random.next(30) == 0))
              meetings: [\(meetings.joined(separator: ", "))]
            """
    }

    static func score(_ yaml: String) throws -> UnitResult {
        try RuleFixture.assess(try #require(plan), yaml)
    }

    @Test("every item earns between 0 and its points; the total stays within [0, 100]")
    func bounds() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max)) { seed in
            guard let result = try? Self.score(Self.unit(seed)) else {
                Issue.record("unit \(seed) did not score")
                return
            }
            #expect(result.items.allSatisfy { $0.awarded >= 0 && $0.awarded <= $0.points })
            #expect(result.total >= 0 && result.total <= 100)
            #expect(result.sections.allSatisfy { $0.score >= 0 && $0.score <= $0.points })
        }
    }

    @Test("a veto always zeroes the total, whatever else the unit did")
    func veto() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max)) { seed in
            let result = try? Self.score(Self.unit(seed, veto: true))
            #expect(result?.total == 0)
            #expect(result?.vetoes.map(\.id) == ["R30"])
        }
    }

    @Test("more study sessions never lower the score (threshold items are monotone)")
    func monotone() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max), Gen.int(in: 0...59)) { seed, sessions in
            guard let fewer = try? Self.score(Self.unit(seed, studySessions: sessions)),
                  let more = try? Self.score(Self.unit(seed, studySessions: sessions + 1)) else {
                Issue.record("unit \(seed) did not score")
                return
            }
            #expect(more.total >= fewer.total, "seed \(seed): \(sessions) → \(fewer.total), \(sessions + 1) → \(more.total)")
        }
    }

    @Test("the same unit gives byte-identical JSON, which parses back to the same total")
    func deterministic() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max)) { seed in
            guard let a = try? Self.score(Self.unit(seed)), let b = try? Self.score(Self.unit(seed)) else {
                Issue.record("unit \(seed) did not score")
                return
            }
            let text = ResultJSON.text(a)
            #expect(text == ResultJSON.text(b))
            let parsed = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            let total = (parsed?["total"] as? NSNumber).map { DecimalMath.format(DecimalMath.round(Rational(parsing: $0.stringValue) ?? -1)) }
            #expect(total == a.totalText)
        }
    }
}
