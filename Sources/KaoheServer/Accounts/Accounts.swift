/// Sign-in rules (SPEC §12): five failures in a row lock an account for 15 minutes.
package enum Accounts {
    package static let maxFailures = 5
    package static let lockSeconds: Int64 = 15 * 60
}

/// Who is asking: the signed-in user and their session.
package struct Actor: Sendable {
    package var user: User
    package var session: Session

    /// Whether the user is the 填报员 of `unit`.
    package func fillsIn(_ unit: String) -> Bool { user.has(.unit) && user.unit == unit }
}
