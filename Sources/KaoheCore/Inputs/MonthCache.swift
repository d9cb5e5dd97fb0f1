/// The first day and length of the month last read, so that a list of dates in one month
/// (meetings are listed in order) costs a subtraction each, not a calendar computation.
struct MonthCache {
    var key = -1
    var firstDay = 0
    var length = 0

    /// The day ordinal of `year-month-day`, or nil when there is no such day.
    mutating func ordinal(year: Int, month: Int, day: Int) -> Int? {
        let key = year &* 100 &+ month
        if key != self.key {
            guard let first = Day(year: year, month: month, day: 1) else { return nil }
            self.key = key
            firstDay = first.ordinal
            length = Day.daysIn(month: month, year: year)
        }
        guard day >= 1, day <= length else { return nil }
        return firstDay + day - 1
    }
}

extension JSONByteReader {
    /// A `"YYYY-MM-DD"` date where the cursor stands, as its day ordinal.
    mutating func compactDay(months: inout MonthCache) -> Int? {
        guard index + 12 <= bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[index + 11] == UInt8(ascii: "\""),
              bytes[index + 5] == UInt8(ascii: "-"), bytes[index + 8] == UInt8(ascii: "-"),
              let year = digits(index + 1, 4), let month = digits(index + 6, 2), let day = digits(index + 9, 2),
              let ordinal = months.ordinal(year: year, month: month, day: day)
        else { return nil }
        index += 12
        return ordinal
    }
}
