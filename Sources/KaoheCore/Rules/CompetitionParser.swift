import Foundation

/// Reads `kind: competition` documents.
struct CompetitionParser {
    static let keys = ["kaohe", "kind", "id", "title", "standards", "onsite", "finalists", "winners", "eligible", "jury", "final",
                       "tie_break", "description"]

    func parse(_ node: YAMLNode, diagnostics: inout Diagnostics) -> Competition? {
        let before = diagnostics.errorCount
        let r = MappingReader(node, what: "a competition", allowed: Self.keys,
                              required: ["id", "title", "standards", "onsite", "finalists", "winners", "jury", "final"], diagnostics: &diagnostics)
        guard r.isMapping, let id = Scalars.identifier(r["id"], "the competition id", &diagnostics),
              let standards = Scalars.identifier(r["standards"], "standards", &diagnostics),
              let onsite = Scalars.identifier(r["onsite"], "onsite", &diagnostics) else { return nil }
        let finalists = count(r["finalists"], "finalists", &diagnostics) ?? 0
        let winners = count(r["winners"], "winners", &diagnostics) ?? 0
        if winners > finalists, let node = r["winners"] {
            diagnostics.error(node.tokenLocation, "winners (\(winners)) cannot exceed finalists (\(finalists))")
        }
        var trim = 0
        var trimLocation = node.location
        var dimensions: [Competition.Dimension] = []
        if let juryNode = r["jury"] {
            let j = MappingReader(juryNode, what: "jury", allowed: ["trim", "dimensions"], required: ["dimensions"], diagnostics: &diagnostics)
            trim = count(j["trim"], "jury.trim", &diagnostics) ?? 0
            trimLocation = j["trim"]?.tokenLocation ?? juryNode.location
            var seen = Set<String>()
            for element in Scalars.sequence(j["dimensions"], "jury dimensions", &diagnostics) ?? [] {
                let d = MappingReader(element, what: "a jury dimension", allowed: ["id", "title", "points"], required: ["id", "title", "points"],
                                      diagnostics: &diagnostics)
                guard let did = Scalars.identifier(d["id"], "a dimension id", &diagnostics),
                      let points = Scalars.decimal(d["points"], "a dimension's points", &diagnostics) else { continue }
                if !seen.insert(did.value).inserted { diagnostics.error(did.location, "dimension '\(did.value)' is listed twice") }
                if points <= 0 { diagnostics.error(d["points"]?.tokenLocation ?? element.location, "a dimension's points must be above 0") }
                dimensions.append(.init(id: did.value, title: Scalars.string(d["title"], "title", &diagnostics) ?? did.value, points: points))
            }
        }
        var weights: [Competition.Stage: Rational] = [:]
        if let finalNode = r["final"] {
            let f = MappingReader(finalNode, what: "final", allowed: Competition.Stage.allCases.map(\.rawValue), diagnostics: &diagnostics)
            for stage in Competition.Stage.allCases {
                if let w = Scalars.nonNegative(f[stage.rawValue], "the \(stage.rawValue) weight", &diagnostics) { weights[stage] = w }
            }
            let total = weights.values.reduce(0, +)
            if f.isMapping && total != 100 {
                diagnostics.error(finalNode.location, "the final weights add up to \(DecimalMath.format(total)), not 100",
                                  help: "e.g. final: {onsite: 40, jury: 50, daily: 10}")
            }
        }
        var tieBreak: [Competition.Stage] = [.jury, .onsite, .daily]
        if let tieNode = r["tie_break"] {
            tieBreak = []
            for element in Scalars.sequence(tieNode, "tie_break", &diagnostics) ?? [] {
                guard let text = Scalars.string(element, "a tie-break score", &diagnostics) else { continue }
                guard let stage = Competition.Stage(rawValue: text) else {
                    diagnostics.error(element.tokenLocation, "tie_break takes jury, onsite or daily, not '\(text)'",
                                      help: Suggestion.didYouMean(text, in: Competition.Stage.allCases.map(\.rawValue)))
                    continue
                }
                tieBreak.append(stage)
            }
        }
        let eligible = r["eligible"].map { Scalars.strings($0, "eligible", &diagnostics) ?? [] } ?? ["通过", "修改完善"]
        guard diagnostics.errorCount == before else { return nil }
        return Competition(id: id, title: Scalars.string(r["title"], "title", &diagnostics) ?? id.value, standards: standards, onsite: onsite,
                           finalists: finalists, winners: winners, eligible: eligible, trim: trim, trimLocation: trimLocation,
                           dimensions: dimensions, weights: weights, tieBreak: tieBreak, location: node.location)
    }

    func count(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> Int? {
        guard let node, let value = Scalars.nonNegative(node, what, &diagnostics) else { return nil }
        guard let n = DecimalMath.int(value) else {
            diagnostics.error(node.tokenLocation, "\(what) must be a whole number")
            return nil
        }
        return n
    }
}
