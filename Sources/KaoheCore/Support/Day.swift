/// A calendar date with no time of day and no time zone, stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var ordinal: Int

    /// The day `ordinal` days after 0001-01-01 (proleptic Gregorian).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A valid date, or nil (2026-02-30 is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        ordinal = Day.daysFromCivil(year, month, day)
    }

    /// Parses `YYYY-MM-DD` exactly.
    public init?(_ text: some StringProtocol) {
        var fields = DateFields()
        for byte in text.utf8 {
            guard fields.take(byte) else { return nil }
        }
        guard let (y, m, d) = fields.date else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses `YYYY-MM-DD` exactly from UTF-8 bytes.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var fields = DateFields()
        for byte in bytes {
            guard fields.take(byte) else { return nil }
        }
        guard let (y, m, d) = fields.date else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The three numbers of `YYYY-MM-DD`, read a byte at a time without making anything.
    private struct DateFields {
        var count = 0
        var year = 0, month = 0, day = 0

        /// Takes the next byte; false when the text cannot be a date.
        mutating func take(_ byte: UInt8) -> Bool {
            count += 1
            if count == 5 || count == 8 { return byte == UInt8(ascii: "-") }
            guard count <= 10, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch count {
            case 1...4: year = year * 10 + digit
            case 6, 7: month = month * 10 + digit
            default: day = day * 10 + digit
            }
            return true
        }

        var date: (Int, Int, Int)? { count == 10 ? (year, month, day) : nil }
    }

    public var components: (year: Int, month: Int, day: Int) { Day.civil(from: ordinal) }

    public var description: String {
        let (y, m, d) = components
        return Day.padded(y, 4) + "-" + Day.padded(m, 2) + "-" + Day.padded(d, 2)
    }

    package static func padded(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Adds months keeping the day of month, clamped to the month's end (2024-02-29 + 12 months = 2025-02-28).
    public func adding(months: Int) -> Day? {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let year = total / 12, month = total % 12 + 1
        guard (1...9999).contains(year) else { return nil }
        return Day(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year)))
    }

    /// The day `days` later (earlier when negative); nil out of range.
    public func adding(days: Int) -> Day? {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        return !overflow && Day.ordinals.contains(sum) ? Day(ordinal: sum) : nil
    }

    /// The ordinals of 0001-01-01 through 9999-12-31, the days a `Day` may be.
    static let ordinals = daysFromCivil(1, 1, 1)...daysFromCivil(9999, 12, 31)

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-date algorithms.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(from days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Whole years from `self` to `other`, counted by anniversary (negative when `other` is earlier).
    public func wholeYears(to other: Day) -> Int {
        let (y1, m1, d1) = components, (y2, m2, d2) = other.components
        var years = y2 - y1
        if other >= self {
            if (m2, d2) < (m1, d1) { years -= 1 }
        } else if (m2, d2) > (m1, d1) {
            years += 1
        }
        return years
    }
}
