import Foundation
import GRDB
import KaoheCore
@testable import KaoheLedger
import KaoheStorage
import KaoheStorageTestSupport
import Testing

/// The rectification ledger: status machine, idempotent import, 回头看 matching, overdue items,
/// monthly figures, and tamper evidence.
@Suite("Ledger")
struct LedgerTests {
    static func day(_ text: String) -> Day { Day(text) ?? Day(ordinal: 0) }

    static func finding(_ unit: String, _ item: String, due: String = "2026-12-30", severity: String = "minor") -> ResultSummary.FindingRecord {
        .init(id: "\(unit)/\(item)", item: item, message: "\(item) 的问题", severity: severity, action: "整改", due: Day(due), owner: "书记")
    }

    static func result(_ unit: String, _ asOf: String, _ items: [String], notices: [String] = []) -> ResultSummary {
        ResultSummary(unit: unit, unitName: "\(unit)单位", checklist: "c", asOf: day(asOf),
                      findings: items.map { finding(unit, $0) } + notices.map { finding(unit, $0, severity: "notice") })
    }

    final class Scratch: Sendable {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-ledger-\(UUID().uuidString)")
        var path: String { folder.appendingPathComponent("ledger.db").path }
        init() { try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// A new ledger on `backend`.
    static func store(_ backend: Backend) throws -> SQLLedgerStore {
        try SQLLedgerStore(database: try ScratchDatabase(backend).open())
    }

    func status(_ store: any LedgerStore, _ finding: String) throws -> LedgerStatus? {
        try store.items(LedgerFilter()).first { $0.findingID == finding }?.status
    }

    @Test("the status machine allows exactly the documented moves", arguments: LedgerStatus.allCases)
    func statusMachine(_ from: LedgerStatus) throws {
        let expected: [LedgerStatus: Set<LedgerStatus>] = [
            .open: [.rectifying, .rectified], .rectifying: [.rectified], .rectified: [.closed, .rectifying],
            .closed: [.reopened], .reopened: [.rectifying, .rectified],
        ]
        #expect(Set(from.allowedMoves) == expected[from])
    }

    @Test("an illegal move is refused, naming the allowed ones, and changes nothing", arguments: Backend.available)
    func illegalMove(_ backend: Backend) throws {
        let store = try Self.store(backend)
        _ = try store.importResults([Self.result("u1", "2026-11-30", ["A1"])], by: "t")
        #expect(throws: LedgerError.self) { try store.update(1, to: .closed, by: "张三", on: Self.day("2026-12-01"), note: nil, evidence: nil) }
        do {
            _ = try store.update(1, to: .closed, by: "张三", on: Self.day("2026-12-01"), note: nil, evidence: nil)
        } catch let error as LedgerError {
            #expect(error.message == "item #1 is open（待整改）; it can move to rectifying（整改中）, rectified（已整改待销号）, not to closed")
        }
        #expect(try store.history().count == 1)
        let moved = try store.update(1, to: .rectifying, by: "张三", on: Self.day("2026-12-01"), note: "已部署", evidence: "会议纪要")
        #expect(moved.status == .rectifying)
    }

    @Test("importing the same result twice changes nothing; notices are not recorded", arguments: Backend.available)
    func idempotent(_ backend: Backend) throws {
        let store = try Self.store(backend)
        let results = [Self.result("u1", "2026-11-30", ["A1", "B1"], notices: ["B2"]), Self.result("u2", "2026-11-30", ["A2"])]
        let first = try store.importResults(results, by: "t")
        #expect(first.opened == 3)
        let history = try store.history()
        let second = try store.importResults(results, by: "t")
        #expect(second == ImportSummary())
        #expect(try store.history() == history)
        #expect(try store.items(LedgerFilter()).count == 3)
    }

    @Test("回头看: a finding gone from a later evaluation is rectified; one back after closing is reopened", arguments: Backend.available)
    func followUp(_ backend: Backend) throws {
        let store = try Self.store(backend)
        _ = try store.importResults([Self.result("u1", "2026-11-30", ["A1", "B1"])], by: "t")
        let december = try store.importResults([Self.result("u1", "2026-12-31", ["A1"])], by: "回头看")
        #expect(december.rectified == 1 && december.unchanged == 1)
        #expect(try status(store, "u1/B1") == .rectified)
        #expect(try status(store, "u1/A1") == .open)
        _ = try store.update(2, to: .closed, by: "核查组", on: Self.day("2027-01-05"), note: "销号", evidence: nil)
        let older = try store.importResults([Self.result("u1", "2026-11-30", ["A1", "B1"])], by: "t")
        #expect(older == ImportSummary(), "an older evaluation imported late changes nothing")
        let january = try store.importResults([Self.result("u1", "2027-01-31", ["A1", "B1"])], by: "回头看")
        #expect(january.reopened == 1)
        #expect(try status(store, "u1/B1") == .reopened)
        let (_, history) = try store.item(2)
        #expect(history.map(\.to) == [.open, .rectified, .closed, .reopened])
        #expect(try store.verify().isIntact)
    }

    @Test("overdue items as of a date", arguments: Backend.available)
    func overdue(_ backend: Backend) throws {
        let store = try Self.store(backend)
        let result = ResultSummary(unit: "u1", unitName: "单位", checklist: "c", asOf: Self.day("2026-11-30"), findings: [
            Self.finding("u1", "A1", due: "2026-12-10"), Self.finding("u1", "A2", due: "2027-01-10"), Self.finding("u1", "A3", due: "2026-12-01"),
        ])
        _ = try store.importResults([result], by: "t")
        _ = try store.update(3, to: .rectified, by: "t", on: Self.day("2026-11-30"), note: nil, evidence: nil)
        let overdue = try store.items(LedgerFilter(overdueOn: Self.day("2026-12-15")))
        #expect(overdue.map(\.findingID) == ["u1/A1"])
        #expect(try store.items(LedgerFilter(overdueOn: Self.day("2026-12-05"))).isEmpty)
    }

    @Test("monthly figures match hand-computed ones", arguments: Backend.available)
    func monthly(_ backend: Backend) throws {
        let store = try Self.store(backend)
        // October: u1 has 4 problems, u2 has 2.
        _ = try store.importResults([Self.result("u1", "2026-10-31", ["A", "B", "C", "D"]), Self.result("u2", "2026-10-31", ["E", "F"])], by: "t")
        // November: u1 fixes A and B (回头看), C is closed by hand; u2 fixes nothing and gets one more.
        _ = try store.importResults([Self.result("u1", "2026-11-20", ["C", "D"]), Self.result("u2", "2026-11-20", ["E", "F", "G"])], by: "t")
        _ = try store.update(3, to: .rectified, by: "t", on: Self.day("2026-11-25"), note: nil, evidence: nil)
        _ = try store.update(3, to: .closed, by: "核查组", on: Self.day("2026-11-28"), note: nil, evidence: nil)
        let report = MonthlyReport(items: try store.items(LedgerFilter()), history: try store.history(), month: (2026, 11))
        let u1 = try #require(report.rows.first { $0.unit == "u1" })
        let u2 = try #require(report.rows.first { $0.unit == "u2" })
        // u1: 4 in all, 3 rectified or closed, 1 outstanding → 75%; a month ago 0%.
        #expect((u1.opened, u1.closed, u1.total, u1.outstanding, u1.overdue) == (0, 1, 4, 1, 0))
        #expect(u1.rate == Rational(parsing: "0.75"))
        #expect(u1.rateChange == Rational(parsing: "0.75"))
        #expect(u1.rank == 1)
        // u2: 3 in all, none rectified; one opened this month.
        #expect((u2.opened, u2.total, u2.outstanding) == (1, 3, 3))
        #expect(u2.rate == 0 && u2.rank == 2 && u2.outstandingChange == 1)
        #expect((report.district.total, report.district.outstanding) == (7, 4))
        #expect(report.district.rate == Rational(3) / Rational(7))
        #expect(report.trend.map(\.outstanding) == [0, 0, 0, 0, 6, 4])
        #expect(MonthlyReportRenderer.csv(report).hasPrefix("\u{FEFF}名次,单位"))
        #expect(MonthlyReportRenderer.html(report).contains("<svg"))
    }

    @Test("verify finds an altered, a removed and a moved history entry, and a rewritten status", arguments: Backend.available)
    func tampering(_ backend: Backend) throws {
        for attack in ["UPDATE history SET note = '改过' WHERE sequence = 2",
                       "DELETE FROM history WHERE sequence = 2",
                       "UPDATE history SET sequence = sequence + 100 WHERE sequence = 1",
                       "UPDATE items SET status = 'closed' WHERE id = 1"] {
            let store = try Self.store(backend)
            _ = try store.importResults([Self.result("u1", "2026-11-30", ["A1", "B1", "C1"])], by: "t")
            #expect(try store.verify().isIntact)
            try store.database.write { sql in try sql.execute(attack, []) }
            let report = try store.verify()
            #expect(!report.isIntact, "verify missed: \(attack)")
        }
    }

    @Test("a file that is not a Kaohe ledger is refused and left untouched")
    func foreignFiles() throws {
        let scratch = Scratch()
        let text = scratch.folder.appendingPathComponent("notes.db").path
        try Data("这不是数据库".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: LedgerError.self) { try SQLLedgerStore(location: text) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == Data("这不是数据库".utf8))
        let other = scratch.folder.appendingPathComponent("other.db").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE people (name TEXT)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: LedgerError.self) { try SQLLedgerStore(location: other) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }
}
