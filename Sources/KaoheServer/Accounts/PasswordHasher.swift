import HummingbirdBcrypt

/// Passwords as bcrypt hashes (cost 12 or more, SPEC §12). Nothing else about a password is kept.
package struct PasswordHasher: Sendable {
    /// The bcrypt cost: 12 in service; tests may use a cheaper one through `testing`.
    package let cost: UInt8

    package init() {
        cost = 12
    }

    private init(cost: UInt8) {
        self.cost = cost
    }

    /// A fast hasher for tests only (verification reads the cost from the hash itself).
    package static let testing = PasswordHasher(cost: 4)

    package func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    package func verify(_ password: String, against hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Why `password` is not acceptable, or nil.
    package static func weakness(of password: String) -> String? {
        if password.count < 10 { return "a password needs at least 10 characters" }
        if password.count > 72 { return "a password has at most 72 characters" }
        return nil
    }
}
