import Foundation
import KaoheCore

/// The rectification ledger (整改台账) as front ends use it: every operation is one store
/// transaction, and every error comes back as an ``EngineFailure`` worded for a person.
public struct Ledger: Sendable {
    package let store: any LedgerStore

    package init(store: any LedgerStore) {
        self.store = store
    }

    /// The ledger at `path`: an SQLite file (created on first use) or a `postgres://` address.
    public static func open(path: String) throws(EngineFailure) -> Ledger {
        try Self.answer { Ledger(store: try SQLLedgerStore(location: path)) }
    }

    /// Records the findings of the result files (`kaohe evaluate --format json|jsonl -o FILE`);
    /// a finding gone since the last import is marked rectified, awaiting 销号 (回头看).
    public func importResults(files: [String], by actor: String) throws(EngineFailure) -> (results: Int, summary: ImportSummary) {
        let summaries = try Self.answer { try files.flatMap { try ResultSummary.read(path: $0) } }
        return (summaries.count, try Self.answer { try store.importResults(summaries, by: actor) })
    }

    /// Moves item `id` to `status`, if the status machine allows it.
    public func update(_ id: Int64, to status: LedgerStatus, by actor: String, on day: Day,
                       note: String? = nil, evidence: String? = nil) throws(EngineFailure) -> LedgerItem {
        try Self.answer { try store.update(id, to: status, by: actor, on: day, note: note, evidence: evidence) }
    }

    /// The items `filter` selects, in number order.
    public func items(_ filter: LedgerFilter = LedgerFilter()) throws(EngineFailure) -> [LedgerItem] {
        try Self.answer { try store.items(filter) }
    }

    /// One item with its whole history, oldest first.
    public func item(_ id: Int64) throws(EngineFailure) -> (item: LedgerItem, history: [HistoryEntry]) {
        try Self.answer { try store.item(id) }
    }

    /// Checks the hash chain and, with a published `head`, that the history still holds it.
    public func verify(head: String? = nil) throws(EngineFailure) -> VerifyReport {
        try Self.answer { try store.verify(head: head) }
    }

    /// The newest entry's hash and the entry count, to publish.
    public func head() throws(EngineFailure) -> LedgerHead {
        try Self.answer { try store.head() }
    }

    /// The 月通报 of `month` from the ledger as it stands.
    public func monthlyReport(_ month: (year: Int, month: Int)) throws(EngineFailure) -> MonthlyReport {
        try Self.answer { MonthlyReport(items: try store.items(LedgerFilter()), history: try store.history(), month: month) }
    }

    /// Runs a store operation, turning its errors into failures for people.
    static func answer<T>(_ body: () throws -> T) throws(EngineFailure) -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw EngineFailure(message: "kaohe: \(error.message)")
        } catch let failure as EngineFailure {
            throw failure
        } catch {
            throw EngineFailure(message: "kaohe: the ledger failed: \(error)")
        }
    }

    /// Today in China (Asia/Shanghai): the one place Kaohe reads the clock, to date a change
    /// in the history when none is given. Scoring never does.
    public static func today() -> Day { day(at: Date()) }

    /// The day in China (Asia/Shanghai) at `date`; the web service's clock dates history entries with it too.
    package static func day(at date: Date) -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai") ?? .current, from: date)
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
