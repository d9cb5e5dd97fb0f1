import KaoheCore

/// Random tokens for sessions and CSRF: 128 bits from the system's generator, as hex. The store
/// keeps only a session token's SHA-256, so a copy of the database opens no session.
package enum SessionToken {
    package static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next()] as [UInt64]
        return words.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// What the store keeps of a token.
    package static func digest(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }
}

/// A signed-in session: its user and CSRF token, and when it was last used.
package struct Session: Sendable, Equatable {
    package var tokenDigest: String
    package var user: String
    package var csrf: String
    package var lastSeen: Int64

    /// Sessions end after 8 hours without use.
    package static let idleLimit: Int64 = 8 * 3600

    package func isExpired(at now: Int64) -> Bool { now - lastSeen > Self.idleLimit }

    /// How stale `lastSeen` may get before a request writes it anew: a minute, against an idle
    /// limit of 8 hours, so most requests read the session without writing.
    package static let touchEvery: Int64 = 60

    package func needsTouch(at now: Int64) -> Bool { now - lastSeen >= Self.touchEvery }
}
