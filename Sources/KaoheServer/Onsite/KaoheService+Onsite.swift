import Foundation
import KaoheCore

/// A `manual` item as an assessor scores it: its standard points, the unit's self score, and the
/// scores the reader may see (an assessor their own; the committee every assessor's).
package struct OnsiteItem: Sendable {
    package var id: String
    package var title: String
    package var points: Rational
    package var selfScore: Rational?
    package var scores: [OnsiteEntry]
}

/// On-site scoring (现场量化赋分, SPEC §9, §12): the committee assigns assessors to units; an
/// assessor scores the `manual` items of those units one at a time (points, method, note); the
/// unit's result then uses the score instead of its self score. Where two assessors differ, both
/// are kept and the committee decides which counts.
extension KaoheService {
    /// The on-site methods a score may name.
    package static var onsiteMethods: [String] { ScoresheetReader.methods }

    /// Every account that may be assigned (the assessor role), for the committee's page.
    package func assessors(for actor: Actor) throws(ServiceError) -> [User] {
        guard actor.user.has(.admin) else { try deny(actor, "onsite.assessors", "users", .forbidden("只有机关工委可以分配考核组")) }
        return try store.users().filter { $0.has(.assessor) && !$0.disabled }
    }

    package func assign(_ roundID: String, _ unit: String, assessor: String, by actor: Actor) throws(ServiceError) {
        guard actor.user.has(.admin) else { try deny(actor, "onsite.assign", "\(roundID)/\(unit)", .forbidden("只有机关工委可以分配考核组")) }
        try store.assign(round: roundID, unit: unit, assessor: assessor, by: actor.user.id, at: clock.now())
    }

    package func unassign(_ roundID: String, _ unit: String, assessor: String, by actor: Actor) throws(ServiceError) {
        guard actor.user.has(.admin) else { try deny(actor, "onsite.unassign", "\(roundID)/\(unit)", .forbidden("只有机关工委可以分配考核组")) }
        try store.unassign(round: roundID, unit: unit, assessor: assessor, by: actor.user.id, at: clock.now())
    }

    /// Who scores which unit: every assignment for the committee, an assessor's own for them.
    package func assignments(_ roundID: String, for actor: Actor) throws(ServiceError) -> [Assignment] {
        _ = try round(roundID, for: actor)
        let all = try store.assignments(round: roundID)
        if actor.user.has(.admin) { return all }
        if actor.user.has(.assessor) { return all.filter { $0.assessor == actor.user.id } }
        try deny(actor, "onsite.read", roundID, .forbidden("只有机关工委和考核组可以查看现场考核"))
    }

    /// The unit's manual items with the scores the actor may see: the committee, or an assessor
    /// assigned to the unit (anyone else: 403, recorded).
    package func onsiteItems(_ roundID: String, _ unit: String, for actor: Actor) throws(ServiceError) -> (RoundUnit, [OnsiteItem]) {
        let (round, row) = try onsiteScope(roundID, unit, for: actor, action: "onsite.read")
        let snapshot = try store.onsite(round: roundID, unit: unit)
        var selfScores: [String: Rational] = [:]
        if let draft = try store.latestDraft(round: roundID, unit: unit), case .success(let run) = evaluate(draft.document, round: round, unit: row.unit),
           let result = run.batch.results.first {
            for item in result.items { selfScores[item.id] = item.selfScore }
        }
        let items = manualItems(round, category: row.unit.category).map { item in
            OnsiteItem(id: item.id.value, title: item.title, points: item.points, selfScore: selfScores[item.id.value],
                       scores: snapshot.scores.filter { $0.item == item.id.value && (actor.user.has(.admin) || $0.assessor == actor.user.id) })
        }
        return (row, items)
    }

