import Foundation

/// Reads a `kind: checklist` document (base or overlay) into a `ChecklistDocument`.
struct ChecklistParser {
    let sources: SourceStore

    static let documentKeys = ["kaohe", "kind", "id", "version", "title", "locale", "packs", "period", "facts",
                               "categories", "weights", "grades", "sections", "penalties", "vetoes", "bonuses",
                               "extends", "modify", "description", "standards"]
    static let itemKeys = ["id", "title", "points", "score", "applies_to", "when", "evidence", "finding", "rectify",
                           "missing", "description", "methods"]
    static let scoreKeys = ["binary", "expr", "thresholds", "ratio", "deduct", "check", "with", "manual"]
    static let penaltyKeys = ["id", "title", "points", "when", "per", "count", "cap", "severity", "finding", "rectify"]

    func parse(_ node: YAMLNode, diagnostics: inout Diagnostics) -> ChecklistDocument? {
        let reader = MappingReader(node, what: "a checklist", allowed: Self.documentKeys,
                                   required: ["id"], diagnostics: &diagnostics)
        guard let id = Scalars.identifier(reader["id"], "the checklist id", &diagnostics) else { return nil }
        let origin = Origin(checklist: id.value, location: node.location)
        var doc = ChecklistDocument(id: id, location: node.location)
        doc.extends = Scalars.identifier(reader["extends"], "extends", &diagnostics)
        if doc.extends == nil {
            for key in ["title", "sections", "grades"] where !reader.has(key) {
                diagnostics.error(node.location, "checklist '\(id.value)' is missing required key '\(key)'",
                                  help: "a checklist that does not extend another needs title, grades and sections")
            }
            if reader.has("modify") {
                diagnostics.error(reader.keyLocations["modify"] ?? node.location, "'modify' needs 'extends': there is nothing to modify",
                                  help: "add 'extends: <base checklist id>'")
            }
        }
        doc.version = Scalars.string(reader["version"], "version", &diagnostics)
        doc.title = Scalars.string(reader["title"], "title", &diagnostics)
        doc.locale = Scalars.string(reader["locale"], "locale", &diagnostics)
        doc.packs = Scalars.identifiers(reader["packs"], "packs", &diagnostics) ?? []
        doc.standards = Scalars.identifier(reader["standards"], "standards", &diagnostics)
        if let periodNode = reader["period"] {
            let period = MappingReader(periodNode, what: "period", allowed: ["from", "to"], required: ["from", "to"], diagnostics: &diagnostics)
            if let from = Scalars.date(period["from"], "period.from", &diagnostics),
               let to = Scalars.date(period["to"], "period.to", &diagnostics) {
                if to < from { diagnostics.error(period["to"]?.tokenLocation ?? periodNode.location, "period ends before it starts") }
                doc.period = (from, to)
            }
        }
        doc.facts = FactParser().parse(reader["facts"], diagnostics: &diagnostics)
        for element in Scalars.sequence(reader["categories"], "categories", &diagnostics) ?? [] {
            let c = MappingReader(element, what: "a category", allowed: ["id", "title"], required: ["id", "title"], diagnostics: &diagnostics)
            if let cid = Scalars.identifier(c["id"], "a category id", &diagnostics) {
                doc.categories.append(Category(id: cid, title: Scalars.string(c["title"], "title", &diagnostics) ?? cid.value))
            }
        }
        for pair in Scalars.mapping(reader["weights"], "weights", &diagnostics) ?? [] {
            guard let category = Scalars.identifier(pair.key, "a category id", &diagnostics) else { continue }
            var row = WeightRow(category: category, weights: [], location: category.location)
            for cell in Scalars.mapping(pair.value, "the weights of '\(category.value)'", &diagnostics) ?? [] {
                if let section = Scalars.identifier(cell.key, "a section id", &diagnostics),
                   let weight = Scalars.nonNegative(cell.value, "a weight", &diagnostics) {
                    row.weights.append((section, weight))
                }
            }
            doc.weights.append(row)
        }
        if reader.has("grades") {
            doc.grades = parseGrades(reader["grades"], &diagnostics)
        }
        for element in Scalars.sequence(reader["sections"], "sections", &diagnostics) ?? [] {
            if let section = parseSection(element, origin: origin, &diagnostics) { doc.sections.append(section) }
        }
        doc.penalties = (Scalars.sequence(reader["penalties"], "penalties", &diagnostics) ?? [])
            .compactMap { parsePenalty($0, origin: origin, &diagnostics) }
        doc.vetoes = (Scalars.sequence(reader["vetoes"], "vetoes", &diagnostics) ?? [])
            .compactMap { parseVeto($0, origin: origin, &diagnostics) }
        if let bonusNode = reader["bonuses"] {
            let bonuses = MappingReader(bonusNode, what: "bonuses", allowed: ["cap", "items"], diagnostics: &diagnostics)
            doc.bonusCap = Scalars.nonNegative(bonuses["cap"], "the bonus cap", &diagnostics)
            doc.bonuses = (Scalars.sequence(bonuses["items"], "bonus items", &diagnostics) ?? [])
                .compactMap { parseBonus($0, origin: origin, &diagnostics) }
        }
        for element in Scalars.sequence(reader["modify"], "modify", &diagnostics) ?? [] {
            if let modification = parseModification(element, origin: origin, &diagnostics) {
                doc.modifications.append(modification)
            }
        }
        return doc
    }

