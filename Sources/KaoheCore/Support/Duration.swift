/// A calendar duration: months (years are 12 months) and days, kept apart because a month has
/// no fixed number of days. Literals: `30d`, `6mo`, `3y`.
public struct Duration: Sendable, Hashable, CustomStringConvertible {
    public var months: Int
    public var days: Int

    /// A span of calendar months and days (`P6M`, `P180D`).
    public init(months: Int = 0, days: Int = 0) {
        self.months = months
        self.days = days
    }

    /// The largest count of days or of months a literal may stand for (about 2,700 years), so
    /// that every literal prints back as a literal that parses (`142857w` is `999999d`).
    public static let largestLiteralCount = 999_999

    /// Parses `30d`, `6mo`, `3y` (also `2w` for 14 days); nil when the text is not one of these or
    /// stands for more than ``largestLiteralCount`` days or months.
    public init?(_ text: some StringProtocol) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let n = Int(digits) else { return nil }
        let duration: Duration
        switch text.dropFirst(digits.count) {
        case "d": duration = Duration(days: n)
        case "w": duration = Duration(days: 7 * n)
        case "mo": duration = Duration(months: n)
        case "y": duration = Duration(months: 12 * n)
        default: return nil
        }
        guard duration.days <= Self.largestLiteralCount, duration.months <= Self.largestLiteralCount else { return nil }
        self = duration
    }

    /// The literal form: `30d`, `6mo`, `3y`; mixed durations print as a sum of both.
    public var description: String {
        var parts: [String] = []
        if months != 0 { parts.append(months % 12 == 0 ? "\(months / 12)y" : "\(months)mo") }
        if days != 0 || parts.isEmpty { parts.append("\(days)d") }
        return parts.joined(separator: " + ")
    }

    /// For people, in Chinese: `180 天`, `6 个月`, `3 年`, `1 年 2 天`.
    public var chinese: String {
        var parts: [String] = []
        if months != 0 { parts.append(months % 12 == 0 ? "\(months / 12) 年" : "\(months) 个月") }
        if days != 0 || parts.isEmpty { parts.append("\(days) 天") }
        return parts.joined(separator: " ")
    }

    public var negated: Duration { Duration(months: -months, days: -days) }

    public static func + (lhs: Duration, rhs: Duration) -> Duration {
        Duration(months: lhs.months + rhs.months, days: lhs.days + rhs.days)
    }

    /// Durations are ordered only when both are pure days or both pure months.
    public func compare(_ other: Duration) -> Int? {
        if months == 0 && other.months == 0 { return days < other.days ? -1 : days == other.days ? 0 : 1 }
        if days == 0 && other.days == 0 { return months < other.months ? -1 : months == other.months ? 0 : 1 }
        return nil
    }
}

extension Day {
    /// The day `duration` after this one: months first (clamped to the month's end), then days.
    public func adding(_ duration: Duration) -> Day? {
        // No months to add leaves a day of the calendar as it is (`adding(months: 0)` would
        // give the same day, converting it to a date and back).
        let moved = duration.months == 0 && Day.ordinals.contains(ordinal) ? self : adding(months: duration.months)
        return moved?.adding(days: duration.days)
    }
}