    /// Keeps the assessor's score of one manual item: points within the item's (at most two
    /// decimals), one of the on-site methods, a note of at most 500 characters.
    package func saveOnsite(_ roundID: String, _ unit: String, item itemID: String, points text: String, method: String, note: String?,
                            by actor: Actor) throws(ServiceError) {
        let target = "\(roundID)/\(unit)/\(itemID)"
        guard actor.user.has(.assessor) else { try deny(actor, "onsite.score", target, .forbidden("只有考核组成员可以现场评分")) }
        let (round, row) = try onsiteScope(roundID, unit, for: actor, action: "onsite.score")
        guard let item = manualItems(round, category: row.unit.category).first(where: { $0.id.value == itemID }) else {
            throw .notFound("\(itemID) 不是本单位的现场赋分项")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let points = DecimalMath.parse(trimmed), points >= 0, points <= item.points, (points * Rational(100)).isWhole else {
            throw .invalid("得分须在 0 到 \(DecimalMath.format(item.points)) 分之间，最多两位小数（现为「\(trimmed)」）")
        }
        guard Self.onsiteMethods.contains(method) else { throw .invalid("请选择评分方式：\(Self.onsiteMethods.joined(separator: "、"))") }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (note?.count ?? 0) <= 500 else { throw .invalid("说明请在 500 字以内") }
        let entry = OnsiteEntry(round: roundID, unit: unit, item: itemID, assessor: actor.user.id, assessorName: actor.user.name,
                                points: DecimalMath.format(points), method: method, note: note.flatMap { $0.isEmpty ? nil : $0 })
        try store.saveOnsiteScore(entry, by: actor.user.id, at: clock.now()) { onsite, draft in
            try self.scored(draft, round: round, unit: row.unit, onsite: onsite)
        }
    }

    /// The committee's choice of which assessor's score of a disputed item counts.
    package func decideOnsite(_ roundID: String, _ unit: String, item: String, assessor: String, by actor: Actor) throws(ServiceError) {
        guard actor.user.has(.admin) else { try deny(actor, "onsite.decide", "\(roundID)/\(unit)/\(item)", .forbidden("只有机关工委可以裁定现场评分")) }
        let (round, row) = try unitRow(roundID, unit, for: actor, action: "onsite.decide")
        try store.decideOnsite(round: roundID, unit: unit, item: item, assessor: assessor, by: actor.user.id, at: clock.now()) { onsite, draft in
            try self.scored(draft, round: round, unit: row.unit, onsite: onsite)
        }
    }

    /// Every item two assessors scored differently that the committee has not decided yet.
    package func onsiteDisputes(_ roundID: String, for actor: Actor) throws(ServiceError) -> [(unit: String, item: String, scores: [OnsiteEntry])] {
        guard actor.user.has(.admin) else { try deny(actor, "onsite.read", roundID, .forbidden("只有机关工委可以查看评分分歧")) }
        _ = try round(roundID, for: actor)
        return try store.onsite(round: roundID, unit: nil).disputed.map { ($0.key.unit, $0.key.item, $0.value) }
            .sorted { ($0.unit, $0.item) < ($1.unit, $1.item) }
    }

    /// The on-site scores that count, as §9 score sheets, for the units with a result: with their
    /// drafts, `kaohe evaluate --scoresheets` gives what the results page shows.
    package func scoresheets(_ roundID: String, for actor: Actor) throws(ServiceError) -> [InlineDocument] {
        guard actor.user.has(.admin) else { try deny(actor, "onsite.sheets", roundID, .forbidden("只有机关工委可以导出评分表")) }
        _ = try round(roundID, for: actor)
        let scored = Set(try store.units(of: roundID).filter { $0.status.hasResult }.map(\.unit.id))
        return try store.onsite(round: roundID, unit: nil).only(units: scored).sheets(round: roundID)
    }

    /// The round and the unit, for the committee or an assessor assigned to the unit.
    func onsiteScope(_ roundID: String, _ unit: String, for actor: Actor, action: String) throws(ServiceError) -> (Round, RoundUnit) {
        let round = try round(roundID, for: actor)
        guard let row = try store.units(of: roundID).first(where: { $0.unit.id == unit }) else {
            try deny(actor, action, "\(roundID)/\(unit)", .notFound("本轮没有这个单位"))
        }
        if actor.user.has(.admin) { return (round, row) }
        guard actor.user.has(.assessor), try store.assignments(round: roundID).contains(where: { $0.unit == unit && $0.assessor == actor.user.id }) else {
            try deny(actor, action, "\(roundID)/\(unit)", .forbidden("没有分配您对这个单位现场评分"))
        }
        return (round, row)
    }

    /// The checklist's manual items that apply to a unit of `category`.
    func manualItems(_ round: Round, category: String?) -> [Item] {
        guard let plan = rules.rules.plans[round.checklist] else { return [] }
        return plan.sections.flatMap(\.items).map(\.item).filter { item in
            guard case .manual = item.score else { return false }
            guard let categories = item.appliesTo else { return true }
            return categories.contains { $0.value == category }
        }
    }
}
