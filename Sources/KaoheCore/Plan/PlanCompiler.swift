import Foundation

/// Compiles a resolved checklist into a plan, reporting every problem: expression errors,
/// unknown checks and parameters, dangling categories and sections, weights that do not sum
/// to 100, grades a veto does not know, points not summing to 100.
struct PlanCompiler {
    let registry: Registry
    let sources: SourceStore
    var standards: [String: StandardsPlan] = [:]
    /// Standards documents that exist but did not compile (so no second error is reported).
    var brokenStandards: Set<String> = []

    func compile(_ c: Checklist, diagnostics: inout Diagnostics) -> ChecklistPlan? {
        let before = diagnostics.errorCount
        var facts: [String: ExpressionScope.Fact] = [:]
        for (slot, fact) in c.facts.enumerated() {
            facts[fact.name] = ExpressionScope.Fact(slot: slot, type: fact.exprType, title: fact.title)
            if case .records(let fields) = fact.kind {
                facts[fact.name]?.fieldChoices = fields.map { field in
                    if case .enumeration(let allowed) = field.kind { return allowed }
                    return nil
                }
            }
        }
        for pack in c.packs where !registry.packs.contains(where: { $0.id == pack }) {
            diagnostics.error(c.location, "checklist '\(c.id)' uses pack '\(pack)', which this kaohe does not include",
                              help: Suggestion.didYouMean(pack, in: registry.packs.map(\.id)).map { "\($0)" }
                                ?? "packs available: \(registry.packs.map(\.id).joined(separator: ", "))")
        }
        let functions = registry.packs.filter { c.packs.contains($0.id) }.flatMap(\.functions)
        let scope = ExpressionScope(facts: facts, hasPeriod: c.period != nil,
                                    functions: Dictionary(functions.map { ($0.name, $0) }) { a, _ in a })
        let compiler = ExpressionCompiler(scope: scope)
        var expressionErrors: [Diagnostic] = []
        func expression(_ source: ExpressionSource?, _ type: ExprType) -> CompiledExpression? {
            guard let source else { return nil }
            switch compiler.compile(source, expecting: type) {
            case .success(let compiled): return compiled
            case .failure(let errors):
                expressionErrors += errors.all
                return nil
            }
        }
        let categoryIDs = c.categories.map(\.id.value)
        var sections: [SectionPlan] = []
        for section in c.sections {
            var items: [ItemPlan] = []
            for item in section.items {
                for category in item.appliesTo ?? [] where !categoryIDs.contains(category.value) {
                    diagnostics.error(category.location, "applies_to names unknown category '\(category.value)'",
                                      help: Suggestion.didYouMean(category.value, in: categoryIDs)
                                        ?? (categoryIDs.isEmpty ? "declare categories: in the checklist" : "categories: \(categoryIDs.joined(separator: ", "))"))
                }
                let when = expression(item.when, .bool)
                guard let score = scorePlan(item, c, expression, &diagnostics) else { continue }
                items.append(ItemPlan(item: item, section: section.id.value, when: when, score: score, words: ExplanationWording(locale: c.locale),
                                      label: { scope.facts[$0]?.title ?? $0 }))
            }
            if section.items.isEmpty {
                diagnostics.warning(section.id.location, "section '\(section.id.value)' has no items")
            }
            sections.append(SectionPlan(section: section, items: items,
                                        penalties: section.penalties.map { penaltyPlan($0, expression) }))
        }
        checkWeights(c, &diagnostics)
        let gradeNames = c.grades.map(\.grade)
        if c.grades.isEmpty {
            diagnostics.error(c.location, "checklist '\(c.id)' has no grades", help: "add grades: [{grade: 好, min: 90}, …, {grade: 差, min: 0}]")
        }
        var vetoes: [VetoPlan] = []
        for veto in c.vetoes {
            if let grade = veto.grade, !gradeNames.contains(grade.value) {
                diagnostics.error(grade.location, "veto grade '\(grade.value)' is not one of the checklist's grades",
                                  help: Suggestion.didYouMean(grade.value, in: gradeNames) ?? "grades: \(gradeNames.joined(separator: "、"))")
            }
            if let when = expression(veto.when, .bool) { vetoes.append(VetoPlan(veto: veto, when: when)) }
        }
        let bonuses = c.bonuses.compactMap { bonus in expression(bonus.when, .bool).map { BonusPlan(bonus: bonus, when: $0) } }
        if c.weights.isEmpty, c.points != 100, !c.sections.isEmpty, diagnostics.errorCount == before {
            diagnostics.warning(c.location, "the points of checklist '\(c.id)' add up to \(DecimalMath.format(c.points)), not 100",
                                help: "grade bands apply to that scale; adjust item points if 100 was meant")
        }
        expressionErrors.forEach { diagnostics.append($0) }
        var standardsPlan: StandardsPlan?
        if let id = c.standards {
            standardsPlan = standards[id.value]
            if standardsPlan == nil && !brokenStandards.contains(id.value) {
                diagnostics.error(id.location, "checklist '\(c.id)' names unknown standards '\(id.value)'",
                                  help: Suggestion.didYouMean(id.value, in: standards.keys) ?? "standards are documents of kind: standards")
            }
        }
        guard diagnostics.errorCount == before else { return nil }
        return ChecklistPlan(checklist: c, scope: scope, facts: c.facts, labels: c.facts.map(\.label),
                             factPhrases: c.facts.map { FactPhrases(label: $0.label, words: ExplanationWording(locale: c.locale)) },
                             sections: sections,
                             penalties: c.penalties.map { penaltyPlan($0, expression) }, bonuses: bonuses, vetoes: vetoes,
                             standards: standardsPlan, wording: ExplanationWording(locale: c.locale),
                             sectionWeights: c.weights.reduce(into: []) { rows, row in
                                 guard !rows.contains(where: { $0.category == row.category.value }) else { return }
                                 rows.append((row.category.value,
                                              sections.map { plan in row.weights.first { $0.section.value == plan.id }?.weight ?? 0 }))
                             },
                             fingerprint: Fingerprint.of(c, registry: registry))
    }

