import Foundation
import GRDB
import KaoheCore
import KaoheLedger

/// The web service's tables in the ledger's SQLite file (one database for the round, its
/// history and the ledger), through GRDB. Writes are serialised by SQLite; each method is one
/// transaction.
package final class SQLiteServerStore: ServerStore {
    let queue: DatabaseQueue
    /// The ledger in the same file.
    let sqliteLedger: SQLiteLedgerStore
    package var ledger: any LedgerStore { sqliteLedger }

    package init(path: String) throws(ServiceError) {
        do {
            queue = try SQLiteLedgerStore.open(path: path)
            sqliteLedger = try SQLiteLedgerStore(queue: queue)
            try Self.migrator.migrate(queue)
        } catch let error as LedgerError {
            throw .storage(error.message)
        } catch {
            throw .storage("\(path): cannot open the database: \(error)")
        }
    }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("server v1: users, sessions, rounds, drafts, results, audit") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, roles TEXT NOT NULL, unit TEXT,
                    password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
                    failed_logins INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE sessions (
                    token_digest TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
                    csrf TEXT NOT NULL, last_seen INTEGER NOT NULL);
                CREATE TABLE rounds (
                    id TEXT PRIMARY KEY, checklist TEXT NOT NULL, as_of TEXT NOT NULL, state TEXT NOT NULL);
                CREATE TABLE round_units (
                    round_id TEXT NOT NULL REFERENCES rounds(id), unit_id TEXT NOT NULL, name TEXT NOT NULL, category TEXT,
                    status TEXT NOT NULL, reason TEXT, total TEXT, grade TEXT, PRIMARY KEY (round_id, unit_id));
                CREATE TABLE drafts (
                    round_id TEXT NOT NULL, unit_id TEXT NOT NULL, version INTEGER NOT NULL, document TEXT NOT NULL,
                    saved_by TEXT NOT NULL, saved_at INTEGER NOT NULL, PRIMARY KEY (round_id, unit_id, version),
                    FOREIGN KEY (round_id, unit_id) REFERENCES round_units(round_id, unit_id));
                CREATE TABLE results (
                    round_id TEXT NOT NULL, unit_id TEXT NOT NULL, version INTEGER NOT NULL, result TEXT NOT NULL,
                    submitted_by TEXT NOT NULL, submitted_at INTEGER NOT NULL, PRIMARY KEY (round_id, unit_id),
                    FOREIGN KEY (round_id, unit_id) REFERENCES round_units(round_id, unit_id));
                CREATE TABLE audit (
                    sequence INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                    target TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
                """)
        }
        return migrator
    }()

    /// Runs `body` in one write transaction; failures become service errors, nothing half-done.
    func write<T>(_ body: (Database) throws -> T) throws(ServiceError) -> T {
        do {
            return try queue.write(body)
        } catch let error as ServiceError {
            throw error
        } catch {
            throw .storage("the database failed: \(error)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(ServiceError) -> T {
        do {
            return try queue.read(body)
        } catch let error as ServiceError {
            throw error
        } catch {
            throw .storage("the database failed: \(error)")
        }
    }

    // MARK: Users and sessions

    package func addUser(_ user: User, passwordHash: String) throws(ServiceError) {
        try write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM users WHERE id = ?", arguments: [user.id]) != nil {
                throw ServiceError.conflict("user '\(user.id)' exists already")
            }
            try db.execute(sql: "INSERT INTO users (id, name, roles, unit, password_hash) VALUES (?, ?, ?, ?, ?)",
                           arguments: [user.id, user.name, user.roles.map(\.rawValue).joined(separator: ","), user.unit, passwordHash])
        }
    }

    static func user(_ row: Row) -> (User, String) {
        var user = User(id: row["id"], name: row["name"], roles: Role.parse(list: row["roles"]) ?? [], unit: row["unit"])
        user.disabled = (row["disabled"] as Int) != 0
        user.failedLogins = row["failed_logins"]
        user.lockedUntil = row["locked_until"]
        return (user, row["password_hash"])
    }

    package func user(_ id: String) throws(ServiceError) -> (user: User, passwordHash: String)? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map(Self.user) }
    }

    package func users() throws(ServiceError) -> [User] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY id").map { Self.user($0).0 } }
    }

    package func setPassword(_ id: String, hash: String) throws(ServiceError) {
        try write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE id = ?", arguments: [hash, id])
            guard db.changesCount == 1 else { throw ServiceError.notFound("no user '\(id)'") }
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id])
        }
    }

    package func setDisabled(_ id: String, _ disabled: Bool) throws(ServiceError) {
        try write { db in
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE id = ?", arguments: [disabled ? 1 : 0, id])
            guard db.changesCount == 1 else { throw ServiceError.notFound("no user '\(id)'") }
            if disabled { try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id]) }
        }
    }

    package func recordSignIn(_ id: String, succeeded: Bool, at now: Int64) throws(ServiceError) -> User {
        try write { db in
            guard let before = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map(Self.user)?.0 else {
                throw ServiceError.notFound("no user '\(id)'")
            }
            var failed = succeeded ? 0 : before.failedLogins + 1
            var lockedUntil = succeeded ? 0 : before.lockedUntil
            if failed >= Accounts.maxFailures {
                failed = 0
                lockedUntil = now + Accounts.lockSeconds
            }
            try db.execute(sql: "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", arguments: [failed, lockedUntil, id])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]) else {
                throw ServiceError.notFound("no user '\(id)'")
            }
            return Self.user(row).0
        }
    }

    package func createSession(_ session: Session) throws(ServiceError) {
        try write { db in
            try db.execute(sql: "INSERT INTO sessions (token_digest, user_id, csrf, last_seen) VALUES (?, ?, ?, ?)",
                           arguments: [session.tokenDigest, session.user, session.csrf, session.lastSeen])
        }
    }

    package func session(_ digest: String) throws(ServiceError) -> Session? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE token_digest = ?", arguments: [digest]).map {
                Session(tokenDigest: $0["token_digest"], user: $0["user_id"], csrf: $0["csrf"], lastSeen: $0["last_seen"])
            }
        }
    }

    package func touchSession(_ digest: String, at now: Int64) throws(ServiceError) {
        try write { db in try db.execute(sql: "UPDATE sessions SET last_seen = ? WHERE token_digest = ?", arguments: [now, digest]) }
    }

    package func deleteSession(_ digest: String) throws(ServiceError) {
        try write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_digest = ?", arguments: [digest]) }
    }

    // MARK: Rounds

    package func openRound(_ round: Round, units: [KaoheCore.Unit]) throws(ServiceError) {
        try write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM rounds WHERE id = ?", arguments: [round.id]) != nil {
                throw ServiceError.conflict("round '\(round.id)' exists already")
            }
            try db.execute(sql: "INSERT INTO rounds (id, checklist, as_of, state) VALUES (?, ?, ?, 'open')",
                           arguments: [round.id, round.checklist, round.asOf.description])
            for unit in units {
                try db.execute(sql: "INSERT INTO round_units (round_id, unit_id, name, category, status) VALUES (?, ?, ?, ?, 'none')",
                               arguments: [round.id, unit.id, unit.name, unit.category])
            }
        }
    }

    package func rounds() throws(ServiceError) -> [Round] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rounds ORDER BY id").compactMap { row -> Round? in
                guard let day = Day(row["as_of"] as String) else { return nil }
                return Round(id: row["id"], checklist: row["checklist"], asOf: day, state: Round.State(rawValue: row["state"]) ?? .closed)
            }
        }
    }

    package func closeRound(_ id: String) throws(ServiceError) {
        try write { db in
            try db.execute(sql: "UPDATE rounds SET state = 'closed' WHERE id = ?", arguments: [id])
            guard db.changesCount == 1 else { throw ServiceError.notFound("no round '\(id)'") }
        }
    }

    package func units(of round: String) throws(ServiceError) -> [RoundUnit] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM round_units WHERE round_id = ? ORDER BY unit_id", arguments: [round]).map { row in
                var unit = RoundUnit(round: round, unit: KaoheCore.Unit(id: row["unit_id"], name: row["name"], category: row["category"]),
                                     status: SubmissionStatus(rawValue: row["status"]) ?? .none)
                unit.reason = row["reason"]
                unit.total = row["total"]
                unit.grade = row["grade"]
                return unit
            }
        }
    }

    /// The unit's status inside a transaction; 404 when the unit is not in the round.
    static func status(_ db: Database, _ round: String, _ unit: String) throws -> SubmissionStatus {
        guard let text = try String.fetchOne(db, sql: "SELECT status FROM round_units WHERE round_id = ? AND unit_id = ?", arguments: [round, unit]),
              let status = SubmissionStatus(rawValue: text) else {
            throw ServiceError.notFound("no unit '\(unit)' in round '\(round)'")
        }
        return status
    }

    static func requireOpen(_ db: Database, _ round: String) throws {
        guard let state = try String.fetchOne(db, sql: "SELECT state FROM rounds WHERE id = ?", arguments: [round]) else {
            throw ServiceError.notFound("no round '\(round)'")
        }
        guard state == "open" else { throw ServiceError.conflict("round '\(round)' is closed") }
    }

    package func saveDraft(round: String, unit: String, document: String, by actor: String, at now: Int64) throws(ServiceError) -> Int {
        try write { db in
            try Self.requireOpen(db, round)
            let status = try Self.status(db, round, unit)
            guard status.isEditable else {
                throw ServiceError.conflict("the self-assessment is \(status.label)（\(status.rawValue)）and can no longer be changed")
            }
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM drafts WHERE round_id = ? AND unit_id = ?", arguments: [round, unit]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO drafts (round_id, unit_id, version, document, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [round, unit, version, document, actor, now])
            try db.execute(sql: "UPDATE round_units SET status = 'draft' WHERE round_id = ? AND unit_id = ?", arguments: [round, unit])
            return version
        }
    }

    static func draft(_ row: Row) -> DraftVersion {
        DraftVersion(version: row["version"], document: row["document"], savedBy: row["saved_by"], savedAt: row["saved_at"])
    }

    package func latestDraft(round: String, unit: String) throws(ServiceError) -> DraftVersion? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM drafts WHERE round_id = ? AND unit_id = ? ORDER BY version DESC LIMIT 1",
                             arguments: [round, unit]).map(Self.draft)
        }
    }

    package func draftVersions(round: String, unit: String) throws(ServiceError) -> [DraftVersion] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM drafts WHERE round_id = ? AND unit_id = ? ORDER BY version", arguments: [round, unit]).map(Self.draft)
        }
    }

    package func submit(round: String, unit: String, version: Int, result: String, total: String, grade: String,
                        by actor: String, at now: Int64) throws(ServiceError) {
        try write { db in
            try Self.requireOpen(db, round)
            let latest = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM drafts WHERE round_id = ? AND unit_id = ?", arguments: [round, unit])
            guard latest == version else { throw ServiceError.conflict("the draft changed while it was being submitted; submit again") }
            try db.execute(sql: "UPDATE round_units SET status = 'submitted', reason = NULL, total = ?, grade = ? WHERE round_id = ? AND unit_id = ? AND status = 'draft'",
                           arguments: [total, grade, round, unit])
            guard db.changesCount == 1 else {
                throw ServiceError.conflict("only a draft can be submitted; this one is \(try Self.status(db, round, unit).label)")
            }
            try db.execute(sql: "INSERT OR REPLACE INTO results (round_id, unit_id, version, result, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [round, unit, version, result, actor, now])
        }
    }

    package func returnSubmission(round: String, unit: String, reason: String, by actor: String, at now: Int64) throws(ServiceError) {
        try write { db in
            try Self.requireOpen(db, round)
            try db.execute(sql: "UPDATE round_units SET status = 'returned', reason = ? WHERE round_id = ? AND unit_id = ? AND status = 'submitted'",
                           arguments: [reason, round, unit])
            guard db.changesCount == 1 else {
                throw ServiceError.conflict("only a submitted self-assessment can be returned; this one is \(try Self.status(db, round, unit).label)")
            }
        }
    }

    package func accept(round: String, unit: String, findings: ResultSummary, by actor: String, at now: Int64) throws(ServiceError) -> ImportSummary {
        try write { db in
            try Self.requireOpen(db, round)
            try db.execute(sql: "UPDATE round_units SET status = 'accepted' WHERE round_id = ? AND unit_id = ? AND status = 'submitted'",
                           arguments: [round, unit])
            guard db.changesCount == 1 else {
                throw ServiceError.conflict("only a submitted self-assessment can be accepted; this one is \(try Self.status(db, round, unit).label)")
            }
            return try SQLiteLedgerStore.importResults([findings], by: actor, in: db)
        }
    }

    package func result(round: String, unit: String) throws(ServiceError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT result FROM results WHERE round_id = ? AND unit_id = ?", arguments: [round, unit]) }
    }

    // MARK: History

    package func audit(_ entry: AuditEntry) throws(ServiceError) {
        try write { db in
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1")
            var entry = entry
            entry.sequence = (last?["sequence"] as Int64? ?? 0) + 1
            let previous: String = last?["hash"] ?? AuditChain.genesis
            entry.hash = AuditChain.hash(entry, after: previous)
            try db.execute(sql: """
                INSERT INTO audit (sequence, at, actor, action, target, outcome, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.sequence, entry.at, entry.actor, entry.action, entry.target, entry.outcome.rawValue,
                                 entry.detail, previous, entry.hash])
        }
    }

    package func auditEntries() throws(ServiceError) -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY sequence").map { row in
                var entry = AuditEntry(at: row["at"], actor: row["actor"], action: row["action"], target: row["target"],
                                       outcome: AuditEntry.Outcome(rawValue: row["outcome"]) ?? .denied, detail: row["detail"])
                entry.sequence = row["sequence"]
                entry.hash = row["hash"]
                return entry
            }
        }
    }

    package func verifyAudit() throws(ServiceError) -> [String] {
        AuditChain.problems(try auditEntries())
    }
}
