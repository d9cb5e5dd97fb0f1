import Foundation

/// CSV for Excel: a UTF-8 byte order mark (so Excel reads Chinese correctly), CRLF line ends,
/// one row per finding-bearing item per unit, plus each unit's total.
public enum CSVReport {
    /// The UTF-8 byte-order mark Excel needs to read the file as UTF-8.
    public static let bom = "\u{FEFF}"

    /// The ranking and every item's points as CSV for Excel: BOM, CRLF, formula-safe fields.
    public static func render(_ batch: Batch, plan: ChecklistPlan) -> String {
        var rows: [[String]] = [["名次", "单位编号", "单位名称", "类别", "总分", "等次", "编号", "项目", "状态", "得分", "满分", "自评分", "问题", "整改期限"]]
        for row in batch.ranking {
            let r = row.result
            let head = [String(row.rank), r.unit.id, r.unit.name, ReportLabels.category(r.unit.category, in: plan), ReportLabels.score(r.total), r.grade ?? ""]
            for item in r.items {
                let findings = r.findings.filter { $0.item == item.id && $0.severity != .notice }
                rows.append(head + [item.id, item.title, item.status.label, item.status == .notApplicable ? "" : ReportLabels.score(item.awarded),
                                    DecimalMath.format(item.points), item.selfScore.map { ReportLabels.score($0) } ?? "",
                                    findings.map(\.message).joined(separator: "；"), findings.compactMap { $0.due?.description }.first ?? ""])
            }
        }
        return bom + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when it holds a comma, quote or line break; a leading = + - @ is
    /// prefixed with an apostrophe so Excel does not run it as a formula.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Rational(parsing: value) == nil { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
