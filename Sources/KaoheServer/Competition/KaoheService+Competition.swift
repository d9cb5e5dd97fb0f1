import Foundation
import KaoheCore

/// Brand-project competitions (SPEC §9) on a round's data: the committee enters daily scores,
/// names the finalists from screening and the on-site ranking, assigns jurors and closes scoring;
/// jurors score the finalists per dimension and see no one else's points until then. Every figure
/// comes from the engine's competition run on §9 documents written from the tables, so
/// `kaohe competition` on the exported sheets gives the same.
extension KaoheService {
    /// The competitions whose on-site checklist is the round's: all of them for the committee,
    /// those a juror is assigned to for the juror.
    package func competitions(_ roundID: String, for actor: Actor) throws(ServiceError) -> [Competition] {
        let round = try round(roundID, for: actor)
        let all = rules.rules.competitions.values.filter { $0.onsite.value == round.checklist }.sorted { $0.id.value < $1.id.value }
        if actor.user.has(.admin) { return all }
        guard actor.user.has(.juror) else { try deny(actor, "competition.read", roundID, .forbidden("只有机关工委和评委可以查看比赛")) }
        var mine: [Competition] = []
        for competition in all where try store.competition(round: roundID, competition: competition.id.value).jurors.contains(where: { $0.id == actor.user.id }) {
            mine.append(competition)
        }
        return mine
    }

    /// The committee's view of a competition: stage, daily scores, jurors and the outcome so far.
    /// Before scoring closes it shows how many finalists each juror has scored, not the points;
    /// the competition's own jurors see it once scoring is closed.
    package func competitionBoard(_ roundID: String, _ id: String, for actor: Actor) throws(ServiceError) -> CompetitionBoard {
        let (round, definition) = try competitionScope(roundID, id, for: actor, action: "competition.read")
        let record = try store.competition(round: roundID, competition: id)
        if !actor.user.has(.admin) {
            guard actor.user.has(.juror), record.jurors.contains(where: { $0.id == actor.user.id }) else {
                try deny(actor, "competition.read", "\(roundID)/\(id)", .forbidden("您不是本比赛的评委"))
            }
            guard record.isClosed else { try deny(actor, "competition.read", "\(roundID)/\(id)", .forbidden("评分结束后才能查看比赛结果")) }
        }
        var board = CompetitionBoard(definition: definition, record: record, stage: record.isClosed ? .closed : record.named == nil ? .preview : .scoring,
                                     units: try store.units(of: roundID), outcome: nil, problem: nil)
        let field = record.named?.units ?? board.units.filter { $0.status.hasResult }.map(\.unit.id)
        guard !field.isEmpty else {
            board.problem = "还没有单位提交自评"
            return board
        }
        do throws(ServiceError) {
            board.outcome = try run(definition, inputs: try fieldInputs(round, field: field), record: record, withJury: record.isClosed)
        } catch {
            board.problem = error.message
        }
        return board
    }

    /// The daily score (日常掌握, 0–100, at most two decimals) of a unit; empty clears it.
    package func saveDaily(_ roundID: String, _ id: String, _ unit: String, points text: String, by actor: Actor) throws(ServiceError) {
        guard actor.user.has(.admin) else { try deny(actor, "competition.daily", "\(roundID)/\(id)/\(unit)", .forbidden("只有机关工委可以录入日常得分")) }
        _ = try competitionScope(roundID, id, for: actor, action: "competition.daily")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var points: String?
        if !trimmed.isEmpty {
            guard let value = DecimalMath.parse(trimmed), value >= 0, value <= 100, (value * Rational(100)).isWhole else {
                throw .invalid("日常得分须在 0 到 100 分之间，最多两位小数（现为「\(trimmed)」）")
            }
            points = DecimalMath.format(value)
        }
        try store.saveDaily(round: roundID, competition: id, unit: unit, points: points, by: actor.user.id, at: clock.now())
    }

