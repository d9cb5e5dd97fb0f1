import Foundation
import GRDB
import KaoheCore

/// The ledger in an SQLite file, through GRDB. Created and migrated on first use; a file that is
/// not a Kaohe ledger (another database, a damaged file, not SQLite at all) is refused, never
/// touched. Each command runs in one transaction, so a killed process leaves the ledger as it
/// was before or after the command; a second writer waits for the first.
package final class SQLiteLedgerStore: LedgerStore {
    let queue: DatabaseQueue
    static let application = "kaohe-ledger"

    /// The ledger in an already open database (the web service keeps its tables in the same file).
    package init(queue: DatabaseQueue) throws {
        self.queue = queue
        try Self.migrator.migrate(queue)
    }

    package init(path: String) throws {
        queue = try Self.open(path: path)
        try Self.migrator.migrate(queue)
    }

    /// Opens a Kaohe database file, refusing a foreign or damaged one without touching it.
    package static func open(path: String) throws -> DatabaseQueue {
        try Self.refuseForeign(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let check = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
            guard check == "ok" else { throw LedgerError("\(path): the ledger file is damaged (\(check ?? "?")); restore it from a backup") }
            try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if !tables.isEmpty && !tables.contains("kaohe_meta") {
                    throw LedgerError("\(path) is an SQLite database but not a Kaohe ledger (tables: \(tables.joined(separator: ", "))); choose another --db file")
                }
            }
            return queue
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError("\(path): cannot open the ledger: \(error)")
        }
    }

    /// A file that exists must start with SQLite's header; anything else is not ours to open.
    static func refuseForeign(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw LedgerError("\(path): cannot read the ledger file") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw LedgerError("\(path) is not a Kaohe ledger (not an SQLite database); it was left untouched — choose another --db file")
        }
    }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: items and history") { db in
            try db.execute(sql: """
                CREATE TABLE kaohe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO kaohe_meta (key, value) VALUES ('application', '\(application)'), ('format', '1');
                CREATE TABLE items (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    finding_id TEXT NOT NULL UNIQUE,
                    unit TEXT NOT NULL, unit_name TEXT NOT NULL, checklist TEXT NOT NULL, item TEXT NOT NULL,
                    problem TEXT NOT NULL, action TEXT, owner TEXT, severity TEXT NOT NULL, due TEXT,
                    status TEXT NOT NULL, opened_on TEXT NOT NULL, last_seen TEXT NOT NULL);
                CREATE INDEX items_unit ON items(unit);
                CREATE TABLE history (
                    sequence INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    finding_id TEXT NOT NULL, "on" TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                    from_status TEXT, to_status TEXT NOT NULL, note TEXT, evidence TEXT,
                    previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
                CREATE INDEX history_item ON history(item_id);
                """)
        }
        return migrator
    }()

    // MARK: - LedgerStore

    package func importResults(_ results: [ResultSummary], by actor: String) throws -> ImportSummary {
        try queue.write { db in try Self.importResults(results, by: actor, in: db) }
    }

    /// Records the findings of `results` inside the caller's transaction (回头看 matching included).
    package static func importResults(_ results: [ResultSummary], by actor: String, in db: Database) throws -> ImportSummary {
        let units = Array(Set(results.map(\.unit))).sorted()
        var current: [String: LedgerItem] = [:]
        for unit in units {
            for item in try Self.fetchItems(db, where: "unit = ?", [unit]) { current[item.findingID] = item }
        }
        var summary = ImportSummary()
        for change in ImportPlanner.changes(current: current, results: results) {
            switch change {
            case .open(let finding, let unit, let unitName, let checklist, let on):
                try db.execute(sql: """
                    INSERT INTO items (finding_id, unit, unit_name, checklist, item, problem, action, owner, severity, due, status, opened_on, last_seen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
                    """, arguments: [finding.id, unit, unitName, checklist, finding.item, finding.message, finding.action, finding.owner,
                                     finding.severity, finding.due?.description, on.description, on.description])
                try Self.append(db, itemID: db.lastInsertedRowID, findingID: finding.id, on: on, actor: actor, action: .opened,
                                from: nil, to: .open, note: finding.message, evidence: nil)
                summary.opened += 1
            case .reopen(let id, let from, let on):
                try Self.move(db, id, from: from, to: .reopened, on: on, actor: actor, action: .reopened, note: "回头看：问题再次出现", evidence: nil)
                try db.execute(sql: "UPDATE items SET last_seen = ? WHERE id = ?", arguments: [on.description, id])
                summary.reopened += 1
            case .rectify(let id, let from, let on):
                try Self.move(db, id, from: from, to: .rectified, on: on, actor: actor, action: .rectified,
                              note: "回头看：问题未再出现，待销号", evidence: nil)
                summary.rectified += 1
            case .seen(let id, let on):
                try db.execute(sql: "UPDATE items SET last_seen = ? WHERE id = ?", arguments: [on.description, id])
                summary.unchanged += 1
            }
        }
        return summary
    }

    package func update(_ id: Int64, to status: LedgerStatus, by actor: String, on day: Day, note: String?, evidence: String?) throws -> LedgerItem {
        try queue.write { db in
            guard let item = try Self.fetchItems(db, where: "id = ?", [id]).first else {
                throw LedgerError("no rectification item #\(id); `kaohe ledger list` shows the ids")
            }
            guard item.status.allowedMoves.contains(status) else {
                let allowed = item.status.allowedMoves.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: ", ")
                throw LedgerError("item #\(id) is \(item.status.rawValue)（\(item.status.label)）; it can move to \(allowed), not to \(status.rawValue)")
            }
            try Self.move(db, id, from: item.status, to: status, on: day, actor: actor, action: .updated, note: note, evidence: evidence)
            guard let updated = try Self.fetchItems(db, where: "id = ?", [id]).first else { throw LedgerError("item #\(id) vanished") }
            return updated
        }
    }

    package func items(_ filter: LedgerFilter) throws -> [LedgerItem] {
        try queue.read { db in
            var conditions: [String] = ["1 = 1"]
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let unit = filter.unit { conditions.append("unit = ?"); arguments.append(unit) }
            if let status = filter.status { conditions.append("status = ?"); arguments.append(status.rawValue) }
            let items = try Self.fetchItems(db, where: conditions.joined(separator: " AND "), arguments)
            guard let day = filter.overdueOn else { return items }
            return items.filter { $0.isOverdue(on: day) }
        }
    }

    package func item(_ id: Int64) throws -> (LedgerItem, [HistoryEntry]) {
        try queue.read { db in
            guard let item = try Self.fetchItems(db, where: "id = ?", [id]).first else {
                throw LedgerError("no rectification item #\(id); `kaohe ledger list` shows the ids")
            }
            return (item, try Self.fetchHistory(db).filter { $0.itemID == id })
        }
    }

    package func history() throws -> [HistoryEntry] {
        try queue.read { db in try Self.fetchHistory(db) }
    }

    package func head() throws -> LedgerHead {
        try queue.read { db in
            let last = try Row.fetchOne(db, sql: "SELECT hash, (SELECT COUNT(*) FROM history) AS entries FROM history ORDER BY sequence DESC LIMIT 1")
            return LedgerHead(hash: last?["hash"] ?? HistoryEntry.genesis, entries: last?["entries"] ?? 0)
        }
    }

    package func verify(head published: String?) throws -> VerifyReport {
        try queue.read { db in
            let entries = try Self.fetchHistory(db)
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
            for item in try Self.fetchItems(db, where: "1 = 1", []) where lastStatus[item.id] != item.status {
                problems.append("item #\(item.id) (\(item.findingID)) says \(item.status.rawValue), but its history ends with \(lastStatus[item.id]?.rawValue ?? "nothing")")
            }
            var report = VerifyReport(entries: entries.count, problems: problems)
            if let published { report.checkPublished(head: published, against: entries) }
            return report
        }
    }

    // MARK: - Rows

    static func move(_ db: Database, _ id: Int64, from: LedgerStatus, to: LedgerStatus, on: Day, actor: String,
                     action: HistoryEntry.Action, note: String?, evidence: String?) throws {
        try db.execute(sql: "UPDATE items SET status = ? WHERE id = ?", arguments: [to.rawValue, id])
        let findingID = try String.fetchOne(db, sql: "SELECT finding_id FROM items WHERE id = ?", arguments: [id]) ?? ""
        try append(db, itemID: id, findingID: findingID, on: on, actor: actor, action: action, from: from, to: to, note: note, evidence: evidence)
    }

    /// Appends a history entry chained to the last one.
    static func append(_ db: Database, itemID: Int64, findingID: String, on: Day, actor: String, action: HistoryEntry.Action,
                       from: LedgerStatus?, to: LedgerStatus, note: String?, evidence: String?) throws {
        let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM history ORDER BY sequence DESC LIMIT 1")
        let sequence: Int64 = (last?["sequence"] ?? 0) + 1
        var entry = HistoryEntry(sequence: sequence, itemID: itemID, findingID: findingID, on: on, actor: actor, action: action,
                                 from: from, to: to, note: note, evidence: evidence,
                                 previousHash: last?["hash"] ?? HistoryEntry.genesis, hash: "")
        entry.hash = HistoryEntry.hash(of: entry.canonical)
        try db.execute(sql: """
            INSERT INTO history (sequence, item_id, finding_id, "on", actor, action, from_status, to_status, note, evidence, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [entry.sequence, entry.itemID, entry.findingID, entry.on.description, entry.actor, entry.action.rawValue,
                             entry.from?.rawValue, entry.to.rawValue, entry.note, entry.evidence, entry.previousHash, entry.hash])
    }

    static func fetchItems(_ db: Database, where condition: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [LedgerItem] {
        try Row.fetchAll(db, sql: "SELECT * FROM items WHERE \(condition) ORDER BY id", arguments: StatementArguments(arguments)).map { row in
            LedgerItem(id: row["id"], findingID: row["finding_id"], unit: row["unit"], unitName: row["unit_name"], checklist: row["checklist"],
                       item: row["item"], problem: row["problem"], action: row["action"], owner: row["owner"], severity: row["severity"],
                       due: (row["due"] as String?).flatMap { Day($0) },
                       status: LedgerStatus(rawValue: row["status"]) ?? .open,
                       openedOn: Day(row["opened_on"] as String) ?? Day(ordinal: 0), lastSeen: Day(row["last_seen"] as String) ?? Day(ordinal: 0))
        }
    }

    static func fetchHistory(_ db: Database) throws -> [HistoryEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM history ORDER BY sequence").map { row in
            HistoryEntry(sequence: row["sequence"], itemID: row["item_id"], findingID: row["finding_id"], on: Day(row["on"] as String) ?? Day(ordinal: 0),
                         actor: row["actor"], action: HistoryEntry.Action(rawValue: row["action"]) ?? .updated,
                         from: (row["from_status"] as String?).flatMap { LedgerStatus(rawValue: $0) },
                         to: LedgerStatus(rawValue: row["to_status"]) ?? .open, note: row["note"], evidence: row["evidence"],
                         previousHash: row["previous_hash"], hash: row["hash"])
        }
    }
}
