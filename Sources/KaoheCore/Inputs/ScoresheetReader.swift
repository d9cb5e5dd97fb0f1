import Foundation

/// Reads on-site assessors' score sheets (`kind: scoresheet`, SPEC §9) against a checklist: only
/// its `manual` items, points within each item's, one of the on-site methods. Used by
/// `kaohe evaluate --scoresheets`, by competitions, and by the web service's on-site scoring.
package struct ScoresheetReader: Sendable {
    package let plan: ChecklistPlan

    package init(plan: ChecklistPlan) {
        self.plan = plan
    }

    package static let methods = ["现场查看", "听取汇报", "查阅资料", "座谈交流", "个别谈话"]

    /// `{assessor, unit, date, scores: {ITEM: {points, method, note}}}` → unit, item → score.
    package func sheet(_ node: YAMLNode, units: Set<String>, diagnostics: inout Diagnostics) -> (unit: String, scores: [String: OnsiteScore])? {
        let r = MappingReader(node, what: "a score sheet", allowed: ["kaohe", "kind", "assessor", "unit", "date", "scores", "note"],
                              required: ["assessor", "unit", "scores"], diagnostics: &diagnostics)
        guard r.isMapping, r.expectKind("scoresheet", &diagnostics), let assessor = Scalars.string(r["assessor"], "assessor", &diagnostics),
              let unit = Scalars.identifier(r["unit"], "the unit id", &diagnostics) else { return nil }
        if !units.contains(unit.value) {
            diagnostics.error(unit.location, "score sheet for unit '\(unit.value)', which has no self-assessment in the assessments",
                              help: Suggestion.didYouMean(unit.value, in: units))
        }
        _ = Scalars.date(r["date"], "date", &diagnostics)
        let manual = Dictionary(plan.sections.flatMap(\.items).filter { if case .manual = $0.score { return true } else { return false } }
            .map { ($0.item.id.value, $0.item) }) { a, _ in a }
        var scores: [String: OnsiteScore] = [:]
        for pair in Scalars.mapping(r["scores"], "scores", &diagnostics) ?? [] {
            guard let itemID = pair.key.scalar else { continue }
            guard let item = manual[itemID] else {
                diagnostics.error(pair.key.tokenLocation, "'\(itemID)' is not an on-site (manual) item of '\(plan.checklist.id)'",
                                  help: Suggestion.didYouMean(itemID, in: manual.keys) ?? "manual items: \(manual.keys.sorted().joined(separator: ", "))")
                continue
            }
            let s = MappingReader(pair.value, what: "an on-site score", allowed: ["points", "method", "note"], required: ["points", "method"],
                                  diagnostics: &diagnostics)
            guard let points = Scalars.nonNegative(s["points"], "points", &diagnostics),
                  let methodNode = s["method"], let method = Scalars.string(methodNode, "method", &diagnostics) else { continue }
            if points > item.points {
                diagnostics.error(s["points"]?.tokenLocation ?? pair.value.location,
                                  "\(DecimalMath.format(points)) points is above item \(itemID)'s \(DecimalMath.format(item.points))")
                continue
            }
            if !Self.methods.contains(method) {
                diagnostics.error(methodNode.tokenLocation, "unknown on-site method '\(method)'", help: "methods: \(Self.methods.joined(separator: "、"))")
                continue
            }
            scores[itemID] = OnsiteScore(points: points, method: method, assessor: assessor, note: Scalars.string(s["note"], "note", &diagnostics))
        }
        return (unit.value, scores)
    }

    /// Every sheet's scores by unit and item; an item two sheets score for one unit is an error
    /// at the second (the web service keeps both and lets the committee decide before it exports).
    package func scores(_ documents: [AssessmentReader.Document], units: Set<String>,
                        diagnostics: inout Diagnostics) -> [String: [String: OnsiteScore]] {
        var onsite: [String: [String: OnsiteScore]] = [:]
        for document in documents {
            guard let (unit, scores) = sheet(document.node, units: units, diagnostics: &diagnostics) else { continue }
            for (item, score) in scores.sorted(by: { $0.key < $1.key }) {
                if let earlier = onsite[unit]?[item] {
                    diagnostics.error(document.node.location, "item \(item) of '\(unit)' is scored twice (also by \(earlier.assessor))",
                                      help: "keep one score per item and unit: remove it from one of the sheets")
                }
                onsite[unit, default: [:]][item] = score
            }
        }
        return onsite
    }
}
