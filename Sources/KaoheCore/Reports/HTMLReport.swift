import Foundation

/// A self-contained HTML report: inline CSS and SVG charts, no scripts, no network; prints on A4.
public enum HTMLReport {
    /// The batch as one self-contained HTML page: ranking, charts, each unit's items and findings.
    public static func render(_ batch: Batch, plan: ChecklistPlan) -> String {
        HTMLPage.render(title: plan.checklist.title, body: body(batch, plan: plan))
    }

    /// The page's content without its shell, for pages that bring their own.
    package static func body(_ batch: Batch, plan: ChecklistPlan) -> String {
        var body = "<h1>\(escape(plan.checklist.title))</h1>\n"
        if batch.results.count > 1 {
            body += "<section><h2>排名</h2>\n" + rankingChart(batch) + table(["名次", "单位", "类别", "总分", "等次", "问题数"], batch.ranking.map { row in
                let r = row.result
                return [row.tied ? "\(row.rank)（并列）" : "\(row.rank)", ReportLabels.unitLine(r), ReportLabels.category(r.unit.category, in: plan),
                        ReportLabels.score(r.total), r.grade ?? "—", String(r.findings.filter { $0.severity != .notice }.count)]
            }) + "</section>\n"
        }
        for r in batch.results { body += unit(r, plan: plan) }
        return body
    }

    /// One unit's result: summary, section chart, items with their explanations, findings.
    package static func unit(_ r: UnitResult, plan: ChecklistPlan) -> String {
        var out = "<section class=\"unit\"><h2>\(escape(ReportLabels.unitLine(r)))</h2>\n"
        out += "<p class=\"summary\">类别：\(escape(ReportLabels.category(r.unit.category, in: plan)))　考核日期：\(r.asOf)　"
        out += "总分：<strong>\(ReportLabels.score(r.total))</strong>　等次：<strong>\(escape(r.grade ?? "—"))</strong>　"
        out += "加分 \(ReportLabels.score(r.bonus))　扣分 \(ReportLabels.score(r.penalty))</p>\n"
        if !r.vetoes.isEmpty { out += "<p class=\"veto\">一票否决：\(escape(ReportLabels.vetoText(r)))</p>\n" }
        out += sectionChart(r)
        out += table(["编号", "项目", "状态", "得分", "满分", "自评", "依据"], r.items.map { i in
            [i.id, i.title, i.status.label, i.status == .notApplicable ? "—" : ReportLabels.score(i.awarded), DecimalMath.format(i.points),
             i.selfScore.map { ReportLabels.score($0) } ?? "", ReportLabels.explanation(i.explain)]
        }, numeric: [3, 4, 5], tags: [0, 2])
        if !r.findings.isEmpty {
            out += "<h3>问题清单</h3>\n" + table(["编号", "问题", "扣分", "类别", "整改措施", "期限", "责任人"], r.findings.map { f in
                [f.id, f.message, ReportLabels.score(f.deduction), ReportLabels.severity(f.severity), f.action ?? "", f.due?.description ?? "", f.owner ?? ""]
            }, numeric: [2], tags: [3, 5])
        }
        if !r.projects.isEmpty {
            out += "<h3>品牌项目初审</h3>\n" + table(["项目", "名称", "结论", "未达标准及原因"], r.projects.map { p in
                [p.id, p.name ?? "", p.outcome, ReportLabels.unmetStandards(p)]
            })
        }
        return out + "</section>\n"
    }

    /// Horizontal bars: each section's score as a share of its points.
    static func sectionChart(_ r: UnitResult) -> String {
        let rows = r.sections.map { s in
            (label: "\(s.id) \(s.title)", share: s.applies && s.points > 0 ? s.score / s.points : 0, text: s.applies ? ReportLabels.score(s.score) + " / " + DecimalMath.format(s.points) : "不涉及")
        }
        return bars(rows, title: "板块得分率")
    }

    static func rankingChart(_ batch: Batch) -> String {
        let top = batch.ranking.map(\.result.total).max() ?? 1
        let rows = batch.ranking.map { row in
            (label: "\(row.rank). \(row.result.unit.name)", share: top > 0 ? row.result.total / top : 0, text: ReportLabels.score(row.result.total))
        }
        return bars(rows, title: "总分排名")
    }

    package static func bars(_ rows: [(label: String, share: Rational, text: String)], title: String) -> String {
        let rowHeight = 26, labelWidth = 220, barWidth = 360
        let height = rows.count * rowHeight + 30
        let width = labelWidth + barWidth + 120
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\(quote(width)) height=\(quote(height)) viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        svg += "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">\(escape(title))</text>\n"
        for (index, row) in rows.enumerated() {
            let y = 26 + index * rowHeight
            let share = DecimalMath.max(0, DecimalMath.min(1, row.share))
            let width = (share * Rational(barWidth)).rounded(scale: 0).int ?? 0
            svg += "<text x=\"0\" y=\(quote(y + 16)) font-size=\"13\">\(escape(row.label))</text>"
            svg += "<rect x=\(quote(labelWidth)) y=\(quote(y + 3)) width=\(quote(barWidth)) height=\"18\" fill=\"#eee\"/>"
            svg += "<rect x=\(quote(labelWidth)) y=\(quote(y + 3)) width=\(quote(width)) height=\"18\" fill=\"#b22222\"/>"
            svg += "<text x=\(quote(labelWidth + barWidth + 8)) y=\(quote(y + 16)) font-size=\"13\">\(escape(row.text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// `numeric` columns align right; `tags` (ids, statuses, dates) never wrap.
    public static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], tags: Set<Int> = []) -> String {
        var out = "<table>\n<thead><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { index, cell in
                numeric.contains(index) ? "<td class=\"num\">\(escape(cell))</td>"
                    : tags.contains(index) ? "<td class=\"tag\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func quote(_ n: Int) -> String { "\"\(n)\"" }

    package static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
