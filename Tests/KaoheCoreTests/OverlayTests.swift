import Foundation
import KaoheCore
import Testing

@Suite("Overlays")
struct OverlayTests {
    @Test("Maonan's overlay resolves onto Shizhong's checklist, recording each item's origin")
    func maonan() throws {
        let loaded = try RuleFixture.bundled()
        let plan = try #require(loaded.rules.plans["maonan.organs"])
        let c = plan.checklist
        #expect(c.lineage == ["maonan.organs", "leshan-shizhong.organs"])
        let items = c.sections.flatMap(\.items)
        #expect(items.map(\.id.value) == ["A1", "A2", "B1", "B2", "B9"])
        let a2 = try #require(items.first { $0.id.value == "A2" })
        #expect(a2.points == 8)
        #expect(a2.origin.checklist == "leshan-shizhong.organs")
        #expect(a2.origin.modifiedBy.map(\.checklist) == ["maonan.organs"])
        #expect(items.first { $0.id.value == "B9" }?.origin.checklist == "maonan.organs")
        #expect(c.facts.last?.name == "has_ledger")
        #expect(c.weights(for: "economic")?.weights.map(\.weight) == [35, 65])
        #expect(c.weights(for: "social-service")?.weights.map(\.weight) == [50, 50])
    }

    @Test("an overlay changes how a unit scores, and the base is untouched")
    func scoring() throws {
        let loaded = try RuleFixture.bundled()
        let base = try #require(loaded.rules.plans["leshan-shizhong.organs"])
        let overlay = try #require(loaded.rules.plans["maonan.organs"])
        let facts = """
            {has_rules: true, study_sessions: 7, last_election: 2024-03-01, term_years: 3, falsified_records: false,
             late_feedbacks: 0, serious_violation: false, provincial_recognition: false, has_ledger: false, meetings: []}
            """
        let r = try RuleFixture.assess(overlay, RuleFixture.input(facts, unit: "{id: mn-1, category: economic}"))
        #expect(r.item("A2")?.awarded == 4)
        #expect(r.item("B9")?.status == .unmet)
        #expect(r.items.contains { $0.id == "B3" } == false)
        #expect(base.checklist.sections.flatMap(\.items).first { $0.id.value == "A2" }?.points == 6)
    }

    @Test("resolving twice gives the same checklist")
    func idempotent() throws {
        let first = try RuleFixture.bundled(), second = try RuleFixture.bundled()
        for id in first.rules.plans.keys {
            let a = try #require(first.rules.plans[id]), b = try #require(second.rules.plans[id])
            #expect(ChecklistPrinter.render(a.checklist) == ChecklistPrinter.render(b.checklist))
        }
    }
}
