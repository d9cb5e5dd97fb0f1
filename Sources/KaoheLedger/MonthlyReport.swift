import Foundation
import KaoheCore

/// 月通报: per unit, for one month, the items opened and closed, those still outstanding and
/// overdue at the month's end, the rectification rate and rank, and the change since the month
/// before. Figures come from the history alone, replayed to each month's end.
public struct MonthlyReport: Sendable {
    /// One unit's month: opened, closed, open at the end, its rectification rate and rank.
    public struct Row: Sendable, Equatable {
        public var unit: String
        public var unitName: String
        public var opened: Int
        public var closed: Int
        public var total: Int
        public var outstanding: Int
        public var overdue: Int
        /// Share of the items opened so far that are rectified or closed; nil with none.
        public var rate: Rational?
        public var rank: Int
        public var rateChange: Rational?
        public var outstandingChange: Int
    }

    public var month: (year: Int, month: Int)
    public var rows: [Row]
    public var district: Row
    /// Outstanding items in the district at the end of each of the last six months, oldest first.
    public var trend: [(label: String, outstanding: Int)]
    /// The head of the history the report was built from, printed at its foot so that a filed
    /// copy anchors the hash chain (`kaohe ledger verify --head`).
    public var head: LedgerHead

    public var title: String { "\(month.year)年\(month.month)月机关党建问题整改月通报" }

    /// Parses `YYYY-MM`.
    public static func month(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m),
              Day(year: y, month: m, day: 1) != nil else { return nil }
        return (y, m)
    }

    package init(items: [LedgerItem], history: [HistoryEntry], month: (year: Int, month: Int)) {
        self.month = month
        head = LedgerHead(of: history)
        let previous = Self.previous(month)
        let current = Self.rows(items: items, history: history, month: month)
        let before = Dictionary(uniqueKeysWithValues: Self.rows(items: items, history: history, month: previous).map { ($0.unit, $0) })
        var rows = current.map { row -> Row in
            var row = row
            if let last = before[row.unit] {
                if let rate = row.rate, let lastRate = last.rate { row.rateChange = rate - lastRate }
                row.outstandingChange = row.outstanding - last.outstanding
            } else {
                row.outstandingChange = row.outstanding
            }
            return row
        }
        rows.sort { a, b in
            switch (a.rate, b.rate) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.unit < b.unit
            }
        }
        for index in rows.indices {
            rows[index].rank = index > 0 && rows[index - 1].rate == rows[index].rate ? rows[index - 1].rank : index + 1
        }
        self.rows = rows
        let total = rows.reduce(0) { $0 + $1.total }, outstanding = rows.reduce(0) { $0 + $1.outstanding }
        district = Row(unit: "全区", unitName: "全区合计", opened: rows.reduce(0) { $0 + $1.opened }, closed: rows.reduce(0) { $0 + $1.closed },
                       total: total, outstanding: outstanding, overdue: rows.reduce(0) { $0 + $1.overdue },
                       rate: total == 0 ? nil : Rational(total - outstanding) / Rational(total), rank: 0, rateChange: nil,
                       outstandingChange: outstanding - before.values.reduce(0) { $0 + $1.outstanding })
        var trend: [(String, Int)] = []
        var m = month
        for _ in 0..<6 {
            let figures = Self.rows(items: items, history: history, month: m)
            trend.insert(("\(m.year)-\(Day.padded(m.month, 2))", figures.reduce(0) { $0 + $1.outstanding }), at: 0)
            m = Self.previous(m)
        }
        self.trend = trend
    }

    static func rows(items: [LedgerItem], history: [HistoryEntry], month: (year: Int, month: Int)) -> [Row] {
        let start = Day(year: month.year, month: month.month, day: 1) ?? Day(ordinal: 0)
        let end = self.end(of: month)
        var status: [Int64: LedgerStatus] = [:]
        for entry in history where entry.on <= end { status[entry.itemID] = entry.to }
        let inMonth = history.filter { $0.on >= start && $0.on <= end }
        var rows: [Row] = []
        for (unit, unitItems) in Dictionary(grouping: items, by: \.unit).sorted(by: { $0.key < $1.key }) {
            let ids = Set(unitItems.map(\.id))
            let existing = unitItems.filter { status[$0.id] != nil }
            let outstanding = existing.filter { status[$0.id]?.isOutstanding == true }
            let overdue = outstanding.filter { $0.due.map { $0 < end } ?? false }
            let opened = inMonth.filter { ids.contains($0.itemID) && ($0.action == .opened || $0.action == .reopened) }.count
            let closed = inMonth.filter { ids.contains($0.itemID) && $0.to == .closed }.count
            guard !existing.isEmpty else { continue }
            rows.append(Row(unit: unit, unitName: unitItems.first?.unitName ?? unit, opened: opened, closed: closed, total: existing.count,
                            outstanding: outstanding.count, overdue: overdue.count,
                            rate: Rational(existing.count - outstanding.count) / Rational(existing.count), rank: 0,
                            rateChange: nil, outstandingChange: 0))
        }
        return rows
    }

    static func end(of month: (year: Int, month: Int)) -> Day {
        Day(year: month.year, month: month.month, day: Day.daysIn(month: month.month, year: month.year)) ?? Day(ordinal: 0)
    }

    static func previous(_ month: (year: Int, month: Int)) -> (year: Int, month: Int) {
        month.month == 1 ? (month.year - 1, 12) : (month.year, month.month - 1)
    }
}