    /// Names the finalists: the field (every accepted unit) is frozen, screening and the on-site
    /// ranking are run on it, and the top N (a tie at the cut-off goes through whole) go on.
    package func nameFinalists(_ roundID: String, _ id: String, by actor: Actor) throws(ServiceError) -> [String] {
        guard actor.user.has(.admin) else { try deny(actor, "competition.finalists", "\(roundID)/\(id)", .forbidden("只有机关工委可以确定入围名单")) }
        let (round, definition) = try competitionScope(roundID, id, for: actor, action: "competition.finalists")
        // Read before the write transaction (which must not read through the store again); an
        // accepted unit's draft and on-site scores no longer change, so they are what it sees.
        let accepted = try store.units(of: roundID).filter { $0.status == .accepted }.map(\.unit.id)
        let inputs = try fieldInputs(round, field: accepted)
        let named = try store.nameFinalists(round: roundID, competition: id, by: actor.user.id, at: clock.now()) { field, record in
            guard field == inputs.units else { throw ServiceError.conflict("刚有单位被受理，请刷新后重试") }
            let outcome = try self.run(definition, inputs: inputs, record: record, withJury: false)
            let finalists = outcome.finalists.map(\.entry.unit.id)
            guard !finalists.isEmpty else { throw ServiceError.conflict("没有符合入围条件的单位（初审结论须为\(definition.eligible.joined(separator: "或"))）") }
            if (definition.weights[.daily] ?? 0) > 0 {
                let missing = finalists.filter { record.daily[$0] == nil }
                if !missing.isEmpty { throw ServiceError.conflict("日常得分有权重，以下入围单位还没有日常得分：\(missing.joined(separator: "、"))") }
            }
            return finalists
        }
        return named.finalists
    }

    /// Accounts with the juror role, for the committee's assignment list.
    package func jurorAccounts(for actor: Actor) throws(ServiceError) -> [User] {
        guard actor.user.has(.admin) else { try deny(actor, "competition.jurors", "users", .forbidden("只有机关工委可以分配评委")) }
        return try store.users().filter { $0.has(.juror) && !$0.disabled }
    }

    package func assignJuror(_ roundID: String, _ id: String, juror: String, by actor: Actor) throws(ServiceError) {
        guard actor.user.has(.admin) else { try deny(actor, "competition.juror", "\(roundID)/\(id)", .forbidden("只有机关工委可以分配评委")) }
        _ = try competitionScope(roundID, id, for: actor, action: "competition.juror")
        try store.assignJuror(round: roundID, competition: id, juror: juror, by: actor.user.id, at: clock.now())
    }

    package func unassignJuror(_ roundID: String, _ id: String, juror: String, by actor: Actor) throws(ServiceError) {
        guard actor.user.has(.admin) else { try deny(actor, "competition.unjuror", "\(roundID)/\(id)", .forbidden("只有机关工委可以分配评委")) }
        _ = try competitionScope(roundID, id, for: actor, action: "competition.unjuror")
        try store.unassignJuror(round: roundID, competition: id, juror: juror, by: actor.user.id, at: clock.now())
    }

    /// What a juror scores: the finalists with their projects and the juror's own points.
    package func juryTasks(_ roundID: String, _ id: String, for actor: Actor) throws(ServiceError) -> (CompetitionBoard.Stage, [JuryTask]) {
        let (round, definition, record) = try jurorScope(roundID, id, for: actor, action: "competition.jury")
        guard let named = record.named else { return (.preview, []) }
        let outcome = try run(definition, inputs: try fieldInputs(round, field: named.units), record: record, withJury: false)
        let tasks = named.finalists.compactMap { unit -> JuryTask? in
            guard let entry = outcome.entries.first(where: { $0.unit.id == unit }) else { return nil }
            let mine = record.scores.filter { $0.juror == actor.user.id && $0.unit == unit }
            return JuryTask(unit: entry.unit, project: entry.project, mine: Dictionary(uniqueKeysWithValues: mine.map { ($0.dimension, $0.points) }))
        }
        return (record.isClosed ? .closed : .scoring, tasks)
    }

