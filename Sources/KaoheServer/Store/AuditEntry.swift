/// One entry of the web service's history: who did what to what, and whether it was allowed.
/// Entries are chained by hash like the ledger's (§10), so none can be altered, removed or moved
/// unnoticed.
package struct AuditEntry: Sendable, Equatable {
    package enum Outcome: String, Sendable {
        case done, denied
    }

    package var sequence: Int64 = 0
    package var at: Int64
    package var actor: String
    package var action: String
    package var target: String
    package var outcome: Outcome
    package var detail: String?
    package var hash = ""

    package init(at: Int64, actor: String, action: String, target: String, outcome: Outcome, detail: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.outcome = outcome
        self.detail = detail
    }

    /// The text hashed with the previous entry's hash.
    var canonical: String {
        [String(sequence), String(at), actor, action, target, outcome.rawValue, detail ?? ""].joined(separator: "\u{1F}")
    }
}
