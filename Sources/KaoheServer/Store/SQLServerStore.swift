import Foundation
import KaoheCore
import KaoheLedger
import KaoheStorage

/// The web service's tables next to the ledger's, in one Kaohe database (SQLite or PostgreSQL:
/// the same statements on both). Each method is one transaction; writes are serialised by the
/// database (`SQLDatabase`), so the compare-and-set moves below can never race.
package final class SQLServerStore: ServerStore {
    let database: any SQLDatabase
    /// The ledger in the same database.
    let sqlLedger: SQLLedgerStore
    package var ledger: any LedgerStore { sqlLedger }

    package init(database: any SQLDatabase) throws(ServiceError) {
        self.database = database
        do {
            sqlLedger = try SQLLedgerStore(database: database)
            try database.migrate(Self.schema)
        } catch let error as LedgerError {
            throw .storage(error.message)
        } catch {
            throw .storage("\(database.description): cannot prepare the database: \(error)")
        }
    }

    /// The store at a `--db` location: an SQLite file or a `postgres://` address.
    package convenience init(location: String) throws(ServiceError) {
        let database: any SQLDatabase
        do { database = try StorageLocation.open(location) } catch { throw .storage(error.message) }
        try self.init(database: database)
    }

    static let schema = SQLSchema([
        .init("server v1: users, sessions, rounds, drafts, results, audit", """
            CREATE TABLE users (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, roles TEXT NOT NULL, unit TEXT,
                password_hash TEXT NOT NULL, disabled {int} NOT NULL DEFAULT 0,
                failed_logins {int} NOT NULL DEFAULT 0, locked_until {int} NOT NULL DEFAULT 0);
            CREATE TABLE sessions (
                token_digest TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
                csrf TEXT NOT NULL, last_seen {int} NOT NULL);
            CREATE TABLE rounds (
                id TEXT PRIMARY KEY, checklist TEXT NOT NULL, as_of TEXT NOT NULL, state TEXT NOT NULL);
            CREATE TABLE round_units (
                round_id TEXT NOT NULL REFERENCES rounds(id), unit_id TEXT NOT NULL, name TEXT NOT NULL, category TEXT,
                status TEXT NOT NULL, reason TEXT, total TEXT, grade TEXT, PRIMARY KEY (round_id, unit_id));
            CREATE TABLE drafts (
                round_id TEXT NOT NULL, unit_id TEXT NOT NULL, version {int} NOT NULL, document TEXT NOT NULL,
                saved_by TEXT NOT NULL, saved_at {int} NOT NULL, PRIMARY KEY (round_id, unit_id, version),
                FOREIGN KEY (round_id, unit_id) REFERENCES round_units(round_id, unit_id));
            CREATE TABLE results (
                round_id TEXT NOT NULL, unit_id TEXT NOT NULL, version {int} NOT NULL, result TEXT NOT NULL,
                submitted_by TEXT NOT NULL, submitted_at {int} NOT NULL, PRIMARY KEY (round_id, unit_id),
                FOREIGN KEY (round_id, unit_id) REFERENCES round_units(round_id, unit_id));
            CREATE TABLE audit (
                sequence {int} PRIMARY KEY, at {int} NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                target TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """),
        .init("server v2: published monthly reports", """
            CREATE TABLE reports (
                id {id}, month TEXT NOT NULL, number TEXT NOT NULL, issuer TEXT NOT NULL, title TEXT NOT NULL,
                published_by TEXT NOT NULL, published_at {int} NOT NULL, head TEXT NOT NULL,
                html TEXT NOT NULL, standalone TEXT NOT NULL, csv TEXT NOT NULL)
            """),
        onsiteSchema,
        competitionSchema,
    ])

    /// Runs `body` in one write transaction; failures become service errors, nothing half-done.
    @discardableResult
    func write<T>(_ body: (any SQLTransaction) throws -> T) throws(ServiceError) -> T {
        try Self.serviceErrors { try database.write(body) }
    }

    func read<T>(_ body: (any SQLTransaction) throws -> T) throws(ServiceError) -> T {
        try Self.serviceErrors { try database.read(body) }
    }

    /// A service error as thrown; any other failure of the database as a storage error.
    static func serviceErrors<T>(_ body: () throws -> T) throws(ServiceError) -> T {
        do {
            return try body()
        } catch let error as ServiceError {
            throw error
        } catch {
            throw .storage("the database failed: \(error)")
        }
    }

    // MARK: Users and sessions

    package func addUser(_ user: User, passwordHash: String) throws(ServiceError) {
        try write { sql in
            if try sql.fetchOne("SELECT 1 AS found FROM users WHERE id = ?", user.id) != nil {
                throw ServiceError.conflict("user '\(user.id)' exists already")
            }
            try sql.execute("INSERT INTO users (id, name, roles, unit, password_hash) VALUES (?, ?, ?, ?, ?)",
                            user.id, user.name, user.roles.map(\.rawValue).joined(separator: ","), user.unit, passwordHash)
        }
    }

    static func user(_ row: SQLRow) -> (User, String) {
        var user = User(id: row[text: "id"], name: row[text: "name"], roles: Role.parse(list: row[text: "roles"]) ?? [], unit: row.text("unit"))
        user.disabled = row[integer: "disabled"] != 0
        user.failedLogins = Int(row[integer: "failed_logins"])
        user.lockedUntil = row[integer: "locked_until"]
        return (user, row[text: "password_hash"])
    }

    package func user(_ id: String) throws(ServiceError) -> (user: User, passwordHash: String)? {
        try read { sql in try sql.fetchOne("SELECT * FROM users WHERE id = ?", id).map(Self.user) }
    }

    package func users() throws(ServiceError) -> [User] {
        try read { sql in try sql.fetch("SELECT * FROM users ORDER BY id", []).map { Self.user($0).0 } }
    }

    package func setPassword(_ id: String, hash: String) throws(ServiceError) {
        try write { sql in
            guard try sql.execute("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE id = ?", hash, id) == 1 else {
                throw ServiceError.notFound("no user '\(id)'")
            }
            try sql.execute("DELETE FROM sessions WHERE user_id = ?", id)
        }
    }

    package func setDisabled(_ id: String, _ disabled: Bool) throws(ServiceError) {
        try write { sql in
            guard try sql.execute("UPDATE users SET disabled = ? WHERE id = ?", disabled ? 1 : 0, id) == 1 else {
                throw ServiceError.notFound("no user '\(id)'")
            }
            if disabled { try sql.execute("DELETE FROM sessions WHERE user_id = ?", id) }
        }
    }

    package func recordSignIn(_ id: String, succeeded: Bool, at now: Int64) throws(ServiceError) -> User {
        try write { sql in
            guard let before = try sql.fetchOne("SELECT * FROM users WHERE id = ?", id).map(Self.user)?.0 else {
                throw ServiceError.notFound("no user '\(id)'")
            }
            var failed = succeeded ? 0 : before.failedLogins + 1
            var lockedUntil = succeeded ? 0 : before.lockedUntil
            if failed >= Accounts.maxFailures {
                failed = 0
                lockedUntil = now + Accounts.lockSeconds
            }
            try sql.execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", failed, lockedUntil, id)
            guard let row = try sql.fetchOne("SELECT * FROM users WHERE id = ?", id) else { throw ServiceError.notFound("no user '\(id)'") }
            return Self.user(row).0
        }
    }

    package func createSession(_ session: Session) throws(ServiceError) {
        try write { sql in
            try sql.execute("INSERT INTO sessions (token_digest, user_id, csrf, last_seen) VALUES (?, ?, ?, ?)",
                            session.tokenDigest, session.user, session.csrf, session.lastSeen)
        }
    }

    package func session(_ digest: String) throws(ServiceError) -> Session? {
        try read { sql in
            try sql.fetchOne("SELECT * FROM sessions WHERE token_digest = ?", digest).map {
                Session(tokenDigest: $0[text: "token_digest"], user: $0[text: "user_id"], csrf: $0[text: "csrf"], lastSeen: $0[integer: "last_seen"])
            }
        }
    }

    package func touchSession(_ digest: String, at now: Int64) throws(ServiceError) {
        try write { sql in try sql.execute("UPDATE sessions SET last_seen = ? WHERE token_digest = ?", now, digest) }
    }

    package func deleteSession(_ digest: String) throws(ServiceError) {
        try write { sql in try sql.execute("DELETE FROM sessions WHERE token_digest = ?", digest) }
    }

    // MARK: Rounds

    package func openRound(_ round: Round, units: [KaoheCore.Unit]) throws(ServiceError) {
        try write { sql in
            if try sql.fetchOne("SELECT 1 AS found FROM rounds WHERE id = ?", round.id) != nil {
                throw ServiceError.conflict("round '\(round.id)' exists already")
            }
            try sql.execute("INSERT INTO rounds (id, checklist, as_of, state) VALUES (?, ?, ?, 'open')", round.id, round.checklist, round.asOf.description)
            for unit in units {
                try sql.execute("INSERT INTO round_units (round_id, unit_id, name, category, status) VALUES (?, ?, ?, ?, 'none')",
                                round.id, unit.id, unit.name, unit.category)
            }
        }
    }

    package func rounds() throws(ServiceError) -> [Round] {
        try read { sql in
            try sql.fetch("SELECT * FROM rounds ORDER BY id", []).compactMap { row -> Round? in
                guard let day = Day(row[text: "as_of"]) else { return nil }
                return Round(id: row[text: "id"], checklist: row[text: "checklist"], asOf: day, state: Round.State(rawValue: row[text: "state"]) ?? .closed)
            }
        }
    }

    package func closeRound(_ id: String) throws(ServiceError) {
        try write { sql in
            guard try sql.execute("UPDATE rounds SET state = 'closed' WHERE id = ?", id) == 1 else { throw ServiceError.notFound("no round '\(id)'") }
        }
    }

    package func units(of round: String) throws(ServiceError) -> [RoundUnit] {
        try read { sql in
            try sql.fetch("SELECT * FROM round_units WHERE round_id = ? ORDER BY unit_id", round).map { row in
                var unit = RoundUnit(round: round, unit: KaoheCore.Unit(id: row[text: "unit_id"], name: row[text: "name"], category: row.text("category")),
                                     status: SubmissionStatus(rawValue: row[text: "status"]) ?? .none)
                unit.reason = row.text("reason")
                unit.total = row.text("total")
                unit.grade = row.text("grade")
                return unit
            }
        }
    }

    /// The unit's status inside a transaction; 404 when the unit is not in the round.
    static func status(_ sql: any SQLTransaction, _ round: String, _ unit: String) throws -> SubmissionStatus {
        guard let text = try sql.fetchOne("SELECT status FROM round_units WHERE round_id = ? AND unit_id = ?", round, unit)?.text("status"),
              let status = SubmissionStatus(rawValue: text) else {
            throw ServiceError.notFound("no unit '\(unit)' in round '\(round)'")
        }
        return status
    }

    static func requireOpen(_ sql: any SQLTransaction, _ round: String) throws {
        guard let state = try sql.fetchOne("SELECT state FROM rounds WHERE id = ?", round)?.text("state") else {
            throw ServiceError.notFound("no round '\(round)'")
        }
        guard state == "open" else { throw ServiceError.conflict("round '\(round)' is closed") }
    }

    static func latestVersion(_ sql: any SQLTransaction, _ round: String, _ unit: String) throws -> Int64? {
        try sql.fetchOne("SELECT MAX(version) AS latest FROM drafts WHERE round_id = ? AND unit_id = ?", round, unit)?.integer("latest")
    }

    package func saveDraft(round: String, unit: String, document: String, by actor: String, at now: Int64) throws(ServiceError) -> Int {
        try write { sql in
            try Self.requireOpen(sql, round)
            let status = try Self.status(sql, round, unit)
            guard status.isEditable else {
                throw ServiceError.conflict("the self-assessment is \(status.label)（\(status.rawValue)）and can no longer be changed")
            }
            let version = (try Self.latestVersion(sql, round, unit) ?? 0) + 1
            try sql.execute("INSERT INTO drafts (round_id, unit_id, version, document, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)",
                            round, unit, version, document, actor, now)
            try sql.execute("UPDATE round_units SET status = 'draft' WHERE round_id = ? AND unit_id = ?", round, unit)
            try Self.append(AuditEntry(at: now, actor: actor, action: "draft.save", target: "\(round)/\(unit)", outcome: .done, detail: "version \(version)"), in: sql)
            return Int(version)
        }
    }

    static func draft(_ row: SQLRow) -> DraftVersion {
        DraftVersion(version: Int(row[integer: "version"]), document: row[text: "document"], savedBy: row[text: "saved_by"], savedAt: row[integer: "saved_at"])
    }

    package func latestDraft(round: String, unit: String) throws(ServiceError) -> DraftVersion? {
        try read { sql in
            try sql.fetchOne("SELECT * FROM drafts WHERE round_id = ? AND unit_id = ? ORDER BY version DESC LIMIT 1", round, unit).map(Self.draft)
        }
    }

    package func draftVersions(round: String, unit: String) throws(ServiceError) -> [DraftVersion] {
        try read { sql in
            try sql.fetch("SELECT * FROM drafts WHERE round_id = ? AND unit_id = ? ORDER BY version", round, unit).map(Self.draft)
        }
    }

    package func submit(round: String, unit: String, version: Int, by actor: String, at now: Int64,
                        score: (OnsiteSnapshot) throws -> StoredResult) throws(ServiceError) -> StoredResult {
        try write { sql in
            try Self.requireOpen(sql, round)
            guard try Self.latestVersion(sql, round, unit) == Int64(version) else {
                throw ServiceError.conflict("the draft changed while it was being submitted; submit again")
            }
            let result = try score(try Self.onsite(sql, round: round, unit: unit))
            let moved = try sql.execute("""
                UPDATE round_units SET status = 'submitted', reason = NULL, total = ?, grade = ? WHERE round_id = ? AND unit_id = ? AND status = 'draft'
                """, result.total, result.grade, round, unit)
            guard moved == 1 else {
                throw ServiceError.conflict("only a draft can be submitted; this one is \(try Self.status(sql, round, unit).label)")
            }
            try sql.execute("""
                INSERT INTO results (round_id, unit_id, version, result, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (round_id, unit_id) DO UPDATE SET version = excluded.version, result = excluded.result,
                    submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at
                """, round, unit, version, result.json, actor, now)
            try Self.append(AuditEntry(at: now, actor: actor, action: "submit", target: "\(round)/\(unit)", outcome: .done, detail: "version \(version)"), in: sql)
            return result
        }
    }

    package func returnSubmission(round: String, unit: String, reason: String, by actor: String, at now: Int64) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            let moved = try sql.execute("UPDATE round_units SET status = 'returned', reason = ? WHERE round_id = ? AND unit_id = ? AND status = 'submitted'",
                                        reason, round, unit)
            guard moved == 1 else {
                throw ServiceError.conflict("only a submitted self-assessment can be returned; this one is \(try Self.status(sql, round, unit).label)")
            }
        }
    }

    package func accept(round: String, unit: String, by actor: String, at now: Int64,
                        findings: (OnsiteSnapshot) throws -> ResultSummary) throws(ServiceError) -> ImportSummary {
        try write { sql in
            try Self.requireOpen(sql, round)
            let summary = try findings(try Self.onsite(sql, round: round, unit: unit))
            let moved = try sql.execute("UPDATE round_units SET status = 'accepted' WHERE round_id = ? AND unit_id = ? AND status = 'submitted'", round, unit)
            guard moved == 1 else {
                throw ServiceError.conflict("only a submitted self-assessment can be accepted; this one is \(try Self.status(sql, round, unit).label)")
            }
            return try SQLLedgerStore.importResults([summary], by: actor, in: sql)
        }
    }

    package func result(round: String, unit: String) throws(ServiceError) -> String? {
        try read { sql in try sql.fetchOne("SELECT result FROM results WHERE round_id = ? AND unit_id = ?", round, unit)?.text("result") }
    }

    // MARK: Published reports

    package func publishReport(_ report: PublishedReport) throws(ServiceError) -> Int64 {
        try write { sql in
            try sql.fetchOne("""
                INSERT INTO reports (month, number, issuer, title, published_by, published_at, head, html, standalone, csv)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, report.month, report.number, report.issuer, report.title, report.publishedBy, report.publishedAt,
                report.head, report.html, report.standalone, report.csv)?[integer: "id"] ?? 0
        }
    }

    static func report(_ row: SQLRow) -> PublishedReport {
        var report = PublishedReport(month: row[text: "month"], number: row[text: "number"], issuer: row[text: "issuer"], title: row[text: "title"],
                                     publishedBy: row[text: "published_by"], publishedAt: row[integer: "published_at"], head: row[text: "head"],
                                     html: row[text: "html"], standalone: row[text: "standalone"], csv: row[text: "csv"])
        report.id = row[integer: "id"]
        return report
    }

    package func reports() throws(ServiceError) -> [PublishedReport] {
        try read { sql in try sql.fetch("SELECT * FROM reports ORDER BY id DESC", []).map(Self.report) }
    }

    package func report(_ id: Int64) throws(ServiceError) -> PublishedReport? {
        try read { sql in try sql.fetchOne("SELECT * FROM reports WHERE id = ?", id).map(Self.report) }
    }

    // MARK: History

    package func audit(_ entry: AuditEntry) throws(ServiceError) {
        try write { sql in try Self.append(entry, in: sql) }
    }

    /// Appends `entry` to the history, chained to the last one, inside the caller's transaction.
    static func append(_ entry: AuditEntry, in sql: any SQLTransaction) throws {
        let last = try sql.fetchOne("SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1")
        var entry = entry
        entry.sequence = (last?.integer("sequence") ?? 0) + 1
        let previous = last?.text("hash") ?? AuditChain.genesis
        entry.hash = AuditChain.hash(entry, after: previous)
        try sql.execute("""
            INSERT INTO audit (sequence, at, actor, action, target, outcome, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, entry.sequence, entry.at, entry.actor, entry.action, entry.target, entry.outcome.rawValue, entry.detail, previous, entry.hash)
    }

    package func auditEntries() throws(ServiceError) -> [AuditEntry] {
        try read { sql in
            try sql.fetch("SELECT * FROM audit ORDER BY sequence", []).map { row in
                var entry = AuditEntry(at: row[integer: "at"], actor: row[text: "actor"], action: row[text: "action"], target: row[text: "target"],
                                       outcome: AuditEntry.Outcome(rawValue: row[text: "outcome"]) ?? .denied, detail: row.text("detail"))
                entry.sequence = row[integer: "sequence"]
                entry.hash = row[text: "hash"]
                return entry
            }
        }
    }

    package func verifyAudit() throws(ServiceError) -> [String] {
        AuditChain.problems(try auditEntries())
    }
}
