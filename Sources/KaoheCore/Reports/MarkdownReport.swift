import Foundation

/// A Markdown report: for sharing in documents and chat, one unit in full or a batch ranking.
public enum MarkdownReport {
    /// The batch as Markdown: ranking, then each unit's items and findings.
    public static func render(_ batch: Batch, plan: ChecklistPlan) -> String {
        var out = "# \(plan.checklist.title)\n\n"
        if batch.results.count > 1 {
            out += "## 排名\n\n" + table(["名次", "单位", "类别", "总分", "等次", "问题数"], batch.ranking.map { row in
                let r = row.result
                return [row.tied ? "\(row.rank)（并列）" : "\(row.rank)", ReportLabels.unitLine(r), ReportLabels.category(r.unit.category, in: plan),
                        ReportLabels.score(r.total), r.grade ?? "—", String(r.findings.filter { $0.severity != .notice }.count)]
            }) + "\n"
        }
        for r in batch.results { out += unit(r, plan: plan) }
        return out
    }

    static func unit(_ r: UnitResult, plan: ChecklistPlan) -> String {
        var out = "## \(ReportLabels.unitLine(r))\n\n"
        out += "- 类别：\(ReportLabels.category(r.unit.category, in: plan))\n- 考核日期：\(r.asOf)\n"
        out += "- 总分：**\(ReportLabels.score(r.total))**，等次：**\(r.grade ?? "—")**（加分 \(ReportLabels.score(r.bonus))，扣分 \(ReportLabels.score(r.penalty))）\n"
        if !r.vetoes.isEmpty { out += "- 一票否决：\(ReportLabels.vetoText(r))\n" }
        out += "\n### 板块得分\n\n" + table(["板块", "得分", "满分", "权重"], r.sections.map { s in
            ["\(s.id) \(s.title)", s.applies ? ReportLabels.score(s.score) : "不涉及", DecimalMath.format(s.points), s.weight.map(DecimalMath.format) ?? "—"]
        })
        out += "\n### 逐项得分\n\n" + table(["编号", "项目", "状态", "得分", "满分", "自评", "依据"], r.items.map { i in
            [i.id, i.title, i.status.label, i.status == .notApplicable ? "—" : ReportLabels.score(i.awarded), DecimalMath.format(i.points),
             i.selfScore.map { ReportLabels.score($0) } ?? "", ReportLabels.explanation(i.explain)]
        })
        if !r.findings.isEmpty {
            out += "\n### 问题清单\n\n" + table(["编号", "问题", "扣分", "类别", "整改措施", "期限", "责任人"], r.findings.map { f in
                [f.id, f.message, ReportLabels.score(f.deduction), ReportLabels.severity(f.severity), f.action ?? "", f.due?.description ?? "", f.owner ?? ""]
            })
        }
        if !r.projects.isEmpty {
            out += "\n### 品牌项目初审\n\n" + table(["项目", "名称", "结论", "未达标准及原因"], r.projects.map { p in
                [p.id, p.name ?? "", p.outcome, ReportLabels.unmetStandards(p)]
            })
        }
        return out + "\n"
    }

    package static func table(_ headers: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |\n"
        }
        return line(headers) + "|" + headers.map { _ in " --- |" }.joined() + "\n" + rows.map(line).joined()
    }
}
