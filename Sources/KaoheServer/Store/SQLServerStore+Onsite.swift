import KaoheStorage

/// On-site scoring (现场量化赋分) in the store: who scores which unit, every assessor's score of
/// every manual item (all kept; a second assessor never overwrites the first), the committee's
/// decisions where they differ. A write that changes a submitted unit's scores stores its new
/// result in the same transaction, computed from what that transaction sees, so two assessors
/// saving at once can never leave a result that misses one of them.
extension SQLServerStore {
    static let onsiteSchema = SQLSchema.Migration("server v3: on-site assessors, scores and decisions", """
        CREATE TABLE assignments (
            round_id TEXT NOT NULL, unit_id TEXT NOT NULL, assessor TEXT NOT NULL REFERENCES users(id),
            assigned_by TEXT NOT NULL, assigned_at {int} NOT NULL, PRIMARY KEY (round_id, unit_id, assessor),
            FOREIGN KEY (round_id, unit_id) REFERENCES round_units(round_id, unit_id));
        CREATE TABLE onsite_scores (
            round_id TEXT NOT NULL, unit_id TEXT NOT NULL, item TEXT NOT NULL, assessor TEXT NOT NULL REFERENCES users(id),
            points TEXT NOT NULL, method TEXT NOT NULL, note TEXT, saved_at {int} NOT NULL,
            PRIMARY KEY (round_id, unit_id, item, assessor), FOREIGN KEY (round_id, unit_id) REFERENCES round_units(round_id, unit_id));
        CREATE TABLE onsite_decisions (
            round_id TEXT NOT NULL, unit_id TEXT NOT NULL, item TEXT NOT NULL, assessor TEXT NOT NULL,
            decided_by TEXT NOT NULL, decided_at {int} NOT NULL, PRIMARY KEY (round_id, unit_id, item),
            FOREIGN KEY (round_id, unit_id) REFERENCES round_units(round_id, unit_id))
        """)

