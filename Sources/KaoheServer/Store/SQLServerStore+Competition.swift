import Foundation
import KaoheStorage

/// Competitions (SPEC §9) in the store: daily scores, the field and finalists frozen when the
/// committee names them, jurors, their dimension scores, and the close of scoring. Each write is
/// one transaction with its history entry; a juror's scores of one finalist are replaced whole.
extension SQLServerStore {
    static let competitionSchema = SQLSchema.Migration("server v4: competitions, daily scores, jurors, jury scores", """
        CREATE TABLE competitions (
            round_id TEXT NOT NULL REFERENCES rounds(id), competition TEXT NOT NULL, units TEXT NOT NULL, finalists TEXT NOT NULL,
            named_by TEXT NOT NULL, named_at {int} NOT NULL, closed_by TEXT, closed_at {int}, PRIMARY KEY (round_id, competition));
        CREATE TABLE daily_scores (
            round_id TEXT NOT NULL, competition TEXT NOT NULL, unit_id TEXT NOT NULL, points TEXT NOT NULL,
            saved_by TEXT NOT NULL, saved_at {int} NOT NULL, PRIMARY KEY (round_id, competition, unit_id),
            FOREIGN KEY (round_id, unit_id) REFERENCES round_units(round_id, unit_id));
        CREATE TABLE jurors (
            round_id TEXT NOT NULL REFERENCES rounds(id), competition TEXT NOT NULL, juror TEXT NOT NULL REFERENCES users(id),
            assigned_by TEXT NOT NULL, assigned_at {int} NOT NULL, PRIMARY KEY (round_id, competition, juror));
        CREATE TABLE jury_scores (
            round_id TEXT NOT NULL, competition TEXT NOT NULL, juror TEXT NOT NULL, unit_id TEXT NOT NULL, dimension TEXT NOT NULL,
            points TEXT NOT NULL, saved_at {int} NOT NULL, PRIMARY KEY (round_id, competition, juror, unit_id, dimension),
            FOREIGN KEY (round_id, competition, juror) REFERENCES jurors(round_id, competition, juror))
        """)

    package func competition(round: String, competition: String) throws(ServiceError) -> CompetitionRecord {
        try read { sql in try Self.competition(sql, round, competition) }
    }

    static func competition(_ sql: any SQLTransaction, _ round: String, _ competition: String) throws -> CompetitionRecord {
        var record = CompetitionRecord(round: round, competition: competition, daily: [:], named: nil, jurors: [], scores: [], closedAt: nil)
        for row in try sql.fetch("SELECT unit_id, points FROM daily_scores WHERE round_id = ? AND competition = ?", round, competition) {
            record.daily[row[text: "unit_id"]] = row[text: "points"]
        }
        if let row = try sql.fetchOne("SELECT * FROM competitions WHERE round_id = ? AND competition = ?", round, competition) {
            record.named = .init(units: Self.ids(row[text: "units"]), finalists: Self.ids(row[text: "finalists"]),
                                 by: row[text: "named_by"], at: row[integer: "named_at"])
            record.closedAt = row.integer("closed_at")
        }
        record.jurors = try sql.fetch("""
            SELECT j.juror, u.name FROM jurors j JOIN users u ON u.id = j.juror WHERE j.round_id = ? AND j.competition = ? ORDER BY j.juror
            """, round, competition).map { CompetitionRecord.Juror(id: $0[text: "juror"], name: $0[text: "name"]) }
        record.scores = try sql.fetch("""
            SELECT juror, unit_id, dimension, points FROM jury_scores WHERE round_id = ? AND competition = ? ORDER BY juror, unit_id, dimension
            """, round, competition).map { JuryEntry(juror: $0[text: "juror"], unit: $0[text: "unit_id"], dimension: $0[text: "dimension"], points: $0[text: "points"]) }
        return record
    }

