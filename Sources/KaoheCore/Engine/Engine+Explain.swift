extension Engine {
    /// Everything behind one item's score for one unit: its status, points, each step of the
    /// explanation and its findings. `id` may also name a penalty, bonus or veto (then only its
    /// findings, if it was triggered).
    public func explain(_ rules: LoadResult, input: String, item id: String, checklist: String? = nil,
                        asOf: Day? = nil) throws(EngineFailure) -> ItemExplanation {
        try Self.requireFile(input)
        let run = try evaluate(rules, inputs: [input], checklist: checklist, asOf: asOf)
        guard let result = run.batch.results.first else { throw EngineFailure(message: "kaohe: no self-assessment in \(input)") }
        let findings = result.findings.filter { $0.item == id }
        let item = result.items.first { $0.id == id }
        if item == nil, findings.isEmpty, !run.plan.hasRule(id) {
            let ids = result.items.map(\.id)
            throw EngineFailure(message: "kaohe: no item '\(id)' in checklist '\(run.plan.checklist.id)'"
                + (Suggestion.didYouMean(id, in: ids).map { "; \($0)" } ?? "; items: \(ids.joined(separator: ", "))"))
        }
        return ItemExplanation(unit: result.unit, id: id, item: item, findings: findings)
    }

    /// Refuses a path that is not a regular file (a folder, a pipe, nothing) with a placed error.
    static func requireFile(_ path: String) throws(EngineFailure) {
        guard let problem = FileKind.problemReadingFile(at: path) else { return }
        var diagnostics = Diagnostics()
        diagnostics.error(SourceLocation(file: path, line: 1, column: 1), problem)
        throw EngineFailure(diagnostics, sources: SourceStore())
    }
}

extension ChecklistPlan {
    /// Whether `id` is a penalty (checklist or section), bonus or veto of this checklist.
    func hasRule(_ id: String) -> Bool {
        penalties.contains { $0.penalty.id.value == id } || sections.contains { $0.penalties.contains { $0.penalty.id.value == id } }
            || bonuses.contains { $0.bonus.id.value == id } || vetoes.contains { $0.veto.id.value == id }
    }
}