    func parseGrades(_ node: YAMLNode?, _ diagnostics: inout Diagnostics) -> [GradeBand] {
        var bands: [GradeBand] = []
        for element in Scalars.sequence(node, "grades", &diagnostics) ?? [] {
            let g = MappingReader(element, what: "a grade band", allowed: ["grade", "min"], required: ["grade", "min"], diagnostics: &diagnostics)
            if let grade = Scalars.string(g["grade"], "a grade name", &diagnostics),
               let min = Scalars.decimal(g["min"], "a grade's min", &diagnostics) {
                if let previous = bands.last, previous.min <= min {
                    diagnostics.error(g["min"]?.tokenLocation ?? element.location,
                                      "grade bands must go from the highest min to the lowest: \(grade) (\(DecimalMath.format(min))) comes after \(previous.grade) (\(DecimalMath.format(previous.min)))",
                                      help: "list the best grade first")
                }
                bands.append(GradeBand(grade: grade, min: min, location: element.location))
            }
        }
        if let last = bands.last, last.min > 0 {
            diagnostics.warning(last.location, "no grade band starts at 0: a total below \(DecimalMath.format(last.min)) gets no grade",
                                help: "add a lowest band with min: 0")
        }
        return bands
    }

    func parseSection(_ node: YAMLNode, origin: Origin, _ diagnostics: inout Diagnostics) -> Section? {
        let reader = MappingReader(node, what: "a section", allowed: ["id", "title", "items", "penalties", "description"],
                                   required: ["id", "title", "items"], diagnostics: &diagnostics)
        guard let id = Scalars.identifier(reader["id"], "a section id", &diagnostics) else { return nil }
        let items = (Scalars.sequence(reader["items"], "items", &diagnostics) ?? [])
            .compactMap { parseItem($0, origin: origin, &diagnostics) }
        let penalties = (Scalars.sequence(reader["penalties"], "penalties", &diagnostics) ?? [])
            .compactMap { parsePenalty($0, origin: origin, &diagnostics) }
        var sectionOrigin = origin
        sectionOrigin.location = node.location
        return Section(id: id, title: Scalars.string(reader["title"], "title", &diagnostics) ?? id.value,
                       items: items, penalties: penalties, origin: sectionOrigin)
    }

    func parseItem(_ node: YAMLNode, origin: Origin, _ diagnostics: inout Diagnostics) -> Item? {
        let reader = MappingReader(node, what: "an item", allowed: Self.itemKeys,
                                   required: ["id", "title", "points", "score"], diagnostics: &diagnostics)
        guard reader.isMapping, let id = Scalars.identifier(reader["id"], "an item id", &diagnostics) else { return nil }
        var itemOrigin = origin
        itemOrigin.location = node.location
        var item = Item(id: id, title: id.value, points: 0, score: .manual, origin: itemOrigin)
        apply(reader, to: &item, &diagnostics)
        return item
    }

