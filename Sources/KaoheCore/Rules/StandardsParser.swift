import Foundation

struct StandardsParser {
    let sources: SourceStore

    func parse(_ node: YAMLNode, diagnostics: inout Diagnostics) -> StandardsDocument? {
        let r = MappingReader(node, what: "a standards document",
                              allowed: ["kaohe", "kind", "id", "title", "project_categories", "fields", "standards", "outcome", "description"],
                              required: ["id", "title", "fields", "standards"], diagnostics: &diagnostics)
        guard let id = Scalars.identifier(r["id"], "the standards id", &diagnostics) else { return nil }
        var categories: [Category] = []
        for element in Scalars.sequence(r["project_categories"], "project_categories", &diagnostics) ?? [] {
            let c = MappingReader(element, what: "a project category", allowed: ["id", "title"], required: ["id", "title"], diagnostics: &diagnostics)
            if let cid = Scalars.identifier(c["id"], "a category id", &diagnostics) {
                categories.append(Category(id: cid, title: Scalars.string(c["title"], "title", &diagnostics) ?? cid.value))
            }
        }
        var standards: [StandardsDocument.Standard] = []
        for element in Scalars.sequence(r["standards"], "standards", &diagnostics) ?? [] {
            let s = MappingReader(element, what: "a standard", allowed: ["id", "title", "require", "check"],
                                  required: ["id", "title", "require"], diagnostics: &diagnostics)
            guard let sid = Scalars.identifier(s["id"], "a standard id", &diagnostics),
                  let require = Scalars.expression(s["require"], "require", sources, &diagnostics) else { continue }
            standards.append(.init(id: sid, title: Scalars.string(s["title"], "title", &diagnostics) ?? sid.value,
                                   require: require, check: Scalars.identifier(s["check"], "a check id", &diagnostics)))
        }
        var outcome = StandardsDocument.Outcome()
        if let o = r["outcome"] {
            let m = MappingReader(o, what: "outcome", allowed: ["all", "most", "else"], diagnostics: &diagnostics)
            if let v = Scalars.string(m["all"], "outcome.all", &diagnostics) { outcome.all = v }
            if let v = Scalars.string(m["most"], "outcome.most", &diagnostics) { outcome.most = v }
            if let v = Scalars.string(m["else"], "outcome.else", &diagnostics) { outcome.otherwise = v }
        }
        return StandardsDocument(id: id, title: Scalars.string(r["title"], "title", &diagnostics) ?? id.value,
                                 projectCategories: categories,
                                 fields: FactParser().parse(r["fields"], diagnostics: &diagnostics),
                                 standards: standards, outcome: outcome)
    }

    func compile(_ doc: StandardsDocument, registry: Registry, diagnostics: inout Diagnostics) -> StandardsPlan? {
        var facts: [String: ExpressionScope.Fact] = [:]
        for (slot, field) in doc.fields.enumerated() {
            facts[field.name] = .init(slot: slot, type: field.exprType, title: field.title)
        }
        let scope = ExpressionScope(facts: facts, functions: registry.functions)
        let compiler = ExpressionCompiler(scope: scope)
        var requirements: [CompiledExpression] = []
        var checks: [Int: any ProjectCheck.Type] = [:]
        var failed = false
        for (index, standard) in doc.standards.enumerated() {
            switch compiler.compile(standard.require, expecting: .bool) {
            case .success(let compiled): requirements.append(compiled)
            case .failure(let errors):
                errors.all.forEach { diagnostics.append($0) }
                failed = true
            }
            guard let check = standard.check else { continue }
            guard let type = registry.projectChecks[check.value] else {
                diagnostics.error(check.location, "unknown project check '\(check.value)'",
                                  help: Suggestion.didYouMean(check.value, in: registry.projectChecks.keys)
                                    ?? "`kaohe checks` lists the project checks available")
                failed = true
                continue
            }
            for fact in type.description.reads {
                guard let field = doc.fields.first(where: { $0.name == fact.name }), fact.isSatisfied(by: field.exprType) else {
                    diagnostics.error(check.location, "check '\(check.value)' reads field '\(fact.name)' (\(fact.type)), which these standards do not declare as such")
                    failed = true
                    continue
                }
            }
            checks[index] = type
        }
        return failed ? nil : StandardsPlan(document: doc, scope: scope, requirements: requirements, checks: checks)
    }
}
