import Foundation

/// The canonical text of a resolved checklist, for `kaohe show` and the fingerprint: facts, sections, items with their scoring,
/// penalties, bonuses and vetoes, each with the checklist and file it came from.
public enum ChecklistText {
    /// `origins: false` leaves out files and places: the form a fingerprint hashes.
    public static func render(_ c: Checklist, origins: Bool = true) -> String {
        func origin(_ o: Origin) -> String { origins ? Self.origin(o) : "" }
        func penaltyLine(_ p: Penalty) -> String { Self.describe(p, origins: origins) }
        var out = "\(c.title)\n"
        out += "id: \(c.id)" + (c.version.isEmpty ? "" : "  version: \(c.version)") + "\n"
        if c.lineage.count > 1, origins { out += "extends: " + c.lineage.dropFirst().joined(separator: " → ") + "\n" }
        if !c.packs.isEmpty { out += "packs: \(c.packs.joined(separator: ", "))\n" }
        if let period = c.period { out += "period: \(period.from) – \(period.to)\n" }
        out += "points: \(DecimalMath.format(c.points))\n"
        out += "grades: " + c.grades.map { "\($0.grade) ≥ \(DecimalMath.format($0.min))" }.joined(separator: "，") + "\n"
        if !c.facts.isEmpty {
            out += "\nfacts:\n"
            let width = c.facts.map { DisplayWidth.of($0.name) }.max() ?? 0
            for fact in c.facts {
                var type = fact.typeName
                if let min = fact.min { type += " ≥\(DecimalMath.format(min))" }
                if let max = fact.max { type += " ≤\(DecimalMath.format(max))" }
                if let oneOf = fact.oneOf { type += " ∈ {" + oneOf.map(\.display).joined(separator: ", ") + "}" }
                out += "  " + DisplayWidth.pad(fact.name, to: width) + "  " + type + (fact.title.map { "  \($0)" } ?? "") + "\n"
            }
        }
        if !c.categories.isEmpty {
            out += "\ncategories:\n"
            for category in c.categories {
                let row = c.weights(for: category.id.value).map { r in
                    "  weights " + r.weights.map { "\($0.section.value) \(DecimalMath.format($0.weight))" }.joined(separator: ", ")
                } ?? ""
                out += "  \(category.id.value) \(category.title)\(row)\n"
            }
        }
        for section in c.sections {
            out += "\n\(section.id.value) \(section.title)  \(DecimalMath.format(section.points)) 分  \(origin(section.origin))\n"
            for item in section.items {
                out += "  \(item.id.value) \(item.title)  \(DecimalMath.format(item.points)) 分  \(describe(item.score))\n"
                if let applies = item.appliesTo { out += "      applies_to: \(applies.map(\.value).joined(separator: ", "))\n" }
                if let when = item.when { out += "      when: \(when.text)\n" }
                if item.excludeWhenMissing { out += "      missing: exclude\n" }
                if let finding = item.finding { out += "      finding: \(finding)\n" }
                if let r = item.rectify {
                    let parts = [r.action, r.within.map { "within \($0)" }, r.severity?.rawValue, r.owner.map { "owner \($0)" }]
                    out += "      rectify: " + parts.compactMap { $0 }.joined(separator: ", ") + "\n"
                }
                out += "      \(origin(item.origin))\n"
            }
            for penalty in section.penalties { out += "  扣分 " + penaltyLine(penalty) + "\n" }
        }
        if !c.penalties.isEmpty {
            out += "\n扣分项:\n"
            for penalty in c.penalties { out += "  " + penaltyLine(penalty) + "\n" }
        }
        if !c.bonuses.isEmpty {
            out += "\n加分项" + (c.bonusCap.map { "（上限 \(DecimalMath.format($0)) 分）" } ?? "") + ":\n"
            for bonus in c.bonuses {
                out += "  \(bonus.id.value) \(bonus.title)  +\(DecimalMath.format(bonus.points))  when: \(bonus.when.text)  \(origin(bonus.origin))\n"
            }
        }
        if !c.vetoes.isEmpty {
            out += "\n一票否决:\n"
            for veto in c.vetoes {
                let effect = [veto.grade.map { "grade \($0.value)" }, veto.zeroScore ? "score 0" : nil].compactMap { $0 }.joined(separator: ", ")
                out += "  \(veto.id.value) \(veto.title)  when: \(veto.when.text)  → \(effect)  \(origin(veto.origin))\n"
            }
        }
        return out
    }

    static func origin(_ origin: Origin) -> String {
        var text = "from \(origin.checklist) (\(origin.location))"
        for modifier in origin.modifiedBy { text += ", modified by \(modifier.checklist) (\(modifier.location))" }
        return text
    }

    static func describe(_ penalty: Penalty, origins: Bool) -> String {
        var text = "\(penalty.id.value) \(penalty.title)  "
        switch penalty.amount {
        case .fixed(let points): text += "−\(DecimalMath.format(points))"
        case .perCount(let per, let count, let cap):
            text += "−\(DecimalMath.format(per)) × (\(count.text))" + (cap.map { " ≤ \(DecimalMath.format($0))" } ?? "")
        }
        if let when = penalty.when { text += "  when: \(when.text)" }
        if let severity = penalty.severity { text += "  severity: \(severity.rawValue)" }
        return text + (origins ? "  \(origin(penalty.origin))" : "")
    }

    /// A scoring method in one line: `threshold meetings ≥ 4 → 5`, `check common.dues`.
    public static func describe(_ score: ScoreMethod) -> String {
        switch score {
        case .binary(let e): return "binary: \(e.text)"
        case .expr(let e): return "expr: \(e.text)"
        case .thresholds(let value, let steps):
            return "thresholds: \(value.text) " + steps.map { "≥\(DecimalMath.format($0.min))→\(DecimalMath.format($0.points))" }.joined(separator: ", ")
        case .ratio(let of, let over, let fullAt, let full):
            return "ratio: \(of.text) / \(over.text), full at \(DecimalMath.format(fullAt)), when zero \(full ? "full" : "zero")"
        case .deduct(let per, let count, let cap):
            return "deduct: \(DecimalMath.format(per)) × (\(count.text))" + (cap.map { " ≤ \(DecimalMath.format($0))" } ?? "")
        case .check(let id, let with, _):
            let params = with.keys.sorted().map { "\($0): \(with[$0]?.scalar ?? "…")" }.joined(separator: ", ")
            return "check: \(id.value)" + (params.isEmpty ? "" : " {\(params)}")
        case .manual: return "manual（现场赋分）"
        }
    }
}
