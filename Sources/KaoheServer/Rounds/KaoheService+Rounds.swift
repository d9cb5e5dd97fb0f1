import Foundation
import KaoheCore
import KaoheLedger

/// What saving a draft gave: its version, and the engine's diagnostics on it (saved all the same).
package struct DraftSaved: Sendable {
    package var version: Int
    package var diagnostics: [FieldDiagnostic]
}

/// What submitting gave: the §6 result, or the diagnostics that keep it a draft.
package enum Submitted: Sendable {
    case result(String)
    case diagnostics([FieldDiagnostic])
}

extension KaoheService {
    /// Opens a round (`kaohe rounds open`): the checklist must be in the rules.
    package func openRound(_ round: Round, units: [KaoheCore.Unit], by actor: String) throws(ServiceError) {
        guard Round.isValid(id: round.id) else {
            throw .invalid("a round's id is letters, digits, '-', '_' and '.' (it goes into addresses), for example 2026-annual; not '\(round.id)'")
        }
        guard rules.rules.plans[round.checklist] != nil else {
            throw .invalid("no checklist '\(round.checklist)' in the rules; checklists: \(rules.rules.plans.keys.sorted().joined(separator: ", "))")
        }
        try store.openRound(round, units: units)
        try record(actor, "rounds.open", round.id, .done, "\(round.checklist) \(round.asOf), \(units.count) units")
    }

    package func closeRound(_ id: String, by actor: String) throws(ServiceError) {
        try store.closeRound(id)
        try record(actor, "rounds.close", id, .done)
    }

    /// The rounds the actor takes part in: all for the committee and assessors, verifiers and
    /// jurors; a unit's rounds for its 填报员.
    package func rounds(for actor: Actor) throws(ServiceError) -> [Round] {
        let all = try store.rounds()
        guard !actor.user.has(.admin), actor.user.has(.unit), let unit = actor.user.unit else { return all }
        var mine: [Round] = []
        for round in all where try store.units(of: round.id).contains(where: { $0.unit.id == unit }) { mine.append(round) }
        return mine
    }

    func round(_ id: String, for actor: Actor) throws(ServiceError) -> Round {
        guard let round = try rounds(for: actor).first(where: { $0.id == id }) else {
            try deny(actor, "rounds.read", id, .notFound("没有这个考核轮次"))
        }
        return round
    }

    /// Every unit's row for the committee; only its own for a unit.
    package func units(of roundID: String, for actor: Actor) throws(ServiceError) -> [RoundUnit] {
        _ = try round(roundID, for: actor)
        let all = try store.units(of: roundID)
        if actor.user.has(.admin) { return all }
        if actor.user.has(.unit) { return all.filter { $0.unit.id == actor.user.unit } }
        try deny(actor, "units.read", roundID, .forbidden("只有机关工委和填报单位可以查看"))
    }

    /// The unit's row, if the actor may see it: the committee, or the unit itself. Another unit's
    /// draft is private: 404, as if there were none.
    func unitRow(_ roundID: String, _ unit: String, for actor: Actor, action: String) throws(ServiceError) -> (Round, RoundUnit) {
        let round = try round(roundID, for: actor)
        guard actor.user.has(.admin) || actor.fillsIn(unit), let row = try store.units(of: roundID).first(where: { $0.unit.id == unit }) else {
            try deny(actor, action, "\(roundID)/\(unit)", .notFound("没有这个单位的自评"))
        }
        return (round, row)
    }

    /// The latest draft (§5 JSON), for the committee or the unit.
    package func draft(_ roundID: String, _ unit: String, for actor: Actor) throws(ServiceError) -> DraftVersion? {
        _ = try unitRow(roundID, unit, for: actor, action: "draft.read")
        return try store.latestDraft(round: roundID, unit: unit)
    }

    /// 一表同享: the unit's last draft in an earlier round of the same checklist, to start this
    /// round's from (each value then confirmed or changed by the unit). Nil when there is none.
    package func previousDraft(_ roundID: String, _ unit: String, for actor: Actor) throws(ServiceError) -> (round: String, document: String)? {
        let (round, _) = try unitRow(roundID, unit, for: actor, action: "draft.read")
        let earlier = try store.rounds().filter { $0.id != roundID && $0.checklist == round.checklist && $0.asOf < round.asOf }
            .sorted { $0.asOf > $1.asOf }
        for previous in earlier {
            if let draft = try store.latestDraft(round: previous.id, unit: unit) { return (previous.id, draft.document) }
        }
        return nil
    }

