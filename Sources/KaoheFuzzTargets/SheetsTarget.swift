import Foundation
import KaoheCore

/// Bytes as a competition sheet for the bundled Maonan competition.
enum SheetsTarget {
    static func run(_ data: Data) -> [String] {
        let world = FuzzWorld.shared
        guard let competition = world.rules.competitions.values.sorted(by: { $0.id.value < $1.id.value }).first,
              let plan = world.rules.plans[competition.onsite.value] else { return ["no bundled competition to fuzz against"] }
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        let nodes = YAMLReader().parse(data: data, path: "fuzz.yaml", sources: &sources, diagnostics: &diagnostics)
        let sheets = SheetParsers(competition: competition, plan: plan)
        let units: Set<String> = ["fgj", "gaj", "jyj"]
        for node in nodes {
            switch kind(of: node) {
            case "jury": _ = sheets.jury(node, finalists: units, diagnostics: &diagnostics)
            case "daily": _ = sheets.daily(node, diagnostics: &diagnostics)
            default: _ = sheets.scoresheet(node, units: units, diagnostics: &diagnostics)
            }
        }
        return Invariants.diagnostics(diagnostics, sources: sources)
    }

    static func kind(of node: YAMLNode) -> String? {
        guard case .mapping(let pairs) = node.content else { return nil }
        return pairs.first { $0.key.scalar == "kind" }?.value.scalar
    }
}
