import Foundation

/// Fixed Chinese labels and number formats shared by the human-readable reports.
enum ReportLabels {
    static func score(_ value: Rational) -> String { DecimalMath.format(value, decimals: 2) }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .veto: return "否决"
        case .major: return "重要"
        case .minor: return "一般"
        case .notice: return "提示"
        case .error: return "错误"
        }
    }

    static func category(_ id: String?, in plan: ChecklistPlan?) -> String {
        guard let id else { return "—" }
        return plan?.checklist.categories.first { $0.id.value == id }?.title ?? id
    }

    static func unitLine(_ r: UnitResult) -> String {
        r.unit.name == r.unit.id ? r.unit.id : "\(r.unit.name)（\(r.unit.id)）"
    }

    /// The standards a project failed, with their reasons: "S2 有深刻的理念内涵：…；S4 …".
    static func unmetStandards(_ project: ProjectResult) -> String {
        let failed = project.standards.filter { $0.status != .met }
        guard !failed.isEmpty else { return "—" }
        return failed.map { s in "\(s.id) \(s.title)：" + s.reasons.joined(separator: "；") }.joined(separator: "；")
    }

    /// An item's explanation on one line, for a table cell: steps joined with ；, a check's
    /// heading (ending in ：) run into its first line, the indentation of its lines dropped.
    static func explanation(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            let step = line.drop { $0 == " " }
            if !out.isEmpty, !out.hasSuffix("：") { out += "；" }
            out += step
        }
        return out
    }

    static func vetoText(_ r: UnitResult) -> String {
        r.vetoes.map { v in "\(v.id) \(v.title)" + (v.zeroScore ? "（总分计0）" : "") + (v.grade.map { "（等次不高于\($0)）" } ?? "") }
            .joined(separator: "；")
    }
}
