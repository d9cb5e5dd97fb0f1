import Foundation
import KaoheCore
import Testing

/// SPEC Appendix A, the worked example, on the bundled checklist and example.
@Suite("Appendix A")
struct AppendixATests {
    @Test("区民政局 scores exactly 77.00, 一般, with the listed findings")
    func workedExample() throws {
        let loaded = try RuleFixture.bundled()
        let plan = try #require(loaded.rules.plans["leshan-shizhong.organs"])
        let text = try String(contentsOf: Fixtures.repository.appendingPathComponent("examples/leshan-shizhong/minzheng.yaml"), encoding: .utf8)
        let r = try RuleFixture.assess(plan, text)
        #expect(r.totalText == "77")
        #expect(DecimalMath.format(r.total, decimals: 2) == "77.00")
        #expect(r.grade == "一般")
        #expect(r.bonus == 2)
        #expect(r.sections.map { DecimalMath.format($0.score) } == ["7", "16"])
        #expect(r.item("A1")?.status == .met)
        #expect(r.item("A2")?.awarded == 3)
        #expect(r.item("A2")?.status == .partial)
        #expect(r.item("A2")?.explain == ["理论学习次数 = 10 ≥ 6 → 3 分"])
        #expect(r.item("B1")?.awarded == 7)
        #expect(r.item("B2")?.awarded == 5)
        #expect(r.item("B3")?.status == .notApplicable)
        #expect(r.findingIDs == ["szq-minzheng/A2", "szq-minzheng/A2/overclaim", "szq-minzheng/B1"])
        let b1 = try #require(r.findings.first { $0.id == "szq-minzheng/B1" })
        #expect(b1.message == "支委会少开3次")
        #expect(b1.deduction == 3)
        #expect(b1.due == Day("2026-12-30"))
        #expect(r.findings.first { $0.id == "szq-minzheng/A2" }?.deduction == 3)
        #expect(r.findings.first { $0.id == "szq-minzheng/A2/overclaim" }?.message == "自评偏高：自评 6 分，核定 3 分")
        #expect(r.errors.isEmpty)
    }
}
