/// What an evaluation gives back: the compiled checklist it used and the scored batch.
public struct EvaluationRun: Sendable {
    public var plan: ChecklistPlan
    public var batch: Batch

    /// One line per rule fault met while scoring, each with its place. When there is any, the
    /// results cannot be trusted (a rule, not the input, is wrong).
    public var ruleErrors: [String] {
        batch.results.flatMap { result in result.errors.map { $0.line(source: result.source) } }
    }

    /// Fails when a rule faulted while scoring (see ``ruleErrors``).
    public func requireTrustworthy() throws(EngineFailure) {
        try RuleError.refuse(ruleErrors)
    }

    /// The first unit, in input order, whose rounded total is below `limit`.
    public func firstBelow(_ limit: Rational) -> UnitResult? {
        batch.results.first { $0.roundedTotal < limit }
    }
}

extension RuleError {
    /// `file:line:col: error: rule ITEM: message`, placed at the rule when it has a place, else
    /// at the input.
    public func line(source: String) -> String {
        "\(location?.description ?? source): error: rule \(item): \(message)"
    }

    /// Fails with every rule fault and the verdict that the results cannot be trusted.
    static func refuse(_ lines: [String]) throws(EngineFailure) {
        guard !lines.isEmpty else { return }
        throw EngineFailure(message: lines.joined(separator: "\n") + "\nkaohe: the rules failed while scoring; these results cannot be trusted")
    }
}

/// What a streamed evaluation did.
public struct StreamRun: Sendable {
    /// How many units were scored and written.
    public var units = 0
    /// Rule faults, as in ``EvaluationRun/ruleErrors``.
    public var ruleErrors: [String] = []

    /// Fails when a rule faulted while scoring.
    public func requireTrustworthy() throws(EngineFailure) {
        try RuleError.refuse(ruleErrors)
    }
}