    /// Applies the keys present in `reader` to `item`: used for new items and for `set`.
    func apply(_ reader: MappingReader, to item: inout Item, _ diagnostics: inout Diagnostics) {
        if let title = Scalars.string(reader["title"], "title", &diagnostics) { item.title = title }
        if let points = Scalars.nonNegative(reader["points"], "points", &diagnostics) { item.points = points }
        if let scoreNode = reader["score"], let score = parseScore(scoreNode, &diagnostics) { item.score = score }
        if reader.has("applies_to") { item.appliesTo = Scalars.identifiers(reader["applies_to"], "applies_to", &diagnostics) }
        if reader.has("when") { item.when = Scalars.expression(reader["when"], "when", sources, &diagnostics) }
        if let evidence = Scalars.strings(reader["evidence"], "evidence", &diagnostics) { item.evidence = evidence }
        if let finding = Scalars.string(reader["finding"], "finding", &diagnostics) { item.finding = finding }
        if let rectifyNode = reader["rectify"] { item.rectify = parseRectify(rectifyNode, &diagnostics) }
        if let missingNode = reader["missing"], let policy = Scalars.string(missingNode, "missing", &diagnostics) {
            switch policy {
            case "exclude": item.excludeWhenMissing = true
            case "missing": item.excludeWhenMissing = false
            default:
                diagnostics.error(missingNode.tokenLocation, "missing: must be 'exclude' or 'missing', not '\(policy)'",
                                  help: Suggestion.didYouMean(policy, in: ["exclude", "missing"]))
            }
        }
    }

    func parseScore(_ node: YAMLNode, _ diagnostics: inout Diagnostics) -> ScoreMethod? {
        let reader = MappingReader(node, what: "a score", allowed: Self.scoreKeys, diagnostics: &diagnostics)
        guard reader.isMapping else { return nil }
        let methods = ["binary", "expr", "thresholds", "ratio", "deduct", "check", "manual"].filter(reader.has)
        guard methods.count == 1, let method = methods.first else {
            diagnostics.error(node.location, methods.isEmpty ? "score needs a scoring method"
                              : "score has \(methods.count) scoring methods (\(methods.joined(separator: ", "))); an item has exactly one",
                              help: "methods: binary, expr, thresholds, ratio, deduct, check, manual")
            return nil
        }
        if reader.has("with") && method != "check" {
            diagnostics.error(reader.keyLocations["with"] ?? node.location, "'with' gives parameters to a check; \(method) takes none")
        }
        let value = reader[method]
        switch method {
        case "binary":
            return Scalars.expression(value, "binary", sources, &diagnostics).map(ScoreMethod.binary)
        case "expr":
            return Scalars.expression(value, "expr", sources, &diagnostics).map(ScoreMethod.expr)
        case "thresholds":
            guard let value else { return nil }
            let t = MappingReader(value, what: "thresholds", allowed: ["value", "steps"], required: ["value", "steps"], diagnostics: &diagnostics)
            guard let expr = Scalars.expression(t["value"], "thresholds.value", sources, &diagnostics) else { return nil }
            var steps: [ThresholdStep] = []
            for element in Scalars.sequence(t["steps"], "threshold steps", &diagnostics) ?? [] {
                let s = MappingReader(element, what: "a threshold step", allowed: ["min", "points"], required: ["min", "points"], diagnostics: &diagnostics)
                if let min = Scalars.decimal(s["min"], "a step's min", &diagnostics),
                   let points = Scalars.nonNegative(s["points"], "a step's points", &diagnostics) {
                    let location = s["min"]?.tokenLocation ?? element.location
                    if let previous = steps.last, previous.min <= min {
                        diagnostics.error(location,
                                          previous.min == min ? "two threshold steps have the same min \(DecimalMath.format(min))"
                                          : "threshold steps are out of order: min \(DecimalMath.format(min)) comes after min \(DecimalMath.format(previous.min))",
                                          help: "list steps from the highest min to the lowest")
                    }
                    steps.append(ThresholdStep(min: min, points: points, location: location))
                }
            }
            if steps.isEmpty && t.has("steps") { diagnostics.error(t["steps"]?.location ?? value.location, "thresholds need at least one step") }
            return .thresholds(value: expr, steps: steps)
        case "ratio":
            guard let value else { return nil }
            let r = MappingReader(value, what: "ratio", allowed: ["of", "over", "full_at", "when_zero"], required: ["of", "over"], diagnostics: &diagnostics)
            guard let of = Scalars.expression(r["of"], "ratio.of", sources, &diagnostics),
                  let over = Scalars.expression(r["over"], "ratio.over", sources, &diagnostics) else { return nil }
            var fullAt: Rational = 1
            if let f = Scalars.decimal(r["full_at"], "full_at", &diagnostics) {
                if f <= 0 || f > 1 {
                    diagnostics.error(r["full_at"]?.tokenLocation ?? value.location, "full_at must be above 0 and at most 1, e.g. 0.9")
                } else {
                    fullAt = f
                }
            }
            var full = true
            if let zeroNode = r["when_zero"], let z = Scalars.string(zeroNode, "when_zero", &diagnostics) {
                if z != "full" && z != "zero" {
                    diagnostics.error(zeroNode.tokenLocation, "when_zero must be 'full' or 'zero', not '\(z)'")
                }
                full = z != "zero"
            }
            return .ratio(of: of, over: over, fullAt: fullAt, whenZeroFull: full)
        case "deduct":
            guard let value else { return nil }
            let d = MappingReader(value, what: "deduct", allowed: ["per", "count", "cap"], required: ["per", "count"], diagnostics: &diagnostics)
            guard let per = Scalars.nonNegative(d["per"], "deduct.per", &diagnostics),
                  let count = Scalars.expression(d["count"], "deduct.count", sources, &diagnostics) else { return nil }
            return .deduct(per: per, count: count, cap: Scalars.nonNegative(d["cap"], "deduct.cap", &diagnostics))
        case "check":
            guard let id = Scalars.identifier(value, "a check id", &diagnostics) else { return nil }
            var parameters: [String: YAMLNode] = [:]
            for pair in Scalars.mapping(reader["with"], "with", &diagnostics) ?? [] {
                if let name = pair.key.scalar { parameters[name] = pair.value }
            }
            return .check(id: id, with: parameters, location: reader.keyLocations["with"] ?? id.location)
        default:
            if let value, !value.isNull, Scalars.mapping(value, "manual", &diagnostics)?.isEmpty == false {
                diagnostics.error(value.location, "manual takes no settings: write 'manual: {}'")
            }
            return .manual
        }
    }