    /// Saves a new version of the unit's draft, whatever its diagnostics (nothing typed is lost).
    package func saveDraft(_ roundID: String, _ unit: String, document: String, by actor: Actor) throws(ServiceError) -> DraftSaved {
        let (round, row) = try unitRow(roundID, unit, for: actor, action: "draft.save")
        guard actor.fillsIn(unit) else { try deny(actor, "draft.save", "\(roundID)/\(unit)", .forbidden("只有本单位填报员可以填写自评")) }
        let version = try store.saveDraft(round: roundID, unit: unit, document: document, by: actor.user.id, at: clock.now())
        let diagnostics: [FieldDiagnostic]
        switch evaluate(document, round: round, unit: row.unit) {
        case .success: diagnostics = []
        case .failure(let found): diagnostics = found.all
        }
        return DraftSaved(version: version, diagnostics: diagnostics)
    }

    /// Submits the latest draft: evaluated at once; with any error it stays a draft.
    package func submit(_ roundID: String, _ unit: String, by actor: Actor) throws(ServiceError) -> Submitted {
        let (round, row) = try unitRow(roundID, unit, for: actor, action: "submit")
        guard actor.fillsIn(unit) else { try deny(actor, "submit", "\(roundID)/\(unit)", .forbidden("只有本单位填报员可以提交自评")) }
        guard row.status == .draft, let draft = try store.latestDraft(round: roundID, unit: unit) else {
            throw .conflict(row.status == .none ? "还没有保存草稿" : "自评\(row.status.label)，不能再提交")
        }
        switch evaluate(draft.document, round: round, unit: row.unit) {
        case .failure(let found):
            try record(actor.user.id, "submit", "\(roundID)/\(unit)", .denied, "\(found.all.count) diagnostics")
            return .diagnostics(found.all)
        case .success:
            let stored = try store.submit(round: roundID, unit: unit, version: draft.version, by: actor.user.id, at: clock.now()) { onsite in
                try self.scored(draft.document, round: round, unit: row.unit, onsite: onsite)
            }
            return .result(stored.json)
        }
    }

    /// Returns a submission to the unit with a reason it sees.
    package func returnSubmission(_ roundID: String, _ unit: String, reason: String, by actor: Actor) throws(ServiceError) {
        guard actor.user.has(.admin) else { try deny(actor, "return", "\(roundID)/\(unit)", .forbidden("只有机关工委可以退回")) }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 2000 else { throw .invalid("退回须写明原因（2000字以内）") }
        try store.returnSubmission(round: roundID, unit: unit, reason: text, by: actor.user.id, at: clock.now())
        try record(actor.user.id, "return", "\(roundID)/\(unit)", .done, text)
    }

    /// Accepts a submission; its findings go into the ledger (回头看 matching as for imports).
    package func accept(_ roundID: String, _ unit: String, by actor: Actor) throws(ServiceError) -> ImportSummary {
        guard actor.user.has(.admin) else { try deny(actor, "accept", "\(roundID)/\(unit)", .forbidden("只有机关工委可以受理")) }
        let (round, row) = try unitRow(roundID, unit, for: actor, action: "accept")
        guard row.status == .submitted, let draft = try store.latestDraft(round: roundID, unit: unit) else {
            throw .conflict("只有已提交的自评可以受理；当前为\(row.status.label)")
        }
        let summary = try store.accept(round: roundID, unit: unit, by: actor.user.id, at: clock.now()) { onsite in
            if let (item, _) = onsite.disputed.min(by: { $0.key.item < $1.key.item }) {
                throw ServiceError.conflict("现场评分 \(item.item) 两位考核组成员评分不一致，请先裁定再受理")
            }
            guard case .success(let run) = self.evaluate(draft.document, round: round, unit: row.unit, onsite: onsite),
                  let result = run.batch.results.first else { throw ServiceError.conflict("这份自评已无法评分，请退回") }
            return ResultSummary(result)
        }
        try record(actor.user.id, "accept", "\(roundID)/\(unit)", .done, "\(summary.opened) opened, \(summary.rectified) rectified")
        return summary
    }