    func penaltyPlan(_ penalty: Penalty, _ expression: (ExpressionSource?, ExprType) -> CompiledExpression?) -> PenaltyPlan {
        var count: CompiledExpression?
        if case .perCount(_, let source, _) = penalty.amount { count = expression(source, .number) }
        return PenaltyPlan(penalty: penalty, when: expression(penalty.when, .bool), count: count)
    }

    func scorePlan(_ item: Item, _ c: Checklist, _ expression: (ExpressionSource?, ExprType) -> CompiledExpression?,
                   _ diagnostics: inout Diagnostics) -> ScorePlan? {
        switch item.score {
        case .binary(let source): return expression(source, .bool).map(ScorePlan.binary)
        case .expr(let source): return expression(source, .number).map(ScorePlan.expr)
        case .thresholds(let source, let steps):
            for step in steps where step.points > item.points {
                diagnostics.error(step.location, "a step gives \(DecimalMath.format(step.points)) points, more than the item's \(DecimalMath.format(item.points))")
            }
            return expression(source, .number).map { ScorePlan.thresholds($0, steps) }
        case .ratio(let of, let over, let fullAt, let full):
            guard let o = expression(of, .number), let v = expression(over, .number) else { return nil }
            return .ratio(of: o, over: v, fullAt: fullAt, whenZeroFull: full)
        case .deduct(let per, let count, let cap):
            return expression(count, .number).map { .deduct(per: per, count: $0, cap: cap) }
        case .manual:
            return .manual
        case .check(let id, let with, let location):
            return bindCheck(id, with, location, c, &diagnostics).map(ScorePlan.check)
        }
    }

