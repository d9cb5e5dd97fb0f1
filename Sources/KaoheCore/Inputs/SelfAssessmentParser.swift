import Foundation

/// Reads `kind: self-assessment` documents against a compiled checklist: unit, as-of date,
/// facts (typed and range-checked) and responses (item ids checked).
package struct SelfAssessmentParser: Sendable {
    package let plan: ChecklistPlan
    // Built once per checklist, not once per unit.
    let decoder: FactDecoder
    let items: [String: Item]
    let itemIDs: [String]
    let categories: [String]

    package init(plan: ChecklistPlan) {
        self.plan = plan
        decoder = FactDecoder(facts: plan.facts)
        let all = plan.sections.flatMap { $0.items.map(\.item) }
        itemIDs = all.map(\.id.value)
        items = Dictionary(all.map { ($0.id.value, $0) }) { first, _ in first }
        categories = plan.checklist.categories.map(\.id.value)
    }

    static let keys = ["kaohe", "kind", "checklist", "unit", "as_of", "facts", "responses", "projects", "note"]

    package func parse(_ node: YAMLNode, diagnostics: inout Diagnostics) -> SelfAssessment? {
        let before = diagnostics.errorCount
        let reader = MappingReader(node, what: "a self-assessment", allowed: Self.keys,
                                   required: ["kaohe", "kind", "unit", "facts"], diagnostics: &diagnostics)
        guard reader.isMapping else { return nil }
        if let kindNode = reader["kind"], kindNode.scalar != "self-assessment" {
            diagnostics.error(kindNode.tokenLocation, "expected kind: self-assessment, found \(kindNode.kindDescription)")
        }
        let checklist = Scalars.identifier(reader["checklist"], "the checklist id", &diagnostics)
        if let checklist, checklist.value != plan.checklist.id {
            diagnostics.error(checklist.location, "this self-assessment is for checklist '\(checklist.value)', but it is being scored against '\(plan.checklist.id)'",
                              help: "choose the checklist with --checklist \(checklist.value)")
        }
        var unit = Unit(id: "?", name: "?", category: nil)
        if let unitNode = reader["unit"] {
            let u = MappingReader(unitNode, what: "unit", allowed: ["id", "name", "category"], required: ["id"], diagnostics: &diagnostics)
            if let id = Scalars.identifier(u["id"], "the unit id", &diagnostics) {
                unit = Unit(id: id.value, name: Scalars.string(u["name"], "the unit name", &diagnostics) ?? id.value, category: nil)
            }
            if let categoryNode = u["category"], let category = Scalars.string(categoryNode, "the unit category", &diagnostics) {
                let known = categories
                if !known.contains(category) {
                    diagnostics.error(categoryNode.tokenLocation, "unknown unit category '\(category)'",
                                      help: Suggestion.didYouMean(category, in: known) ?? "categories: \(known.joined(separator: ", "))")
                } else if !plan.checklist.weights.isEmpty && plan.checklist.weights(for: category) == nil {
                    diagnostics.error(categoryNode.tokenLocation, "category '\(category)' has no weights row in checklist '\(plan.checklist.id)'")
                }
                unit.category = category
            } else if !plan.checklist.weights.isEmpty {
                diagnostics.error(unitNode.location, "unit has no category, and checklist '\(plan.checklist.id)' weighs sections by category",
                                  help: "add category: one of \(plan.checklist.categories.map(\.id.value).joined(separator: ", "))")
            }
        }
        let asOf = Scalars.date(reader["as_of"], "as_of", &diagnostics)
        let facts = decoder.decode(reader["facts"], diagnostics: &diagnostics)
        var responses: [String: Response] = [:]
        for pair in Scalars.mapping(reader["responses"], "responses", &diagnostics) ?? [] {
            guard let id = pair.key.scalar else { continue }
            guard items[id] != nil else {
                diagnostics.error(pair.key.tokenLocation, "responses name unknown item '\(id)'",
                                  help: Suggestion.didYouMean(id, in: itemIDs) ?? "items: \(itemIDs.joined(separator: ", "))")
                continue
            }
            let r = MappingReader(pair.value, what: "a response", allowed: ["self_score", "evidence", "note"], diagnostics: &diagnostics)
            var response = Response()
            if let scoreNode = r["self_score"], let score = Scalars.nonNegative(scoreNode, "self_score", &diagnostics) {
                if let item = items[id], score > item.points {
                    diagnostics.error(scoreNode.tokenLocation, "self_score \(DecimalMath.format(score)) is above item \(id)'s \(DecimalMath.format(item.points)) points")
                } else {
                    response.selfScore = score
                }
            }
            for element in Scalars.sequence(r["evidence"], "evidence", &diagnostics) ?? [] {
                if let text = element.scalar {
                    response.evidence.append(Evidence(title: text, ref: nil))
                } else {
                    let e = MappingReader(element, what: "evidence", allowed: ["title", "ref"], required: ["title"], diagnostics: &diagnostics)
                    if let title = Scalars.string(e["title"], "evidence title", &diagnostics) {
                        response.evidence.append(Evidence(title: title, ref: Scalars.string(e["ref"], "evidence ref", &diagnostics)))
                    }
                }
            }
            response.note = Scalars.string(r["note"], "note", &diagnostics)
            responses[id] = response
        }
        let projects = parseProjects(reader["projects"], unit: unit.id, diagnostics: &diagnostics)
        guard diagnostics.errorCount == before else { return nil }
        var assessment = SelfAssessment(source: node.location.file, checklist: checklist?.value, unit: unit, asOf: asOf,
                                        facts: facts, responses: responses, location: node.location)
        assessment.projects = projects
        return assessment
    }

    /// Brand projects: `id`, `category` (one of the standards' project categories) and the
    /// standards' fields, each typed like a fact.
    func parseProjects(_ node: YAMLNode?, unit: String, diagnostics: inout Diagnostics) -> [ProjectInput] {
        guard let node else { return [] }
        guard let standards = plan.standards else {
            diagnostics.error(node.location, "checklist '\(plan.checklist.id)' names no standards to judge projects by",
                              help: "add standards: <id> to the checklist, or remove projects:")
            return []
        }
        let fields = standards.document.fields
        let decoder = FactDecoder(facts: fields, noun: "project field", declarer: "the standards '\(standards.document.id.value)'")
        let categories = standards.document.projectCategories.map(\.id.value)
        var projects: [ProjectInput] = []
        var seen = Set<String>()
        for element in Scalars.sequence(node, "projects", &diagnostics) ?? [] {
            guard case .mapping(let pairs) = element.content else {
                diagnostics.error(element.location, "expected a project (a mapping with id and its fields), found \(element.kindDescription)")
                continue
            }
            let own = pairs.filter { $0.key.scalar == "id" || $0.key.scalar == "category" }
            let rest = pairs.filter { $0.key.scalar != "id" && $0.key.scalar != "category" }
            let reader = MappingReader(YAMLNode(.mapping(own), at: element.location), what: "a project", allowed: ["id", "category"],
                                       required: ["id"], diagnostics: &diagnostics)
            guard let id = Scalars.identifier(reader["id"], "a project id", &diagnostics) else { continue }
            if !seen.insert(id.value).inserted {
                diagnostics.error(id.location, "project '\(id.value)' is listed twice")
            }
            var category: String?
            if let categoryNode = reader["category"], let value = Scalars.string(categoryNode, "a project category", &diagnostics) {
                if !categories.isEmpty && !categories.contains(value) {
                    diagnostics.error(categoryNode.tokenLocation, "unknown project category '\(value)'",
                                      help: Suggestion.didYouMean(value, in: categories) ?? "categories: \(categories.joined(separator: ", "))")
                }
                category = value
            }
            let values = decoder.decode(YAMLNode(.mapping(rest), at: element.location), diagnostics: &diagnostics)
            var byName: [String: Value] = [:]
            for (field, value) in zip(fields, values) { byName[field.name] = value }
            projects.append(ProjectInput(project: Project(unit: unit, id: id.value, category: category, fields: byName), values: values))
        }
        return projects
    }
}
