import KaoheCore
import KaoheLedger

/// The web service's operations, for every front end of it (pages, JSON API, `kaohe users` and
/// `kaohe rounds`): each one checks the actor's role and scope, does its work in one store
/// transaction, and records what was done — or refused — in the hash-chained history.
package struct KaoheService: Sendable {
    package let store: any ServerStore
    package let engine: Engine
    package let rules: LoadResult
    package let clock: ServerClock
    package let hasher: PasswordHasher

    package init(store: any ServerStore, engine: Engine, rules: LoadResult, clock: ServerClock = .system, hasher: PasswordHasher = PasswordHasher()) {
        self.store = store
        self.engine = engine
        self.rules = rules
        self.clock = clock
        self.hasher = hasher
    }

    /// Records an operation's outcome in the history.
    func record(_ actor: String, _ action: String, _ target: String, _ outcome: AuditEntry.Outcome, _ detail: String? = nil) throws(ServiceError) {
        try store.audit(AuditEntry(at: clock.now(), actor: actor, action: action, target: target, outcome: outcome, detail: detail))
    }

    /// Refuses with `error` after writing the refusal to the history.
    func deny(_ actor: Actor, _ action: String, _ target: String, _ error: ServiceError) throws(ServiceError) -> Never {
        try record(actor.user.id, action, target, .denied, error.message)
        throw error
    }
}
