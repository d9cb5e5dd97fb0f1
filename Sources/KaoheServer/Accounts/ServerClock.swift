import Foundation
import KaoheCore
import KaoheLedger

/// The web service's clock: sessions, lockouts and history entries are dated by it; scoring
/// never reads it (a round's as-of date is part of the round). Tests use a fixed one.
package struct ServerClock: Sendable {
    package var now: @Sendable () -> Int64

    package init(now: @escaping @Sendable () -> Int64) {
        self.now = now
    }

    /// The real clock.
    package static let system = ServerClock { Int64(Date().timeIntervalSince1970) }

    /// Today in China, for history entries.
    package func today() -> Day { Ledger.day(at: Date(timeIntervalSince1970: TimeInterval(now()))) }
}