    func parseRectify(_ node: YAMLNode, _ diagnostics: inout Diagnostics) -> Rectify {
        let r = MappingReader(node, what: "rectify", allowed: ["action", "within", "severity", "owner"], diagnostics: &diagnostics)
        var rectify = Rectify()
        rectify.action = Scalars.string(r["action"], "rectify.action", &diagnostics)
        rectify.within = Scalars.duration(r["within"], "rectify.within", &diagnostics)
        rectify.owner = Scalars.string(r["owner"], "rectify.owner", &diagnostics)
        rectify.severity = parseSeverity(r["severity"], &diagnostics)
        return rectify
    }

    func parseSeverity(_ node: YAMLNode?, _ diagnostics: inout Diagnostics) -> Severity? {
        guard let node, let text = Scalars.string(node, "severity", &diagnostics) else { return nil }
        let allowed: [Severity] = [.major, .minor, .notice]
        guard let severity = Severity(rawValue: text), allowed.contains(severity) else {
            diagnostics.error(node.tokenLocation, "unknown severity '\(text)'",
                              help: Suggestion.didYouMean(text, in: allowed.map(\.rawValue)) ?? "use major, minor or notice")
            return nil
        }
        return severity
    }

    func parsePenalty(_ node: YAMLNode, origin: Origin, _ diagnostics: inout Diagnostics) -> Penalty? {
        let reader = MappingReader(node, what: "a penalty", allowed: Self.penaltyKeys, required: ["id", "title"], diagnostics: &diagnostics)
        guard reader.isMapping, let id = Scalars.identifier(reader["id"], "a penalty id", &diagnostics) else { return nil }
        let amount: Penalty.Amount
        if reader.has("per") || reader.has("count") {
            if reader.has("points") {
                diagnostics.error(reader.keyLocations["points"] ?? node.location, "a penalty takes either 'points' or 'per' and 'count', not both")
            }
            guard let per = Scalars.nonNegative(reader["per"], "per", &diagnostics),
                  let count = Scalars.expression(reader["count"], "count", sources, &diagnostics) else {
                if !reader.has("per") || !reader.has("count") {
                    diagnostics.error(node.location, "penalty '\(id.value)' needs both 'per' and 'count'")
                }
                return nil
            }
            amount = .perCount(per: per, count: count, cap: Scalars.nonNegative(reader["cap"], "cap", &diagnostics))
        } else {
            guard let points = Scalars.nonNegative(reader["points"], "points", &diagnostics) else {
                if !reader.has("points") {
                    diagnostics.error(node.location, "penalty '\(id.value)' needs 'points' and 'when', or 'per' and 'count'")
                }
                return nil
            }
            if !reader.has("when") {
                diagnostics.error(node.location, "penalty '\(id.value)' with fixed points needs 'when'", help: "add when: <condition>")
            }
            amount = .fixed(points)
        }
        var penaltyOrigin = origin
        penaltyOrigin.location = node.location
        return Penalty(id: id, title: Scalars.string(reader["title"], "title", &diagnostics) ?? id.value, amount: amount,
                       when: Scalars.expression(reader["when"], "when", sources, &diagnostics),
                       severity: parseSeverity(reader["severity"], &diagnostics),
                       finding: Scalars.string(reader["finding"], "finding", &diagnostics),
                       rectify: reader["rectify"].map { parseRectify($0, &diagnostics) }, origin: penaltyOrigin)
    }