    func bindCheck(_ id: Located<String>, _ with: [String: YAMLNode], _ location: SourceLocation, _ c: Checklist,
                   _ diagnostics: inout Diagnostics) -> CheckBinding? {
        guard let check = registry.checks[id.value] else {
            diagnostics.error(id.location, "unknown check '\(id.value)'",
                              help: Suggestion.didYouMean(id.value, in: registry.checks.keys) ?? "`kaohe checks` lists the checks available")
            return nil
        }
        let description = check.description
        if let pack = registry.pack(of: id.value), !c.packs.contains(pack.id) {
            diagnostics.error(id.location, "check '\(id.value)' is from pack '\(pack.id)', which checklist '\(c.id)' does not list",
                              help: "add it: packs: [\(pack.id)]")
        }
        var parameters: [String: Value] = [:]
        let names = description.parameters.map(\.name)
        for (name, node) in with.sorted(by: { $0.key < $1.key }) {
            guard let parameter = description.parameters.first(where: { $0.name == name }) else {
                diagnostics.error(node.location, "check '\(id.value)' has no parameter '\(name)'",
                                  help: Suggestion.didYouMean(name, in: names) ?? (names.isEmpty ? "it takes none" : "its parameters: \(names.joined(separator: ", "))"))
                continue
            }
            if let value = ParameterDecoder.decode(node, as: parameter.type, what: "parameter '\(name)'", &diagnostics) {
                parameters[name] = value
            }
        }
        parameters = description.parameters(given: parameters)
        for parameter in description.parameters where parameters[parameter.name] == nil {
            if with[parameter.name] == nil {
                diagnostics.error(location, "check '\(id.value)' needs parameter '\(parameter.name)' (\(parameter.type)): \(parameter.summary)",
                                  help: "add with: {\(parameter.name): …}")
            }
        }
        var reads: [(String, Int)] = []
        var titles: [String: String] = [:]
        for fact in description.reads {
            guard let slot = c.facts.firstIndex(where: { $0.name == fact.name }) else {
                diagnostics.error(id.location, "check '\(id.value)' reads fact '\(fact.name)' (\(fact.type)), which checklist '\(c.id)' does not declare",
                                  help: "declare it under facts:")
                continue
            }
            if !fact.isSatisfied(by: c.facts[slot].exprType) {
                diagnostics.error(c.facts[slot].location, "check '\(id.value)' needs fact '\(fact.name)' to be a \(fact.type), but it is declared as \(c.facts[slot].typeName)")
            }
            reads.append((fact.name, slot))
            titles[fact.name] = c.facts[slot].title ?? fact.name
        }
        return CheckBinding(check: check, parameters: parameters, reads: reads, titles: titles)
    }

    func checkWeights(_ c: Checklist, _ diagnostics: inout Diagnostics) {
        let sectionIDs = c.sections.map(\.id.value)
        let categoryIDs = c.categories.map(\.id.value)
        for row in c.weights {
            if !categoryIDs.contains(row.category.value) {
                diagnostics.error(row.category.location, "weights name unknown category '\(row.category.value)'",
                                  help: Suggestion.didYouMean(row.category.value, in: categoryIDs) ?? "declare it under categories:")
            }
            var total: Rational = 0
            for (section, weight) in row.weights {
                if !sectionIDs.contains(section.value) {
                    diagnostics.error(section.location, "weights name unknown section '\(section.value)'",
                                      help: Suggestion.didYouMean(section.value, in: sectionIDs) ?? "sections: \(sectionIDs.joined(separator: ", "))")
                }
                total += weight
            }
            if total != 100 {
                diagnostics.error(row.category.location, "the weights of '\(row.category.value)' add up to \(DecimalMath.format(total)), not 100",
                                  help: "each row of weights must sum to 100")
            }
        }
        if !c.weights.isEmpty {
            for category in c.categories where c.weights(for: category.id.value) == nil {
                diagnostics.warning(category.id.location, "category '\(category.id.value)' has no weights row: its units cannot be scored",
                                    help: "add weights: {\(category.id.value): {…}}")
            }
        }
    }
}
