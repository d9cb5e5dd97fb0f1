extension LoadResult {
    /// The checklist `id`, or the only checklist when `id` is nil; a person-worded failure
    /// (with a did-you-mean) otherwise.
    public func plan(_ id: String?) throws(EngineFailure) -> ChecklistPlan {
        let known = rules.plans.keys.sorted().joined(separator: ", ")
        if let id {
            guard let plan = rules.plans[id] else {
                let help = Suggestion.didYouMean(id, in: rules.plans.keys).map { " (\($0))" } ?? ""
                throw EngineFailure(message: "kaohe: no checklist '\(id)' in the rules\(help); checklists: \(known)")
            }
            return plan
        }
        guard rules.plans.count == 1, let only = rules.plans.values.first else {
            throw EngineFailure(message: "kaohe: the rules hold \(rules.plans.count) checklists; choose one with --checklist: \(known)")
        }
        return only
    }

    /// The competition `id`, or a failure naming the ones there are.
    public func competition(_ id: String) throws(EngineFailure) -> Competition {
        guard let definition = rules.competitions[id] else {
            let known = rules.competitions.keys.sorted()
            throw EngineFailure(message: "kaohe: no competition '\(id)' in the rules"
                + (Suggestion.didYouMean(id, in: known).map { "; \($0)" } ?? "; competitions: \(known.joined(separator: ", "))"))
        }
        return definition
    }
}
