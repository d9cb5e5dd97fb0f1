import KaoheCore

/// Counting meetings against a frequency over the part of the assessment period already past.
enum MeetingCalendar {
    enum Frequency: Sendable {
        case monthly, quarterly, yearly

        var months: Int {
            switch self {
            case .monthly: return 1
            case .quarterly: return 3
            case .yearly: return 12
            }
        }

        var label: String {
            switch self {
            case .monthly: return "每月"
            case .quarterly: return "每季度"
            case .yearly: return "每年"
            }
        }
    }

    /// The periods (months, quarters or years) that lie inside `span` and have ended by its end.
    static func periods(_ frequency: Frequency, in span: (from: Day, to: Day)) -> [(from: Day, to: Day)] {
        var result: [(Day, Day)] = []
        let (y, m, _) = span.from.components
        let firstMonth = ((m - 1) / frequency.months) * frequency.months + 1
        guard var start = Day(year: y, month: firstMonth, day: 1) else { return [] }
        while let next = start.adding(months: frequency.months), let end = next.adding(days: -1), end <= span.to {
            if start >= span.from { result.append((start, end)) }
            start = next
        }
        return result
    }

    /// Meetings of `kind` held within `span`.
    static func dates(of kind: String, in meetings: [Value], span: (from: Day, to: Day)) -> [Day] {
        meetings.compactMap { meeting in
            guard meeting[field: "kind"].string == kind, let date = meeting[field: "date"].day,
                  date >= span.from, date <= span.to else { return nil }
            return date
        }
    }

    static func label(_ period: (from: Day, to: Day), _ frequency: Frequency) -> String {
        let (y, m, _) = period.from.components
        switch frequency {
        case .monthly: return "\(y)年\(m)月"
        case .quarterly: return "\(y)年第\((m - 1) / 3 + 1)季度"
        case .yearly: return "\(y)年"
        }
    }
}
