/// Compiles a standards document (SPEC §9) into the plan that screens brand projects: each
/// standard's requirement type-checked, each project check bound and its fields checked.
extension StandardsParser {
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
