import Foundation
import KaoheCore

/// Bytes as a rules file next to the bundled common checklist (so an overlay can extend it).
enum RulesTarget {
    static func run(_ data: Data) -> [String] {
        let world = FuzzWorld.shared
        let base = FuzzWorld.root.appendingPathComponent("rules/common/organs.yaml").path
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        let reader = YAMLReader()
        var documents = reader.read(path: base, sources: &sources, diagnostics: &diagnostics).map { (file: base, node: $0) }
        documents += reader.parse(data: data, path: "fuzz.yaml", sources: &sources, diagnostics: &diagnostics).map { (file: "fuzz.yaml", node: $0) }
        let loaded = RulesLoader(registry: world.registry).load(documents: documents, sources: sources, diagnostics: diagnostics)
        var problems = Invariants.diagnostics(loaded.diagnostics, sources: loaded.sources)
        guard !loaded.diagnostics.hasErrors else { return problems }
        // Whatever compiled must score a unit that supplied nothing, and print.
        for id in loaded.rules.plans.keys.sorted() {
            guard let plan = loaded.rules.plans[id], let asOf = plan.checklist.period?.to ?? Day("2026-11-29") else { continue }
            let empty = SelfAssessment(source: "fuzz", checklist: id, unit: Unit(id: "fuzz", name: "fuzz", category: plan.checklist.categories.first?.id.value),
                                       asOf: asOf, facts: plan.facts.map { .missing([$0.name]) }, responses: [:],
                                       location: SourceLocation(file: "fuzz.yaml", line: 1, column: 1))
            let result = Scorer(plan: plan).evaluate(empty, asOf: asOf)
            problems += Invariants.result(result, plan: plan)
            _ = ChecklistText.render(plan.checklist)
        }
        return problems
    }
}
