import Foundation

/// The terminal report: one unit in full, or a batch as a ranking followed by each unit's problems.
public enum TableReport {
    /// One unit in full, or a batch as its ranking, as terminal tables aligned by display width.
    public static func render(_ batch: Batch, plan: ChecklistPlan) -> String {
        if batch.results.count == 1, let only = batch.results.first { return unit(only, plan: plan) }
        var out = "\(plan.checklist.title)  排名（\(batch.results.count) 个单位）\n\n"
        var table = TextTable(headers: ["名次", "单位", "类别", "总分", "等次", "问题"], rightAligned: [0, 3, 5])
        for row in batch.ranking {
            let r = row.result
            table.add([row.tied ? "\(row.rank)=" : "\(row.rank)", ReportLabels.unitLine(r), ReportLabels.category(r.unit.category, in: plan),
                       ReportLabels.score(r.total), r.grade ?? "—", String(r.findings.filter { $0.severity != .notice }.count)])
        }
        out += table.render()
        if batch.ranking.contains(where: \.tied) { out += "（“=” 表示并列）\n" }
        return out
    }

    /// One unit's result in full: each item with its points and explanation, then findings.
    public static func unit(_ r: UnitResult, plan: ChecklistPlan) -> String {
        var out = "\(ReportLabels.unitLine(r))  \(ReportLabels.category(r.unit.category, in: plan))  考核日期 \(r.asOf)\n"
        out += "\(plan.checklist.title)" + (r.checklistVersion.isEmpty ? "" : "（\(r.checklistVersion)）") + "\n\n"
        out += "总分 \(ReportLabels.score(r.total))  等次 \(r.grade ?? "—")  加分 \(ReportLabels.score(r.bonus))  扣分 \(ReportLabels.score(r.penalty))\n"
        if !r.vetoes.isEmpty { out += "一票否决：\(ReportLabels.vetoText(r))\n" }
        out += "\n"
        var sections = TextTable(headers: ["板块", "得分", "满分", "权重"], rightAligned: [1, 2, 3])
        for s in r.sections {
            sections.add(["\(s.id) \(s.title)", s.applies ? ReportLabels.score(s.score) : "不涉及", DecimalMath.format(s.points),
                          s.weight.map(DecimalMath.format) ?? "—"])
        }
        out += sections.render() + "\n"
        var items = TextTable(headers: ["编号", "项目", "状态", "得分", "满分", "自评"], rightAligned: [3, 4, 5])
        for i in r.items {
            items.add([i.id, i.title, i.status.label, i.status == .notApplicable ? "—" : ReportLabels.score(i.awarded),
                       DecimalMath.format(i.points), i.selfScore.map { ReportLabels.score($0) } ?? ""])
        }
        out += items.render()
        if !r.findings.isEmpty {
            out += "\n问题清单\n"
            var findings = TextTable(headers: ["编号", "问题", "扣分", "类别", "整改措施", "期限", "责任人"], rightAligned: [2])
            for f in r.findings {
                findings.add([f.id, f.message, ReportLabels.score(f.deduction), ReportLabels.severity(f.severity), f.action ?? "",
                              f.due?.description ?? "", f.owner ?? ""])
            }
            out += findings.render()
        }
        if !r.projects.isEmpty {
            out += "\n品牌项目初审\n"
            var projects = TextTable(headers: ["项目", "名称", "结论", "未达标准及原因"])
            for p in r.projects {
                projects.add([p.id, p.name ?? "", p.outcome, ReportLabels.unmetStandards(p)])
            }
            out += projects.render()
        }
        if !r.errors.isEmpty {
            out += "\n规则错误（此结果不可信）\n"
            for e in r.errors { out += "  \(e.location?.description ?? e.item): \(e.item): \(e.message)\n" }
        }
        return out
    }
}
