import Foundation
import KaoheCore

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
    package func today() -> Day {
        let date = Date(timeIntervalSince1970: TimeInterval(now()))
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai") ?? .current, from: date)
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
