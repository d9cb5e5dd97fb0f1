import Foundation

/// Reads the competition's input sheets: on-site score sheets (`kind: scoresheet`), judges'
/// sheets (`kind: jury`) and day-to-day scores (`kind: daily`), each value checked and located.
package struct SheetParsers: Sendable {
    package let competition: Competition
    package let plan: ChecklistPlan

    package init(competition: Competition, plan: ChecklistPlan) {
        self.competition = competition
        self.plan = plan
    }

    /// An on-site score sheet, read against the competition's on-site checklist.
    package func scoresheet(_ node: YAMLNode, units: Set<String>, diagnostics: inout Diagnostics) -> (unit: String, scores: [String: OnsiteScore])? {
        ScoresheetReader(plan: plan).sheet(node, units: units, diagnostics: &diagnostics)
    }

    /// `{competition, judge: {id, name}, scores: {UNIT: {DIMENSION: points}}}`, checked against the
    /// finalists and the dimensions (every dimension scored, none above its points).
    package func jury(_ node: YAMLNode, finalists: Set<String>, diagnostics: inout Diagnostics) -> JurySheet? {
        let r = MappingReader(node, what: "a jury sheet", allowed: ["kaohe", "kind", "competition", "judge", "scores"],
                              required: ["competition", "judge", "scores"], diagnostics: &diagnostics)
        guard r.isMapping, r.expectKind("jury", &diagnostics) else { return nil }
        if let c = Scalars.identifier(r["competition"], "competition", &diagnostics), c.value != competition.id.value {
            diagnostics.error(c.location, "this sheet is for competition '\(c.value)', not '\(competition.id.value)'")
        }
        guard let judgeNode = r["judge"] else { return nil }
        let j = MappingReader(judgeNode, what: "judge", allowed: ["id", "name"], required: ["id"], diagnostics: &diagnostics)
        guard let judge = Scalars.identifier(j["id"], "the judge id", &diagnostics) else { return nil }
        var sheet = JurySheet(judge: judge.value, judgeName: Scalars.string(j["name"], "name", &diagnostics) ?? judge.value, scores: [:],
                              location: node.location, unitLocations: [:])
        let dimensions = Dictionary(uniqueKeysWithValues: competition.dimensions.map { ($0.id, $0) })
        for pair in Scalars.mapping(r["scores"], "scores", &diagnostics) ?? [] {
            guard let unit = pair.key.scalar else { continue }
            guard finalists.contains(unit) else {
                diagnostics.error(pair.key.tokenLocation, "judge \(judge.value) scored '\(unit)', which is not a finalist",
                                  help: Suggestion.didYouMean(unit, in: finalists).map { "\($0) (or remove it: only finalists are scored)" })
                continue
            }
            var given: [String: Rational] = [:]
            var mentioned = Set<String>()
            for cell in Scalars.mapping(pair.value, "the scores of \(unit)", &diagnostics) ?? [] {
                guard let d = cell.key.scalar else { continue }
                mentioned.insert(d)
                guard let dimension = dimensions[d] else {
                    diagnostics.error(cell.key.tokenLocation, "unknown dimension '\(d)'",
                                      help: Suggestion.didYouMean(d, in: dimensions.keys) ?? "dimensions: \(competition.dimensions.map(\.id).joined(separator: ", "))")
                    continue
                }
                guard let points = Scalars.nonNegative(cell.value, "points", &diagnostics) else { continue }
                if points > dimension.points {
                    diagnostics.error(cell.value.tokenLocation, "\(DecimalMath.format(points)) is above the \(DecimalMath.format(dimension.points)) points of \(dimension.title)")
                    continue
                }
                given[d] = points
            }
            for dimension in competition.dimensions where !mentioned.contains(dimension.id) {
                diagnostics.error(pair.key.tokenLocation, "judge \(judge.value) gave '\(unit)' no score for \(dimension.title) (\(dimension.id))")
            }
            sheet.scores[unit] = given
            sheet.unitLocations[unit] = pair.key.tokenLocation
        }
        return sheet
    }

    /// `{scores: {UNIT: 0..100}}`.
    package func daily(_ node: YAMLNode, diagnostics: inout Diagnostics) -> [String: Rational] {
        let r = MappingReader(node, what: "daily scores", allowed: ["kaohe", "kind", "competition", "title", "scores"], required: ["scores"],
                              diagnostics: &diagnostics)
        guard r.isMapping, r.expectKind("daily", &diagnostics) else { return [:] }
        var scores: [String: Rational] = [:]
        for pair in Scalars.mapping(r["scores"], "scores", &diagnostics) ?? [] {
            guard let unit = pair.key.scalar, let value = Scalars.nonNegative(pair.value, "a daily score", &diagnostics) else { continue }
            if value > 100 {
                diagnostics.error(pair.value.tokenLocation, "a daily score is out of 100, not \(DecimalMath.format(value))")
                continue
            }
            scores[unit] = value
        }
        return scores
    }
}
