import Foundation
import KaoheCore
import Testing

/// Each scoring rule of SPEC §2.1–2.3, with hand-computed expectations.
@Suite("Scoring")
struct ScoringTests {
    static let facts = """
        n: {type: int, min: 0, title: 数量}
        ok: {type: bool, title: 是否完成}
        a: {type: int, min: 0, title: 已整改}
        b: {type: int, min: 0, title: 发现问题}
        x: {type: decimal, title: 数值}
        """

    func plan(_ items: String, extra: String = "") throws -> ChecklistPlan {
        try RuleFixture.plan(RuleFixture.checklist(facts: Self.facts, items: items, extra: extra))
    }

    @Test("binary: all points when true, 0 when false")
    func binary() throws {
        let p = try plan("- {id: A1, title: 甲, points: 100, score: {binary: ok}}")
        #expect(try RuleFixture.assess(p, RuleFixture.input("{ok: true}")).totalText == "100")
        let r = try RuleFixture.assess(p, RuleFixture.input("{ok: false}"))
        #expect(r.totalText == "0")
        #expect(r.item("A1")?.status == .unmet)
        #expect(r.findings.first?.message == "甲：得 0 分（满分 100 分）")
    }

    @Test("expr: clamped to [0, points]", arguments: [("{x: 42.5}", "42.5"), ("{x: 120}", "100"), ("{x: -3}", "0")])
    func expr(_ facts: String, _ total: String) throws {
        let p = try plan("- {id: A1, title: 甲, points: 100, score: {expr: x}}")
        #expect(try RuleFixture.assess(p, RuleFixture.input(facts)).totalText == total)
    }

    @Test("thresholds: the first step whose min is reached", arguments: [(13, "100"), (12, "100"), (11, "50"), (6, "50"), (5, "0")])
    func thresholds(_ n: Int, _ total: String) throws {
        let p = try plan("- {id: A1, title: 甲, points: 100, score: {thresholds: {value: n, steps: [{min: 12, points: 100}, {min: 6, points: 50}]}}}")
        #expect(try RuleFixture.assess(p, RuleFixture.input("{n: \(n)}")).totalText == total)
    }

    @Test("ratio: points × min(1, ratio / full_at), and when_zero", arguments: [
        ("{a: 9, b: 10}", "full", "100"), ("{a: 6, b: 10}", "full", "66.67"), ("{a: 12, b: 10}", "full", "100"),
        ("{a: 0, b: 0}", "full", "100"), ("{a: 0, b: 0}", "zero", "0"), ("{a: 1, b: 3}", "full", "37.04"),
    ])
    func ratio(_ facts: String, _ whenZero: String, _ total: String) throws {
        let p = try plan("- {id: A1, title: 甲, points: 100, score: {ratio: {of: a, over: b, full_at: 0.9, when_zero: \(whenZero)}}}")
        #expect(try RuleFixture.assess(p, RuleFixture.input(facts)).totalText == total)
    }

    @Test("exact whatever the order of operations: 1.5 points, 6 of 16, full at 0.9 is 0.625 and shows 0.63 (SPEC §2.2)")
    func exactRatio() throws {
        let p = try plan("""
            - {id: A1, title: 甲, points: 1.5, score: {ratio: {of: a, over: b, full_at: 0.9}}}
            - {id: A2, title: 乙, points: 1.5, score: {expr: "a / b / 0.9 * 1.5"}}
            - {id: A3, title: 丙, points: 97, score: {binary: "true"}}
            """)
        let r = try RuleFixture.assess(p, RuleFixture.input("{a: 6, b: 16}"))
        #expect(r.item("A1")?.awarded == Rational(5, 8))
        #expect(r.item("A2")?.awarded == Rational(5, 8))
        #expect(ResultJSON.text(r).contains(#""awarded": 0.63"#))
        #expect(r.totalText == "98.25")
    }

