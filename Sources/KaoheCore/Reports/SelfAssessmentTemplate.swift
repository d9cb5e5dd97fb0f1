import Foundation

/// A blank self-assessment for a checklist: every fact with its title and type as a comment,
/// ready for a unit to fill in. It loads as it is (blank facts count as not given).
public enum SelfAssessmentTemplate {
    /// A blank self-assessment for `plan`, each fact with its title and type as a comment.
    public static func render(_ plan: ChecklistPlan) -> String {
        let c = plan.checklist
        var out = "# \(c.title)" + (c.version.isEmpty ? "" : "（\(c.version)）") + " 自评表\n"
        out += "# 填写说明：在冒号后填写数值；日期写作 YYYY-MM-DD；不填的项目视为未提供（证据不足）。\n"
        out += "kaohe: 1\nkind: self-assessment\nchecklist: \(c.id)\n"
        out += "unit:\n  id: unit-id        # 单位编号（字母、数字、-）\n  name: 单位名称\n"
        if !c.categories.isEmpty {
            out += "  category: \(c.categories[0].id.value)   # 类别：" + c.categories.map { "\($0.id.value)（\($0.title)）" }.joined(separator: " | ") + "\n"
        }
        out += "as_of: \(c.period?.to.description ?? "2026-12-31")   # 考核日期\n"
        out += "facts:\n"
        let width = plan.facts.map { DisplayWidth.of($0.name) }.max() ?? 0
        for fact in plan.facts {
            var comment = fact.title ?? fact.name
            comment += " — " + describe(fact)
            if case .records(let fields) = fact.kind {
                out += "  \(fact.name):\(String(repeating: " ", count: width - DisplayWidth.of(fact.name) + 1)) # \(comment)\n"
                let example = fields.map { "\($0.name): \(sample($0, plan: plan))" }.joined(separator: ", ")
                out += "    # - {\(example)}\n"
            } else {
                out += "  \(fact.name):\(String(repeating: " ", count: width - DisplayWidth.of(fact.name) + 1)) # \(comment)\n"
            }
        }
        out += "responses:            # 自评分（可选）：每项 {self_score: 分数}\n"
        for section in plan.sections {
            for item in section.items {
                out += "  # \(item.item.id.value): {self_score: }   # \(item.item.title)（\(DecimalMath.format(item.item.points)) 分）\n"
            }
        }
        return out
    }

    static func describe(_ fact: FactSpec) -> String {
        var text: String
        switch fact.kind {
        case .int: text = "整数"
        case .decimal: text = "数值"
        case .bool: text = "true 或 false"
        case .string: text = "文字"
        case .date: text = "日期 YYYY-MM-DD"
        case .duration: text = "期限，如 30d、6mo、1y"
        case .enumeration(let values): text = "以下之一：" + values.joined(separator: "、")
        case .records(let fields): text = "记录列表，每条含 " + fields.map { "\($0.name)（\(describe($0))）" }.joined(separator: "、")
        case .list: text = "列表"
        }
        if let min = fact.min { text += "，≥ \(DecimalMath.format(min))" }
        if let max = fact.max { text += "，≤ \(DecimalMath.format(max))" }
        if let oneOf = fact.oneOf { text += "，可选 " + oneOf.map(\.display).joined(separator: "、") }
        return text
    }

    static func sample(_ field: FactSpec, plan: ChecklistPlan) -> String {
        switch field.kind {
        case .enumeration(let values): return values.first ?? ""
        case .date: return plan.checklist.period?.from.description ?? "2026-01-01"
        case .int, .decimal: return "0"
        case .bool: return "true"
        default: return "…"
        }
    }
}
