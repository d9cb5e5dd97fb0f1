/// An account of the web service. The password is kept only as a bcrypt hash, in the store.
package struct User: Sendable, Equatable {
    package var id: String
    package var name: String
    package var roles: [Role]
    /// The unit a `unit` user fills in for.
    package var unit: String?
    package var disabled = false
    /// Failed sign-ins in a row; five lock the account.
    package var failedLogins = 0
    /// Until when (seconds since 1970) the account is locked; 0 when it is not.
    package var lockedUntil: Int64 = 0

    package init(id: String, name: String, roles: [Role], unit: String? = nil) {
        self.id = id
        self.name = name
        self.roles = roles
        self.unit = unit
    }

    package func has(_ role: Role) -> Bool { roles.contains(role) }

    /// Whether the account is locked at `now`.
    package func isLocked(at now: Int64) -> Bool { lockedUntil > now }
}
