import Foundation
import KaoheCore
@testable import KaoheLedger
import KaoheStorage
import KaoheStorageTestSupport
import Testing

/// The published head: a history cut short or rewritten from the start passes the chain check
/// alone, and `verify(head:)` with a head published before catches it.
@Suite("Ledger head")
struct LedgerHeadTests {
    /// A ledger with three findings opened and one of them moved on: four history entries.
    static func ledger(_ backend: Backend) throws -> SQLLedgerStore {
        let store = try LedgerTests.store(backend)
        _ = try store.importResults([LedgerTests.result("u1", "2026-11-30", ["A1", "B1", "C1"])], by: "t")
        _ = try store.update(1, to: .rectifying, by: "陈某", on: LedgerTests.day("2026-12-02"), note: "已部署", evidence: nil)
        return store
    }

    /// Recomputes every hash from `sequence` on, as someone holding the database could.
    static func rehash(_ sql: any SQLTransaction, from sequence: Int64) throws {
        var previous = try sql.fetchOne("SELECT hash FROM history WHERE sequence = ?", sequence - 1)?.text("hash") ?? HistoryEntry.genesis
        for var entry in try SQLLedgerStore.fetchHistory(sql) where entry.sequence >= sequence {
            entry.previousHash = previous
            entry.hash = HistoryEntry.hash(of: entry.canonical)
            try sql.execute("UPDATE history SET previous_hash = ?, hash = ? WHERE sequence = ?", entry.previousHash, entry.hash, entry.sequence)
            previous = entry.hash
        }
    }

    @Test("head is the newest entry's hash and the entry count, printed as sha256:… N", arguments: Backend.available)
    func head(_ backend: Backend) throws {
        let store = try Self.ledger(backend)
        let head = try store.head()
        let history = try store.history()
        #expect(head == LedgerHead(hash: history[3].hash, entries: 4))
        #expect(head.description == "sha256:\(history[3].hash) 4")
        #expect(LedgerHead.hash(from: head.description) == head.hash)
        #expect(LedgerHead.hash(from: head.hash.uppercased()) == head.hash)
        #expect(LedgerHead.hash(from: "sha256:abc") == nil)
        let empty = try LedgerTests.store(backend).head()
        #expect(empty.entries == 0)
    }

    @Test("the newest entries deleted: the chain alone passes, the published head fails", arguments: Backend.available)
    func cutShort(_ backend: Backend) throws {
        let store = try Self.ledger(backend)
        let published = try store.head().description
        try store.database.write { sql in
            try sql.execute("DELETE FROM history WHERE sequence = 4")
            try sql.execute("UPDATE items SET status = 'open' WHERE id = 1")
        }
        #expect(try store.verify().isIntact)
        let report = try store.verify(head: published)
        #expect(!report.isIntact)
        #expect(report.problems.first?.contains("is no longer in the history") == true)
    }

    @Test("an old entry rewritten and every hash after it recomputed: the chain passes, the head fails", arguments: Backend.available)
    func rewritten(_ backend: Backend) throws {
        let store = try Self.ledger(backend)
        let published = try store.head().description
        try store.database.write { sql in
            try sql.execute("UPDATE history SET actor = '别人' WHERE sequence = 2")
            try Self.rehash(sql, from: 2)
        }
        #expect(try store.verify().isIntact)
        #expect(!(try store.verify(head: published)).isIntact)
    }

    @Test("entries appended after the head, even forged ones, keep an old head valid: history may grow", arguments: Backend.available)
    func grown(_ backend: Backend) throws {
        let store = try Self.ledger(backend)
        let published = try store.head().description
        _ = try store.update(2, to: .rectifying, by: "李某", on: LedgerTests.day("2026-12-03"), note: nil, evidence: nil)
        try store.database.write { sql in
            try SQLLedgerStore.append(sql, itemID: 3, findingID: "u1/C1", on: LedgerTests.day("2026-12-04"), actor: "伪造",
                                         action: .updated, from: .open, to: .rectifying, note: nil, evidence: nil)
            try sql.execute("UPDATE items SET status = 'rectifying' WHERE id = 3")
        }
        let report = try store.verify(head: published)
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.publishedAt == 4)
        #expect(report.addedSincePublished == 2)
        #expect(!(try store.verify(head: "not a hash")).isIntact)
    }

    @Test("every 月通报 format prints the head it was built from", arguments: Backend.available)
    func monthlyReportsPrintTheHead(_ backend: Backend) throws {
        let store = try Self.ledger(backend)
        let head = try store.head()
        let report = MonthlyReport(items: try store.items(LedgerFilter()), history: try store.history(), month: (2026, 12))
        #expect(report.head == head)
        for text in [MonthlyReportRenderer.table(report), MonthlyReportRenderer.markdown(report),
                     MonthlyReportRenderer.csv(report), MonthlyReportRenderer.html(report)] {
            #expect(text.contains(head.description))
        }
    }
}