    /// A juror's points for every dimension of one finalist (each 0 to the dimension's points, at
    /// most two decimals), replacing what they gave it before.
    package func saveJury(_ roundID: String, _ id: String, _ unit: String, scores given: [String: String], by actor: Actor) throws(ServiceError) {
        let (_, definition, _) = try jurorScope(roundID, id, for: actor, action: "competition.score")
        var scores: [(dimension: String, points: String)] = []
        var problems: [String] = []
        for dimension in definition.dimensions {
            let text = (given[dimension.id] ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = DecimalMath.parse(text), value >= 0, value <= dimension.points, (value * Rational(100)).isWhole else {
                problems.append("\(dimension.title)须在 0 到 \(DecimalMath.format(dimension.points)) 分之间，最多两位小数（现为「\(text)」）")
                continue
            }
            scores.append((dimension.id, DecimalMath.format(value)))
        }
        guard problems.isEmpty else { throw .invalid(problems.joined(separator: "；")) }
        try store.saveJuryScores(round: roundID, competition: id, juror: actor.user.id, unit: unit, scores: scores, at: clock.now())
    }

    /// Closes scoring once every finalist has enough jurors' scores for the trimmed mean and the
    /// engine accepts the sheets; the final figures are shown from then on.
    package func closeCompetition(_ roundID: String, _ id: String, by actor: Actor) throws(ServiceError) {
        guard actor.user.has(.admin) else { try deny(actor, "competition.close", "\(roundID)/\(id)", .forbidden("只有机关工委可以结束评分")) }
        let (round, definition) = try competitionScope(roundID, id, for: actor, action: "competition.close")
        guard let field = try store.competition(round: roundID, competition: id).named?.units else { throw .conflict("入围名单尚未确定") }
        let inputs = try fieldInputs(round, field: field)
        try store.closeCompetition(round: roundID, competition: id, by: actor.user.id, at: clock.now()) { record in
            guard let named = record.named else { return }
            let short = named.finalists.filter { record.jurors(of: $0).count < definition.judgesNeeded }
            if !short.isEmpty {
                let counts = short.map { "\($0)（\(record.jurors(of: $0).count)位）" }.joined(separator: "、")
                throw ServiceError.conflict("去掉\(definition.trim)个最高分和\(definition.trim)个最低分，每个入围单位至少需要 \(definition.judgesNeeded) 位评委评分；还不够的：\(counts)")
            }
            _ = try self.run(definition, inputs: inputs, record: record, withJury: true)
        }
    }

    /// The §9 documents of the competition as the engine reads them: the field's drafts, their
    /// on-site sheets, the daily scores and (after scoring closes) every juror's sheet.
    package func competitionDocuments(_ roundID: String, _ id: String, for actor: Actor) throws(ServiceError) -> (field: [String], documents: Engine.CompetitionDocuments) {
        guard actor.user.has(.admin) else { try deny(actor, "competition.sheets", "\(roundID)/\(id)", .forbidden("只有机关工委可以导出比赛评分表")) }
        let (round, definition) = try competitionScope(roundID, id, for: actor, action: "competition.sheets")
        let record = try store.competition(round: roundID, competition: id)
        guard let named = record.named else { throw .conflict("入围名单尚未确定") }
        return (named.units, documents(definition, inputs: try fieldInputs(round, field: named.units), record: record, withJury: record.isClosed))
    }

    /// The engine's run of the competition on the field's inputs, the jury's sheets only when
    /// asked for. It reads nothing from the store, so it can run inside a write transaction.
    func run(_ definition: Competition, inputs: FieldInputs, record: CompetitionRecord, withJury: Bool) throws(ServiceError) -> CompetitionOutcome {
        do throws(EngineFailure) {
            return try engine.competition(rules, id: definition.id.value, documents: documents(definition, inputs: inputs, record: record, withJury: withJury))
        } catch {
            throw .invalid(error.rendered)
        }
    }

    /// The field's drafts and on-site sheets as the store holds them now.
    func fieldInputs(_ round: Round, field: [String]) throws(ServiceError) -> FieldInputs {
        var assessments: [InlineDocument] = []
        for unit in field {
            guard let draft = try store.latestDraft(round: round.id, unit: unit) else { continue }
            assessments.append(InlineDocument(path: "\(round.id)/\(unit).json", text: draft.document))
        }
        let sheets = try store.onsite(round: round.id, unit: nil).only(units: Set(field)).sheets(round: round.id)
        return FieldInputs(round: round.id, units: field, assessments: assessments, scoresheets: sheets)
    }

    func documents(_ definition: Competition, inputs: FieldInputs, record: CompetitionRecord, withJury: Bool) -> Engine.CompetitionDocuments {
        let scored = record.daily.filter { inputs.units.contains($0.key) }
        let daily = scored.isEmpty ? nil : InlineDocument(path: "\(inputs.round)/\(definition.id.value)/daily.json", text: Self.dailySheet(scored))
        let jury = withJury ? Self.jurySheets(record, definition: definition, round: inputs.round) : nil
        return Engine.CompetitionDocuments(assessments: inputs.assessments, scoresheets: inputs.scoresheets, jury: jury, daily: daily)
    }

    /// `kind: daily` as JSON, units in id order.
    static func dailySheet(_ scores: [String: String]) -> String {
        let lines = scores.keys.sorted().map { "    \(JSONText.quote($0)): \(scores[$0] ?? "0")" }
        return "{\"kaohe\": 1, \"kind\": \"daily\", \"scores\": {\n\(lines.joined(separator: ",\n"))\n  }}\n"
    }

    /// One `kind: jury` sheet per juror who scored, finalists and dimensions in order.
    static func jurySheets(_ record: CompetitionRecord, definition: Competition, round: String) -> [InlineDocument] {
        record.jurors.compactMap { juror in
            let mine = record.scores.filter { $0.juror == juror.id }
            let units = (record.named?.finalists ?? []).filter { unit in mine.contains { $0.unit == unit } }
            guard !units.isEmpty else { return nil }
            let rows = units.map { unit in
                let cells = definition.dimensions.compactMap { d in
                    mine.first { $0.unit == unit && $0.dimension == d.id }.map { "\(JSONText.quote(d.id)): \($0.points)" }
                }
                return "    \(JSONText.quote(unit)): {\(cells.joined(separator: ", "))}"
            }
            let text = """
                {"kaohe": 1, "kind": "jury", "competition": \(JSONText.quote(definition.id.value)),
                  "judge": {"id": \(JSONText.quote(juror.id)), "name": \(JSONText.quote(juror.name))},
                  "scores": {
                \(rows.joined(separator: ",\n"))
                  }}

                """
            return InlineDocument(path: "\(round)/\(definition.id.value)/jury-\(juror.id).json", text: text)
        }
    }

    /// The round and the competition, which must be one of the round's (404 otherwise).
    func competitionScope(_ roundID: String, _ id: String, for actor: Actor, action: String) throws(ServiceError) -> (Round, Competition) {
        let round = try round(roundID, for: actor)
        guard let definition = rules.rules.competitions[id], definition.onsite.value == round.checklist else {
            try deny(actor, action, "\(roundID)/\(id)", .notFound("本轮没有这个比赛"))
        }
        return (round, definition)
    }

    /// The competition for a juror assigned to it (anyone else: 403, recorded).
    func jurorScope(_ roundID: String, _ id: String, for actor: Actor, action: String) throws(ServiceError) -> (Round, Competition, CompetitionRecord) {
        let (round, definition) = try competitionScope(roundID, id, for: actor, action: action)
        let record = try store.competition(round: roundID, competition: id)
        guard actor.user.has(.juror), record.jurors.contains(where: { $0.id == actor.user.id }) else {
            try deny(actor, action, "\(roundID)/\(id)", .forbidden("您不是本比赛的评委"))
        }
        return (round, definition, record)
    }
}