    /// One submitted or accepted unit's result as the engine gives it (its draft with the on-site
    /// scores that count), for the committee or the unit; nil before it is submitted.
    package func resultRun(_ roundID: String, _ unit: String, for actor: Actor) throws(ServiceError) -> EvaluationRun? {
        let (round, row) = try unitRow(roundID, unit, for: actor, action: "result.read")
        guard row.status.hasResult, let draft = try store.latestDraft(round: roundID, unit: unit) else { return nil }
        guard case .success(let run) = evaluate(draft.document, round: round, unit: row.unit, onsite: try store.onsite(round: roundID, unit: unit)) else {
            return nil
        }
        return run
    }

    /// Every submitted unit's result and the ranking, as `kaohe evaluate --format json` gives them.
    package func results(_ roundID: String, for actor: Actor) throws(ServiceError) -> String {
        guard let run = try resultsRun(roundID, for: actor) else { return "{\"kaohe\": 1, \"results\": [], \"ranking\": []}\n" }
        return ResultJSON.render(run.batch)
    }

    /// The submitted and accepted units scored together (for the ranking); nil before any is in.
    package func resultsRun(_ roundID: String, for actor: Actor) throws(ServiceError) -> EvaluationRun? {
        guard actor.user.has(.admin) else { try deny(actor, "results.read", roundID, .forbidden("只有机关工委可以查看全部结果")) }
        let round = try round(roundID, for: actor)
        // Each unit's draft was valid when submitted (only its first document counts, as at submission).
        var sources = rules.sources
        var ignored = Diagnostics()
        let reader = AssessmentReader()
        var documents: [AssessmentReader.Document] = []
        var scored: Set<String> = []
        for row in try store.units(of: roundID) where row.status.hasResult {
            guard let draft = try store.latestDraft(round: roundID, unit: row.unit.id),
                  let document = reader.documents([InlineDocument(path: "\(roundID)/\(row.unit.id).json", text: draft.document)],
                                                  sources: &sources, diagnostics: &ignored).first else { continue }
            documents.append(document)
            scored.insert(row.unit.id)
        }
        guard !documents.isEmpty else { return nil }
        let sheets = reader.documents(try store.onsite(round: roundID, unit: nil).only(units: scored).sheets(round: roundID),
                                      sources: &sources, diagnostics: &ignored)
        do throws(EngineFailure) {
            return try engine.evaluate(rules, documents: documents, sources: sources, checklist: round.checklist, asOf: round.asOf,
                                       scoresheets: sheets)
        } catch {
            throw .storage(error.rendered)
        }
    }

    /// The engine's answer on a self-assessment of `unit` in `round`, with the unit's on-site
    /// scores when given: it must name that unit.
    func evaluate(_ document: String, round: Round, unit: KaoheCore.Unit, onsite: OnsiteSnapshot? = nil) -> Result<EvaluationRun, FieldDiagnosticList> {
        let path = "\(round.id)/\(unit.id).json"
        do throws(EngineFailure) {
            let sheets = onsite?.only(units: [unit.id]).sheets(round: round.id) ?? []
            let run = try engine.evaluate(rules, text: document, path: path, checklist: round.checklist, asOf: round.asOf, scoresheets: sheets)
            if let result = run.batch.results.first, result.unit.id != unit.id {
                return .failure(FieldDiagnosticList([FieldDiagnostic(path: "unit.id", message: "unit.id must be '\(unit.id)', the unit this self-assessment is for",
                                                                     help: nil, line: 1, column: 1)]))
            }
            return .success(run)
        } catch {
            return .failure(FieldDiagnosticList(FieldDiagnostic.of(error, document: document, path: path)))
        }
    }
}

/// Diagnostics as an error, so an evaluation is a `Result`.
package struct FieldDiagnosticList: Error, Sendable {
    package var all: [FieldDiagnostic]

    init(_ all: [FieldDiagnostic]) {
        self.all = all
    }
}

extension KaoheService {
    /// The result stored for a submission: the draft scored with the on-site scores given.
    func scored(_ document: String, round: Round, unit: KaoheCore.Unit, onsite: OnsiteSnapshot) throws(ServiceError) -> StoredResult {
        switch evaluate(document, round: round, unit: unit, onsite: onsite) {
        case .failure(let found):
            throw .invalid(found.all.map(\.message).joined(separator: "; "))
        case .success(let run):
            guard let result = run.batch.results.first else { throw .invalid("the draft holds no self-assessment") }
            return StoredResult(json: ResultJSON.render(run.batch), total: DecimalMath.format(result.roundedTotal, decimals: 2), grade: result.grade ?? "")
        }
    }
}