    package func assign(round: String, unit: String, assessor: String, by actor: String, at now: Int64) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            _ = try Self.status(sql, round, unit)
            guard try Self.has(sql, assessor, .assessor) else {
                throw ServiceError.invalid("'\(assessor)' is not an assessor (考核组) account")
            }
            try sql.execute("""
                INSERT INTO assignments (round_id, unit_id, assessor, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (round_id, unit_id, assessor) DO NOTHING
                """, round, unit, assessor, actor, now)
            try Self.append(AuditEntry(at: now, actor: actor, action: "onsite.assign", target: "\(round)/\(unit)", outcome: .done, detail: assessor), in: sql)
        }
    }

    package func unassign(round: String, unit: String, assessor: String, by actor: String, at now: Int64) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            guard try sql.execute("DELETE FROM assignments WHERE round_id = ? AND unit_id = ? AND assessor = ?", round, unit, assessor) == 1 else {
                throw ServiceError.notFound("'\(assessor)' is not assigned to \(unit)")
            }
            try Self.append(AuditEntry(at: now, actor: actor, action: "onsite.unassign", target: "\(round)/\(unit)", outcome: .done, detail: assessor), in: sql)
        }
    }

    package func assignments(round: String) throws(ServiceError) -> [Assignment] {
        try read { sql in
            try sql.fetch("""
                SELECT a.unit_id, a.assessor, u.name FROM assignments a JOIN users u ON u.id = a.assessor
                WHERE a.round_id = ? ORDER BY a.unit_id, a.assessor
                """, round).map { Assignment(round: round, unit: $0[text: "unit_id"], assessor: $0[text: "assessor"], assessorName: $0[text: "name"]) }
        }
    }

    package func onsite(round: String, unit: String?) throws(ServiceError) -> OnsiteSnapshot {
        try read { sql in try Self.onsite(sql, round: round, unit: unit) }
    }

    static func onsite(_ sql: any SQLTransaction, round: String, unit: String?) throws -> OnsiteSnapshot {
        let filter = unit == nil ? "" : " AND s.unit_id = ?"
        var arguments: [any SQLValueConvertible] = [round]
        if let unit { arguments.append(unit) }
        let scores = try sql.fetch("""
            SELECT s.*, u.name FROM onsite_scores s JOIN users u ON u.id = s.assessor
            WHERE s.round_id = ?\(filter) ORDER BY s.unit_id, s.item, s.assessor
            """, arguments.map(\.sqlValue)).map { row in
            OnsiteEntry(round: round, unit: row[text: "unit_id"], item: row[text: "item"], assessor: row[text: "assessor"],
                        assessorName: row[text: "name"], points: row[text: "points"], method: row[text: "method"],
                        note: row.text("note"), savedAt: row[integer: "saved_at"])
        }
        var decisions: [OnsiteSnapshot.Key: String] = [:]
        for row in try sql.fetch("SELECT * FROM onsite_decisions s WHERE s.round_id = ?\(filter)", arguments.map(\.sqlValue)) {
            decisions[OnsiteSnapshot.Key(unit: row[text: "unit_id"], item: row[text: "item"])] = row[text: "assessor"]
        }
        return OnsiteSnapshot(scores: scores, decisions: decisions)
    }

    /// Stores (or replaces) this assessor's score of the item. Refused once the unit's result is
    /// accepted (its findings are in the ledger by then).
    package func saveOnsiteScore(_ entry: OnsiteEntry, by actor: String, at now: Int64,
                                 rescore: (OnsiteSnapshot, _ draft: String) throws -> StoredResult) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, entry.round)
            try Self.requireUnaccepted(sql, entry.round, entry.unit)
            try sql.execute("""
                INSERT INTO onsite_scores (round_id, unit_id, item, assessor, points, method, note, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (round_id, unit_id, item, assessor) DO UPDATE SET points = excluded.points, method = excluded.method,
                    note = excluded.note, saved_at = excluded.saved_at
                """, entry.round, entry.unit, entry.item, entry.assessor, entry.points, entry.method, entry.note, now)
            try Self.append(AuditEntry(at: now, actor: actor, action: "onsite.score", target: "\(entry.round)/\(entry.unit)/\(entry.item)",
                                       outcome: .done, detail: "\(entry.points) \(entry.method)"), in: sql)
            try Self.rescore(sql, entry.round, entry.unit, rescore)
        }
    }

    /// The committee's choice between assessors who scored an item differently.
    package func decideOnsite(round: String, unit: String, item: String, assessor: String, by actor: String, at now: Int64,
                              rescore: (OnsiteSnapshot, _ draft: String) throws -> StoredResult) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            try Self.requireUnaccepted(sql, round, unit)
            guard try sql.fetchOne("SELECT 1 AS found FROM onsite_scores WHERE round_id = ? AND unit_id = ? AND item = ? AND assessor = ?",
                                   round, unit, item, assessor) != nil else {
                throw ServiceError.notFound("'\(assessor)' has not scored \(item) of \(unit)")
            }
            try sql.execute("""
                INSERT INTO onsite_decisions (round_id, unit_id, item, assessor, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (round_id, unit_id, item) DO UPDATE SET assessor = excluded.assessor, decided_by = excluded.decided_by,
                    decided_at = excluded.decided_at
                """, round, unit, item, assessor, actor, now)
            try Self.append(AuditEntry(at: now, actor: actor, action: "onsite.decide", target: "\(round)/\(unit)/\(item)", outcome: .done, detail: assessor), in: sql)
            try Self.rescore(sql, round, unit, rescore)
        }
    }

    /// Whether account `user` exists and has `role`.
    static func has(_ sql: any SQLTransaction, _ user: String, _ role: Role) throws -> Bool {
        guard let roles = try sql.fetchOne("SELECT roles FROM users WHERE id = ?", user)?.text("roles") else { return false }
        return roles.split(separator: ",").contains { $0 == role.rawValue }
    }

    static func requireUnaccepted(_ sql: any SQLTransaction, _ round: String, _ unit: String) throws {
        if try status(sql, round, unit) == .accepted {
            throw ServiceError.conflict("the result is accepted（已受理）: its on-site scores can no longer change")
        }
    }

    /// A submitted unit's result again, with the on-site scores this transaction sees.
    static func rescore(_ sql: any SQLTransaction, _ round: String, _ unit: String,
                        _ rescore: (OnsiteSnapshot, _ draft: String) throws -> StoredResult) throws {
        guard try status(sql, round, unit) == .submitted,
              let draft = try sql.fetchOne("SELECT document FROM drafts WHERE round_id = ? AND unit_id = ? ORDER BY version DESC LIMIT 1", round, unit)?
                .text("document") else { return }
        let result = try rescore(try onsite(sql, round: round, unit: unit), draft)
        try sql.execute("UPDATE results SET result = ? WHERE round_id = ? AND unit_id = ?", result.json, round, unit)
        try sql.execute("UPDATE round_units SET total = ?, grade = ? WHERE round_id = ? AND unit_id = ?", result.total, result.grade, round, unit)
    }
}
