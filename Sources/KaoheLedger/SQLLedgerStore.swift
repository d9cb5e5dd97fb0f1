import Foundation
import KaoheCore
import KaoheStorage

/// The ledger's tables in a Kaohe database, SQLite or PostgreSQL (`StorageLocation`). Created and
/// migrated on first use. Each command runs in one transaction, so a killed process leaves the
/// ledger as it was before or after the command; a second writer waits for the first.
package final class SQLLedgerStore: LedgerStore {
    package let database: any SQLDatabase
    static let application = "kaohe-ledger"

    /// The ledger in an already open database (the web service keeps its tables in the same one).
    package init(database: any SQLDatabase) throws {
        self.database = database
        do { try database.migrate(Self.schema) } catch { throw LedgerError("\(database.description): cannot prepare the ledger: \(error)") }
    }

    /// The ledger at a `--db` location: an SQLite file or a `postgres://` address.
    package convenience init(location: String) throws {
        let database: any SQLDatabase
        do { database = try StorageLocation.open(location) } catch { throw LedgerError(error.message) }
        try self.init(database: database)
    }

    static let schema = SQLSchema([
        .init("v1: items and history", """
            CREATE TABLE kaohe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO kaohe_meta (key, value) VALUES ('application', '\(application)'), ('format', '1');
            CREATE TABLE items (
                id {id},
                finding_id TEXT NOT NULL UNIQUE,
                unit TEXT NOT NULL, unit_name TEXT NOT NULL, checklist TEXT NOT NULL, item TEXT NOT NULL,
                problem TEXT NOT NULL, action TEXT, owner TEXT, severity TEXT NOT NULL, due TEXT,
                status TEXT NOT NULL, opened_on TEXT NOT NULL, last_seen TEXT NOT NULL);
            CREATE INDEX items_unit ON items(unit);
            CREATE TABLE history (
                sequence {int} PRIMARY KEY,
                item_id {int} NOT NULL REFERENCES items(id),
                finding_id TEXT NOT NULL, "on" TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                from_status TEXT, to_status TEXT NOT NULL, note TEXT, evidence TEXT,
                previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
            CREATE INDEX history_item ON history(item_id)
            """),
    ])

    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        do { return try database.write(body) } catch let error as LedgerError { throw error } catch {
            throw LedgerError("\(database.description): \(error)")
        }
    }

    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        do { return try database.read(body) } catch let error as LedgerError { throw error } catch {
            throw LedgerError("\(database.description): \(error)")
        }
    }

    // MARK: - LedgerStore

    package func importResults(_ results: [ResultSummary], by actor: String) throws -> ImportSummary {
        try write { sql in try Self.importResults(results, by: actor, in: sql) }
    }

    /// Records the findings of `results` inside the caller's transaction (回头看 matching included).
    package static func importResults(_ results: [ResultSummary], by actor: String, in sql: any SQLTransaction) throws -> ImportSummary {
        let units = Array(Set(results.map(\.unit))).sorted()
        var current: [String: LedgerItem] = [:]
        for unit in units {
            for item in try Self.fetchItems(sql, where: "unit = ?", [.text(unit)]) { current[item.findingID] = item }
        }
        var summary = ImportSummary()
        for change in ImportPlanner.changes(current: current, results: results) {
            switch change {
            case .open(let finding, let unit, let unitName, let checklist, let on):
                let inserted = try sql.fetchOne("""
                    INSERT INTO items (finding_id, unit, unit_name, checklist, item, problem, action, owner, severity, due, status, opened_on, last_seen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id
                    """, finding.id, unit, unitName, checklist, finding.item, finding.message, finding.action, finding.owner,
                    finding.severity, finding.due?.description, on.description, on.description)
                try Self.append(sql, itemID: inserted?[integer: "id"] ?? 0, findingID: finding.id, on: on, actor: actor, action: .opened,
                                from: nil, to: .open, note: finding.message, evidence: nil)
                summary.opened += 1
            case .reopen(let id, let from, let on):
                try Self.move(sql, id, from: from, to: .reopened, on: on, actor: actor, action: .reopened, note: "回头看：问题再次出现", evidence: nil)
                try sql.execute("UPDATE items SET last_seen = ? WHERE id = ?", on.description, id)
                summary.reopened += 1
            case .rectify(let id, let from, let on):
                try Self.move(sql, id, from: from, to: .rectified, on: on, actor: actor, action: .rectified,
                              note: "回头看：问题未再出现，待销号", evidence: nil)
                summary.rectified += 1
            case .seen(let id, let on):
                try sql.execute("UPDATE items SET last_seen = ? WHERE id = ?", on.description, id)
                summary.unchanged += 1
            }
        }
        return summary
    }

    package func update(_ id: Int64, to status: LedgerStatus, by actor: String, on day: Day, note: String?, evidence: String?) throws -> LedgerItem {
        try write { sql in
            guard let item = try Self.fetchItems(sql, where: "id = ?", [.integer(id)]).first else {
                throw LedgerError("no rectification item #\(id); `kaohe ledger list` shows the ids")
            }
            guard item.status.allowedMoves.contains(status) else {
                let allowed = item.status.allowedMoves.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: ", ")
                throw LedgerError("item #\(id) is \(item.status.rawValue)（\(item.status.label)）; it can move to \(allowed), not to \(status.rawValue)")
            }
            try Self.move(sql, id, from: item.status, to: status, on: day, actor: actor, action: .updated, note: note, evidence: evidence)
            guard let updated = try Self.fetchItems(sql, where: "id = ?", [.integer(id)]).first else { throw LedgerError("item #\(id) vanished") }
            return updated
        }
    }

    package func items(_ filter: LedgerFilter) throws -> [LedgerItem] {
        try read { sql in
            var conditions: [String] = ["1 = 1"]
            var arguments: [SQLValue] = []
            if let unit = filter.unit { conditions.append("unit = ?"); arguments.append(.text(unit)) }
            if let status = filter.status { conditions.append("status = ?"); arguments.append(.text(status.rawValue)) }
            let items = try Self.fetchItems(sql, where: conditions.joined(separator: " AND "), arguments)
            guard let day = filter.overdueOn else { return items }
            return items.filter { $0.isOverdue(on: day) }
        }
    }

    package func item(_ id: Int64) throws -> (LedgerItem, [HistoryEntry]) {
        try read { sql in
            guard let item = try Self.fetchItems(sql, where: "id = ?", [.integer(id)]).first else {
                throw LedgerError("no rectification item #\(id); `kaohe ledger list` shows the ids")
            }
            return (item, try Self.fetchHistory(sql).filter { $0.itemID == id })
        }
    }

    package func history() throws -> [HistoryEntry] {
        try read { sql in try Self.fetchHistory(sql) }
    }

    package func head() throws -> LedgerHead {
        try read { sql in
            let last = try sql.fetchOne("SELECT hash, (SELECT COUNT(*) FROM history) AS entries FROM history ORDER BY sequence DESC LIMIT 1")
            return LedgerHead(hash: last?.text("hash") ?? HistoryEntry.genesis, entries: Int(last?.integer("entries") ?? 0))
        }
    }

    package func verify(head published: String?) throws -> VerifyReport {
        try read { sql in
            let entries = try Self.fetchHistory(sql)
            var problems: [String] = []
            var previous = HistoryEntry.genesis
            var expectedSequence: Int64 = 1
            var lastStatus: [Int64: LedgerStatus] = [:]
            for entry in entries {
                if entry.sequence != expectedSequence {
                    problems.append("history entry #\(expectedSequence) is missing (the next one is #\(entry.sequence))")
                    expectedSequence = entry.sequence
                }
                if entry.previousHash != previous {
                    problems.append("history entry #\(entry.sequence) does not follow the entry before it (an entry was removed or moved)")
                }
                if HistoryEntry.hash(of: entry.canonical) != entry.hash {
                    problems.append("history entry #\(entry.sequence) (\(entry.findingID), \(entry.on)) was altered")
                }
                previous = entry.hash
                expectedSequence += 1
                lastStatus[entry.itemID] = entry.to
            }
            for item in try Self.fetchItems(sql, where: "1 = 1", []) where lastStatus[item.id] != item.status {
                problems.append("item #\(item.id) (\(item.findingID)) says \(item.status.rawValue), but its history ends with \(lastStatus[item.id]?.rawValue ?? "nothing")")
            }
            var report = VerifyReport(entries: entries.count, problems: problems)
            if let published { report.checkPublished(head: published, against: entries) }
            return report
        }
    }

    // MARK: - Rows

    static func move(_ sql: any SQLTransaction, _ id: Int64, from: LedgerStatus, to: LedgerStatus, on: Day, actor: String,
                     action: HistoryEntry.Action, note: String?, evidence: String?) throws {
        try sql.execute("UPDATE items SET status = ? WHERE id = ?", to.rawValue, id)
        let findingID = try sql.fetchOne("SELECT finding_id FROM items WHERE id = ?", id)?.text("finding_id") ?? ""
        try append(sql, itemID: id, findingID: findingID, on: on, actor: actor, action: action, from: from, to: to, note: note, evidence: evidence)
    }

    /// Appends a history entry chained to the last one.
    static func append(_ sql: any SQLTransaction, itemID: Int64, findingID: String, on: Day, actor: String, action: HistoryEntry.Action,
                       from: LedgerStatus?, to: LedgerStatus, note: String?, evidence: String?) throws {
        let last = try sql.fetchOne("SELECT sequence, hash FROM history ORDER BY sequence DESC LIMIT 1")
        let sequence: Int64 = (last?.integer("sequence") ?? 0) + 1
        var entry = HistoryEntry(sequence: sequence, itemID: itemID, findingID: findingID, on: on, actor: actor, action: action,
                                 from: from, to: to, note: note, evidence: evidence,
                                 previousHash: last?.text("hash") ?? HistoryEntry.genesis, hash: "")
        entry.hash = HistoryEntry.hash(of: entry.canonical)
        try sql.execute("""
            INSERT INTO history (sequence, item_id, finding_id, "on", actor, action, from_status, to_status, note, evidence, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, entry.sequence, entry.itemID, entry.findingID, entry.on.description, entry.actor, entry.action.rawValue,
            entry.from?.rawValue, entry.to.rawValue, entry.note, entry.evidence, entry.previousHash, entry.hash)
    }

    static func fetchItems(_ sql: any SQLTransaction, where condition: String, _ arguments: [SQLValue]) throws -> [LedgerItem] {
        try sql.fetch("SELECT * FROM items WHERE \(condition) ORDER BY id", arguments).map { row in
            LedgerItem(id: row[integer: "id"], findingID: row[text: "finding_id"], unit: row[text: "unit"], unitName: row[text: "unit_name"],
                       checklist: row[text: "checklist"], item: row[text: "item"], problem: row[text: "problem"], action: row.text("action"),
                       owner: row.text("owner"), severity: row[text: "severity"], due: row.text("due").flatMap { Day($0) },
                       status: LedgerStatus(rawValue: row[text: "status"]) ?? .open,
                       openedOn: Day(row[text: "opened_on"]) ?? Day(ordinal: 0), lastSeen: Day(row[text: "last_seen"]) ?? Day(ordinal: 0))
        }
    }

    static func fetchHistory(_ sql: any SQLTransaction) throws -> [HistoryEntry] {
        try sql.fetch("SELECT * FROM history ORDER BY sequence", []).map { row in
            HistoryEntry(sequence: row[integer: "sequence"], itemID: row[integer: "item_id"], findingID: row[text: "finding_id"],
                         on: Day(row[text: "on"]) ?? Day(ordinal: 0), actor: row[text: "actor"],
                         action: HistoryEntry.Action(rawValue: row[text: "action"]) ?? .updated,
                         from: row.text("from_status").flatMap { LedgerStatus(rawValue: $0) },
                         to: LedgerStatus(rawValue: row[text: "to_status"]) ?? .open, note: row.text("note"), evidence: row.text("evidence"),
                         previousHash: row[text: "previous_hash"], hash: row[text: "hash"])
        }
    }
}