    @Test("deduct: per × count, capped, never below 0", arguments: [(0, "100"), (3, "97"), (30, "80"), (500, "80")])
    func deduct(_ n: Int, _ total: String) throws {
        let p = try plan("""
            - {id: A1, title: 甲, points: 90, score: {deduct: {per: 1, count: n, cap: 20}}, finding: "少{count}次"}
            - {id: A2, title: 乙, points: 10, score: {binary: "true"}}
            """)
        let r = try RuleFixture.assess(p, RuleFixture.input("{n: \(n)}"))
        #expect(r.totalText == total)
        if n > 0 { #expect(r.findings.first?.message == "少\(n)次") }
    }

    @Test("a finding template fills every known placeholder, twice if written twice, and leaves unknown ones as written")
    func findingTemplate() throws {
        let p = try plan("""
            - {id: A1, title: 甲, points: 90, score: {deduct: {per: 1, count: n, cap: 20}}, finding: "{count}次，共{count}次；{other}{count"}
            - {id: A2, title: 乙, points: 10, score: {binary: "true"}}
            """)
        let r = try RuleFixture.assess(p, RuleFixture.input("{n: 7}"))
        #expect(r.findings.first?.message == "7次，共7次；{other}{count")
    }

    @Test("check: a pack's check scores the item; a notice rides along at full points")
    func check() throws {
        let p = try RuleFixture.plan(RuleFixture.checklist(facts: """
            last_election: {type: date, title: 上次换届时间}
            term_years: {type: int, title: 任期}
            """, items: "- {id: A1, title: 换届, points: 100, score: {check: common.term-expiry, with: {warn_before: 90d}}, rectify: {action: 启动换届, within: 30d}}"))
        let expired = try RuleFixture.assess(p, RuleFixture.input("{last_election: 2021-06-30, term_years: 5}"))
        #expect(expired.totalText == "0")
        #expect(expired.findings.map(\.message) == ["未按期换届（超期 153 天）"])
        #expect(expired.findings.first?.severity == .major)
        #expect(expired.findings.first?.due == Day("2026-12-30"))
        let due = try RuleFixture.assess(p, RuleFixture.input("{last_election: 2024-01-20, term_years: 3}"))
        #expect(due.totalText == "100")
        #expect(due.findings.map(\.message) == ["换届提醒：任期将于 2027-01-20 届满"])
        #expect(due.findings.first?.severity == .notice)
        #expect(due.findings.first?.deduction == 0)
        let missing = try RuleFixture.assess(p, RuleFixture.input("{term_years: 3}"))
        #expect(missing.item("A1")?.status == .missing)
        #expect(missing.findings.map(\.message) == ["补充材料：上次换届时间"])
    }

    @Test("manual: the self score, marked unverified; without one, missing")
    func manual() throws {
        let p = try plan("- {id: A1, title: 现场查看, points: 100, score: {manual: {}}}")
        let scored = try RuleFixture.assess(p, RuleFixture.input("{}", responses: "{A1: {self_score: 85}}"))
        #expect(scored.totalText == "85")
        #expect(scored.item("A1")?.status == .unverified)
        let none = try RuleFixture.assess(p, RuleFixture.input("{}"))
        #expect(none.item("A1")?.status == .missing)
    }

    @Test("a not-applicable item leaves its section, which is rescaled")
    func notApplicableItem() throws {
        let p = try plan("""
            - {id: A1, title: 甲, points: 60, score: {binary: ok}}
            - {id: A2, title: 乙, points: 40, score: {binary: "false"}, when: "n > 5"}
            """)
        let r = try RuleFixture.assess(p, RuleFixture.input("{ok: true, n: 1}"))
        #expect(r.item("A2")?.status == .notApplicable)
        #expect(r.totalText == "100")
        #expect(try RuleFixture.assess(p, RuleFixture.input("{ok: true, n: 9}")).totalText == "60")
    }

    @Test("a section with no applicable item leaves the total, rescaled over the rest")
    func notApplicableSection() throws {
        let text = RuleFixture.checklist(facts: Self.facts, items: "- {id: A1, title: 甲, points: 50, score: {expr: x}}", extra: """
              - id: B
                title: 执法
                items:
                  - {id: B1, title: 乙, points: 50, score: {binary: ok}, applies_to: [law]}
            categories:
              - {id: law, title: 执法监督}
              - {id: other, title: 其他}
            """)
        let p = try RuleFixture.plan(text)
        let r = try RuleFixture.assess(p, RuleFixture.input("{x: 40, ok: true}", unit: "{id: u1, category: other}"))
        #expect(r.sections.last?.applies == false)
        #expect(r.totalText == "80")
        let law = try RuleFixture.assess(p, RuleFixture.input("{x: 40, ok: true}", unit: "{id: u1, category: law}"))
        #expect(law.totalText == "90")
    }

    @Test("penalties: a section's come off its score (never below 0); the checklist's off the total")
    func penalties() throws {
        let text = RuleFixture.checklist(facts: Self.facts, items: "- {id: A1, title: 甲, points: 100, score: {expr: x}}", extra: """
                penalties:
                  - {id: AP1, title: 弄虚作假, points: 30, when: "!ok"}
                  - {id: AP2, title: 逾期, per: 0.5, count: n, cap: 3}
            penalties:
              - {id: P1, title: 全局扣分, points: 5, when: "a > 0"}
            """)
        let p = try RuleFixture.plan(text)
        let r = try RuleFixture.assess(p, RuleFixture.input("{x: 80, ok: false, n: 10, a: 1}"))
        // section: 80 − 30 − min(3, 5) = 47; total 47 − 5 = 42
        #expect(r.totalText == "42")
        #expect(r.penalty == 38)
        #expect(r.findingIDs.contains("u1/AP2"))
        #expect(r.findings.first { $0.id == "u1/AP2" }?.deduction == 3)
        let floor = try RuleFixture.assess(p, RuleFixture.input("{x: 10, ok: false, n: 0, a: 1}"))
        #expect(floor.totalText == "0")
    }

    @Test("a penalty whose condition is missing is not applied and asks for material")
    func missingPenalty() throws {
        let text = RuleFixture.checklist(facts: Self.facts, items: "- {id: A1, title: 甲, points: 100, score: {expr: x}}", extra: """
                penalties:
                  - {id: AP1, title: 弄虚作假, points: 30, when: "!ok"}
            """)
        let r = try RuleFixture.assess(try RuleFixture.plan(text), RuleFixture.input("{x: 80}"))
        #expect(r.totalText == "80")
        #expect(r.findings.map(\.message) == ["甲：得 80 分（满分 100 分）", "补充材料：是否完成"])
        #expect(r.findings.last?.deduction == 0)
    }

    @Test("bonuses add after penalties, capped")
    func bonusCap() throws {
        let text = RuleFixture.checklist(facts: Self.facts, items: "- {id: A1, title: 甲, points: 100, score: {expr: x}}", extra: """
            bonuses:
              cap: 3
              items:
                - {id: X1, title: 推广, points: 2, when: ok}
                - {id: X2, title: 表彰, points: 2, when: "n > 0"}
            """)
        let p = try RuleFixture.plan(text)
        let both = try RuleFixture.assess(p, RuleFixture.input("{x: 99, ok: true, n: 1}"))
        #expect(both.bonus == 3)
        #expect(both.totalText == "102")
        #expect(try RuleFixture.assess(p, RuleFixture.input("{x: 50, ok: true, n: 0}")).totalText == "52")
    }

    @Test("vetoes cap the grade, zero the total when asked, and the lowest of several wins", arguments: [
        ("{x: 95, ok: true, n: 0}", "96", "较好", ["V1"]),
        ("{x: 95, ok: true, n: 1}", "0", "差", ["V1", "V2"]),
        ("{x: 70, ok: true, n: 0}", "71", "一般", ["V1"]),
        ("{x: 95, ok: false, n: 1}", "0", "差", ["V2"]),
        ("{x: 95, ok: false, n: 0}", "96", "好", []),
    ])
    func vetoes(_ facts: String, _ total: String, _ grade: String, _ vetoes: [String]) throws {
        let text = RuleFixture.checklist(facts: Self.facts, items: "- {id: A1, title: 甲, points: 100, score: {expr: x}}", extra: """
            vetoes:
              - {id: V1, title: 班子成员受处分, when: ok, grade: 较好}
              - {id: V2, title: 严重违纪, when: "n > 0", grade: 一般, score: 0}
            bonuses: {cap: 1, items: [{id: X1, title: 加分, points: 1, when: "true"}]}
            """)
        let r = try RuleFixture.assess(try RuleFixture.plan(text), RuleFixture.input(facts))
        #expect(r.totalText == total)
        #expect(r.grade == grade)
        #expect(r.vetoes.map(\.id) == vetoes)
        #expect(r.findings.filter { $0.severity == .veto }.map(\.item) == vetoes)
    }

    @Test("rounding is half-up, once, at output; the grade follows the rounded total", arguments: [
        ("77.125", "77.13", "一般"), ("77.124", "77.12", "一般"), ("89.995", "90", "好"), ("89.994", "89.99", "较好"),
        ("59.995", "60", "一般"),
    ])
    func rounding(_ x: String, _ total: String, _ grade: String) throws {
        let p = try plan("- {id: A1, title: 甲, points: 100, score: {expr: x}}")
        let r = try RuleFixture.assess(p, RuleFixture.input("{x: \(x)}"))
        #expect(r.totalText == total)
        #expect(r.grade == grade)
    }

    @Test("arithmetic is decimal: 0.1 + 0.2 is 0.3, thirds are exact to 28+ digits")
    func decimalDivision() throws {
        let p = try plan("""
            - {id: A1, title: 甲, points: 50, score: {expr: "(x * 0.1 + x * 0.2 == x * 0.3) ? 50 : 0"}}
            - {id: A2, title: 乙, points: 50, score: {expr: "x / 3"}}
            """)
        let r = try RuleFixture.assess(p, RuleFixture.input("{x: 1}"))
        #expect(r.item("A1")?.awarded == 50)
        let third = try #require(r.item("A2")?.awarded)
        #expect(DecimalMath.format(third).hasPrefix("0.3333333333333333333333333333"))
        #expect(r.totalText == "50.33")
    }

    @Test("division by zero is the rule's error: status error, 0 points, located")
    func divisionByZero() throws {
        let p = try plan("""
            - {id: A1, title: 甲, points: 50, score: {expr: "a / b * 50"}}
            - {id: A2, title: 乙, points: 50, score: {binary: ok}}
            """)
        let r = try RuleFixture.assess(p, RuleFixture.input("{a: 1, b: 0, ok: true}"))
        #expect(r.item("A1")?.status == .error)
        #expect(r.item("A1")?.awarded == 0)
        #expect(r.errors.map(\.item) == ["A1"])
        #expect(r.errors.first?.message == "division by zero")
        #expect(r.errors.first?.location?.line == 21)
        #expect(r.errors.first?.location?.column == 57)
        #expect(r.totalText == "50")
    }

    @Test("a missing fact makes the item missing, unless it says missing: exclude")
    func missingData() throws {
        let p = try plan("""
            - {id: A1, title: 甲, points: 50, score: {binary: "ok && n > 2"}}
            - {id: A2, title: 乙, points: 50, score: {expr: "x"}, missing: exclude}
            """)
        let r = try RuleFixture.assess(p, RuleFixture.input("{n: 5}"))
        #expect(r.item("A1")?.status == .missing)
        #expect(r.item("A2")?.status == .notApplicable)
        #expect(r.findings.map(\.message) == ["补充材料：是否完成"])
        #expect(r.findings.first?.deduction == 50)
        #expect(r.totalText == "0")
        let known = try RuleFixture.assess(p, RuleFixture.input("{n: 1, ok: false}"))
        #expect(known.item("A1")?.status == .unmet)
    }

    @Test("a missing `when` makes the item missing")
    func missingWhen() throws {
        let p = try plan("- {id: A1, title: 甲, points: 100, score: {binary: \"true\"}, when: \"n > 2\"}")
        #expect(try RuleFixture.assess(p, RuleFixture.input("{}")).item("A1")?.status == .missing)
    }

    @Test("wrong input is refused with every error located")
    func inputErrors() throws {
        let p = try plan("- {id: A1, title: 甲, points: 100, score: {binary: ok}}")
        let text = try RuleFixture.inputErrors(p, RuleFixture.input("{n: -1, ok: yes, zz: 1, x: 1.5.2}", responses: "{A9: {self_score: 1}, A1: {self_score: 200}}"))
        #expect(text.contains("input.yaml:6:7: error: fact 'n'（数量） is -1, below its minimum 0"))
        #expect(text.contains("error: expected true or false for fact 'ok'（是否完成）, found 'yes'"))
        #expect(text.contains("error: fact 'zz' is not declared by the checklist"))
        #expect(text.contains("error: expected a number for fact 'x'（数值）, found '1.5.2'"))
        #expect(text.contains("error: responses name unknown item 'A9'"))
        #expect(text.contains("error: self_score 200 is above item A1's 100 points"))
    }
}
