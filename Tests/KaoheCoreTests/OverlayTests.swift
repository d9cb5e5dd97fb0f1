import Foundation
import KaoheCore
import Testing

@Suite("Overlays")
struct OverlayTests {
    @Test("Maonan's overlay resolves onto the shared checklist, recording each item's origin")
    func maonan() throws {
        let loaded = try RuleFixture.bundled()
        let plan = try #require(loaded.rules.plans["maonan.organs"])
        let c = plan.checklist
        #expect(c.lineage == ["maonan.organs", "common.organs"])
        let items = c.sections.flatMap(\.items)
        #expect(items.map(\.id.value) == ["A1", "A2", "B1", "B2", "B9", "B10", "C1", "C2", "C3", "C4", "D1"])
        let a2 = try #require(items.first { $0.id.value == "A2" })
        #expect(a2.points == 8)
        #expect(a2.origin.checklist == "common.organs")
        #expect(a2.origin.modifiedBy.map(\.checklist) == ["maonan.organs"])
        #expect(items.first { $0.id.value == "B9" }?.origin.checklist == "maonan.organs")
        #expect(c.facts.map(\.name).contains("has_ledger"))
        #expect(plan.standards?.document.id.value == "maonan.brand-project")
        #expect(c.weights(for: "economic")?.weights.map(\.weight) == [25, 35, 30, 10])
        #expect(c.weights(for: "social-service")?.weights.map(\.weight) == [25, 40, 25, 10])
    }

    @Test("an overlay changes how a unit scores, and the base is untouched")
    func scoring() throws {
        let loaded = try RuleFixture.bundled()
        let base = try #require(loaded.rules.plans["common.organs"])
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
            #expect(ChecklistText.render(a.checklist) == ChecklistText.render(b.checklist))
        }
    }
}

@Suite("Standards and inputs")
struct StandardsAndInputTests {
    @Test("the 四有 standards load, each requirement compiled against the project fields")
    func standards() throws {
        let loaded = try RuleFixture.bundled()
        let plan = try #require(loaded.rules.standards["maonan.brand-project"])
        #expect(plan.document.standards.map(\.id.value) == ["S1", "S2", "S3", "S4"])
        #expect(plan.requirements.map(\.type) == [.bool, .bool, .bool, .bool])
        #expect(plan.document.projectCategories.map(\.title) == ["民生服务类", "示范创建类", "引领发展类"])
        #expect(plan.document.outcome.most == "修改完善")
    }

    @Test("a JSON Lines batch reads every line and locates an error on its own line")
    func jsonLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = #"{"kaohe": 1, "kind": "self-assessment", "checklist": "leshan-shizhong.organs", "unit": {"id": "U%d", "category": "economic"}, "as_of": "2026-11-30", "facts": {"study_sessions": %@}}"#
        let text = [String(format: line, 1, "12"), "", String(format: line, 2, "\"many\""), String(format: line, 3, "3")].joined(separator: "\n")
        let path = folder.appendingPathComponent("units.jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let documents = AssessmentReader().documents(paths: [path], sources: &sources, diagnostics: &diagnostics)
        #expect(documents.count == 3)
        #expect(documents.map(\.source) == ["\(path):1", "\(path):3", "\(path):4"])
        let plan = try #require(try RuleFixture.bundled().rules.plans["leshan-shizhong.organs"])
        let decoded = BatchEvaluator(scorer: Scorer(plan: plan))
            .decode(documents, asOf: nil, diagnostics: &diagnostics)
        #expect(decoded.map(\.0.unit.id) == ["U1", "U3"])
        let errors = diagnostics.sorted
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 3)
        #expect(errors.first?.message.hasPrefix("expected a number for fact 'study_sessions'") == true)
        #expect(DiagnosticRenderer(sources: sources).render(errors).contains("\"study_sessions\": \"many\""))
    }
}

@Suite("Brand projects")
struct BrandProjectTests {
    @Test("a batch screens every project against the 四有 and names near-duplicates (同质化) on both sides")
    func screening() throws {
        let loaded = try RuleFixture.bundled()
        let plan = try #require(loaded.rules.plans["maonan.organs"])
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let documents = AssessmentReader().documents(paths: [Fixtures.repository.appendingPathComponent("examples/maonan").path],
                                                     sources: &sources, diagnostics: &diagnostics)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let results = evaluator.evaluate(evaluator.decode(documents, asOf: nil, diagnostics: &diagnostics))
        #expect(!diagnostics.hasErrors)
        let outcomes = Dictionary(uniqueKeysWithValues: results.map { ($0.unit.id, $0.projects.first?.outcome ?? "") })
        #expect(outcomes == ["mn-zuzhibu": "修改完善", "mn-zhifaju": "修改完善", "mn-shangwuju": "返工", "mn-minzhengju": "通过"])
        let copied = try #require(results.first { $0.unit.id == "mn-zhifaju" }?.projects.first?.standards.first)
        #expect(copied.id == "S1" && copied.status == .unmet)
        #expect(copied.reasons == ["品牌名称与 mn-zuzhibu/p1「红色引擎」雷同（相似度 0.6）"])
        let weak = try #require(results.first { $0.unit.id == "mn-shangwuju" }?.projects.first)
        #expect(weak.standards.map(\.status) == [.met, .unmet, .unmet, .unmet])
    }

    @Test("a project in a category the standards do not know is refused with its location")
    func unknownCategory() throws {
        let plan = try #require(try RuleFixture.bundled().rules.plans["maonan.organs"])
        let text = try RuleFixture.inputErrors(plan, """
            kaohe: 1
            kind: self-assessment
            unit: {id: u1, category: economic}
            facts: {}
            projects:
              - {id: p1, category: livelyhood, name: 测试, medias: 1}
            """)
        #expect(text.contains("input.yaml:6:24: error: unknown project category 'livelyhood'"))
        #expect(text.contains("help: did you mean 'livelihood'?"))
        #expect(text.contains("error: project field 'medias' is not declared by the standards 'maonan.brand-project'"))
    }
}