    func parseBonus(_ node: YAMLNode, origin: Origin, _ diagnostics: inout Diagnostics) -> Bonus? {
        let reader = MappingReader(node, what: "a bonus", allowed: ["id", "title", "points", "when"],
                                   required: ["id", "title", "points", "when"], diagnostics: &diagnostics)
        guard reader.isMapping, let id = Scalars.identifier(reader["id"], "a bonus id", &diagnostics),
              let points = Scalars.nonNegative(reader["points"], "points", &diagnostics),
              let when = Scalars.expression(reader["when"], "when", sources, &diagnostics) else { return nil }
        var o = origin
        o.location = node.location
        return Bonus(id: id, title: Scalars.string(reader["title"], "title", &diagnostics) ?? id.value, points: points, when: when, origin: o)
    }

    func parseVeto(_ node: YAMLNode, origin: Origin, _ diagnostics: inout Diagnostics) -> Veto? {
        let reader = MappingReader(node, what: "a veto", allowed: ["id", "title", "when", "grade", "score"],
                                   required: ["id", "title", "when"], diagnostics: &diagnostics)
        guard reader.isMapping, let id = Scalars.identifier(reader["id"], "a veto id", &diagnostics),
              let when = Scalars.expression(reader["when"], "when", sources, &diagnostics) else { return nil }
        var zero = false
        if let scoreNode = reader["score"] {
            if Scalars.decimal(scoreNode, "a veto's score", &diagnostics) != 0 {
                diagnostics.error(scoreNode.tokenLocation, "a veto's score can only be 0", help: "write score: 0, or leave it out to cap the grade only")
            }
            zero = true
        }
        if !reader.has("grade") && !zero {
            diagnostics.error(node.location, "veto '\(id.value)' does nothing: give it a grade, score: 0, or both")
        }
        var o = origin
        o.location = node.location
        let grade = reader["grade"].flatMap { g in Scalars.string(g, "grade", &diagnostics).map { Located($0, at: g.tokenLocation) } }
        return Veto(id: id, title: Scalars.string(reader["title"], "title", &diagnostics) ?? id.value, when: when,
                    grade: grade, zeroScore: zero, origin: o)
    }

    func parseModification(_ node: YAMLNode, origin: Origin, _ diagnostics: inout Diagnostics) -> Modification? {
        let reader = MappingReader(node, what: "a modification", allowed: ["item", "section", "set", "remove", "add_to", "items", "penalties"],
                                   diagnostics: &diagnostics)
        guard reader.isMapping else { return nil }
        if reader.has("remove") {
            return Scalars.identifier(reader["remove"], "the id to remove", &diagnostics).map { .remove($0, location: node.location) }
        }
        if reader.has("add_to") {
            guard let section = Scalars.identifier(reader["add_to"], "a section id", &diagnostics) else { return nil }
            let items = (Scalars.sequence(reader["items"], "items", &diagnostics) ?? []).compactMap { parseItem($0, origin: origin, &diagnostics) }
            let penalties = (Scalars.sequence(reader["penalties"], "penalties", &diagnostics) ?? []).compactMap { parsePenalty($0, origin: origin, &diagnostics) }
            return .addTo(section: section, items: items, penalties: penalties, location: node.location)
        }
        if let setNode = reader["set"] {
            let isSection = reader.has("section")
            guard let target = Scalars.identifier(reader[isSection ? "section" : "item"], "the id to modify", &diagnostics) else {
                if !reader.has("item") && !isSection {
                    diagnostics.error(node.location, "'set' needs the id it changes: {item: ID, set: {…}} or {section: ID, set: {…}}")
                }
                return nil
            }
            return .set(target: target, isSection: isSection, fields: setNode, location: node.location)
        }
        diagnostics.error(node.location, "a modification needs 'set', 'remove' or 'add_to'",
                          help: "{item: A2, set: {points: 8}}, {remove: B3} or {add_to: B, items: […]}")
        return nil
    }
}