    /// Sets (or with nil clears) a unit's daily score; refused once the finalists are named,
    /// because daily scores can break ties in the on-site ranking that chose them.
    package func saveDaily(round: String, competition: String, unit: String, points: String?, by actor: String, at now: Int64) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            _ = try Self.status(sql, round, unit)
            try Self.requireUnnamed(sql, round, competition)
            if let points {
                try sql.execute("""
                    INSERT INTO daily_scores (round_id, competition, unit_id, points, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (round_id, competition, unit_id) DO UPDATE SET points = excluded.points, saved_by = excluded.saved_by,
                        saved_at = excluded.saved_at
                    """, round, competition, unit, points, actor, now)
            } else {
                try sql.execute("DELETE FROM daily_scores WHERE round_id = ? AND competition = ? AND unit_id = ?", round, competition, unit)
            }
            try Self.append(AuditEntry(at: now, actor: actor, action: "competition.daily", target: "\(round)/\(competition)/\(unit)",
                                       outcome: .done, detail: points ?? "cleared"), in: sql)
        }
    }

    /// Freezes the field — every accepted unit — and the finalists `choose` picks from it. Refused
    /// while a unit is submitted but not yet accepted or returned (its result may still change).
    package func nameFinalists(round: String, competition: String, by actor: String, at now: Int64,
                               choose: (_ field: [String], _ record: CompetitionRecord) throws -> [String]) throws(ServiceError) -> CompetitionRecord.Named {
        try write { sql in
            try Self.requireOpen(sql, round)
            try Self.requireUnnamed(sql, round, competition)
            let waiting = try sql.fetch("SELECT unit_id FROM round_units WHERE round_id = ? AND status = 'submitted' ORDER BY unit_id", round)
                .map { $0[text: "unit_id"] }
            guard waiting.isEmpty else {
                throw ServiceError.conflict("尚有单位已提交、未受理：\(waiting.joined(separator: "、"))。受理或退回后再确定入围名单")
            }
            let field = try sql.fetch("SELECT unit_id FROM round_units WHERE round_id = ? AND status = 'accepted' ORDER BY unit_id", round)
                .map { $0[text: "unit_id"] }
            guard !field.isEmpty else { throw ServiceError.conflict("还没有已受理的单位，无法确定入围名单") }
            let finalists = try choose(field, try Self.competition(sql, round, competition))
            try sql.execute("""
                INSERT INTO competitions (round_id, competition, units, finalists, named_by, named_at) VALUES (?, ?, ?, ?, ?, ?)
                """, round, competition, Self.text(field), Self.text(finalists), actor, now)
            try Self.append(AuditEntry(at: now, actor: actor, action: "competition.finalists", target: "\(round)/\(competition)",
                                       outcome: .done, detail: finalists.joined(separator: ",")), in: sql)
            return CompetitionRecord.Named(units: field, finalists: finalists, by: actor, at: now)
        }
    }

    package func assignJuror(round: String, competition: String, juror: String, by actor: String, at now: Int64) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            try Self.requireUnclosed(sql, round, competition)
            guard try Self.has(sql, juror, .juror) else {
                throw ServiceError.invalid("「\(juror)」不是评委账户")
            }
            try sql.execute("""
                INSERT INTO jurors (round_id, competition, juror, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (round_id, competition, juror) DO NOTHING
                """, round, competition, juror, actor, now)
            try Self.append(AuditEntry(at: now, actor: actor, action: "competition.juror", target: "\(round)/\(competition)", outcome: .done, detail: juror), in: sql)
        }
    }

    /// Removes a juror and whatever they scored: a juror who no longer judges counts for no one.
    package func unassignJuror(round: String, competition: String, juror: String, by actor: String, at now: Int64) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            try Self.requireUnclosed(sql, round, competition)
            let dropped = try sql.execute("DELETE FROM jury_scores WHERE round_id = ? AND competition = ? AND juror = ?", round, competition, juror)
            guard try sql.execute("DELETE FROM jurors WHERE round_id = ? AND competition = ? AND juror = ?", round, competition, juror) == 1 else {
                throw ServiceError.notFound("「\(juror)」不是本比赛的评委")
            }
            try Self.append(AuditEntry(at: now, actor: actor, action: "competition.unjuror", target: "\(round)/\(competition)", outcome: .done,
                                       detail: "\(juror), \(dropped) scores dropped"), in: sql)
        }
    }

    /// Replaces a juror's scores of one finalist (every dimension at once). The points are not in
    /// the history entry: until scoring closes, no one but the juror sees them.
    package func saveJuryScores(round: String, competition: String, juror: String, unit: String, scores: [(dimension: String, points: String)],
                                at now: Int64) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            try Self.requireUnclosed(sql, round, competition)
            guard let finalists = try sql.fetchOne("SELECT finalists FROM competitions WHERE round_id = ? AND competition = ?", round, competition)?
                .text("finalists") else {
                throw ServiceError.conflict("入围名单尚未确定，评委还不能评分")
            }
            guard Self.ids(finalists).contains(unit) else { throw ServiceError.notFound("「\(unit)」不是入围单位") }
            guard try sql.fetchOne("SELECT 1 AS found FROM jurors WHERE round_id = ? AND competition = ? AND juror = ?", round, competition, juror) != nil else {
                throw ServiceError.forbidden("您不是本比赛的评委")
            }
            try sql.execute("DELETE FROM jury_scores WHERE round_id = ? AND competition = ? AND juror = ? AND unit_id = ?", round, competition, juror, unit)
            for score in scores {
                try sql.execute("""
                    INSERT INTO jury_scores (round_id, competition, juror, unit_id, dimension, points, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, round, competition, juror, unit, score.dimension, score.points, now)
            }
            try Self.append(AuditEntry(at: now, actor: juror, action: "competition.score", target: "\(round)/\(competition)/\(unit)", outcome: .done), in: sql)
        }
    }

    /// Closes scoring once `check` accepts what this transaction sees; from then on nothing changes.
    package func closeCompetition(round: String, competition: String, by actor: String, at now: Int64,
                                  check: (CompetitionRecord) throws -> Void) throws(ServiceError) {
        try write { sql in
            try Self.requireOpen(sql, round)
            try Self.requireUnclosed(sql, round, competition)
            let record = try Self.competition(sql, round, competition)
            guard record.named != nil else { throw ServiceError.conflict("入围名单尚未确定") }
            try check(record)
            try sql.execute("UPDATE competitions SET closed_by = ?, closed_at = ? WHERE round_id = ? AND competition = ?", actor, now, round, competition)
            try Self.append(AuditEntry(at: now, actor: actor, action: "competition.close", target: "\(round)/\(competition)", outcome: .done), in: sql)
        }
    }

    static func requireUnnamed(_ sql: any SQLTransaction, _ round: String, _ competition: String) throws {
        if try sql.fetchOne("SELECT 1 AS found FROM competitions WHERE round_id = ? AND competition = ?", round, competition) != nil {
            throw ServiceError.conflict("入围名单已确定，参赛名单和日常得分不再改动")
        }
    }

    static func requireUnclosed(_ sql: any SQLTransaction, _ round: String, _ competition: String) throws {
        if try sql.fetchOne("SELECT closed_at FROM competitions WHERE round_id = ? AND competition = ?", round, competition)?.integer("closed_at") != nil {
            throw ServiceError.conflict("评分已结束，不再改动")
        }
    }

    /// Unit ids as stored: one per line (ids never hold a line break).
    static func text(_ ids: [String]) -> String { ids.joined(separator: "\n") }

    static func ids(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
}
