import Foundation

/// The competition's report, stage by stage: screening, on-site ranking, finalists, jury,
/// final ranking, winners — as a terminal table, Markdown, JSON or a printable HTML page.
public enum CompetitionReport {
    static func score(_ value: Rational?) -> String { value.map { DecimalMath.format($0, decimals: 2) } ?? "—" }

    static func unit(_ e: CompetitionEntry) -> String { "\(e.unit.name)（\(e.unit.id)）" }

    static func rank(_ r: Ranked) -> String { r.tied ? "\(r.rank)=" : "\(r.rank)" }

    static func projectName(_ e: CompetitionEntry) -> String { e.project?.name ?? "—" }

    struct Section {
        var title: String
        var headers: [String]
        var rows: [[String]]
        var numeric: Set<Int>
        var note: String?
    }

    static func sections(_ o: CompetitionOutcome) -> [Section] {
        let c = o.competition
        var sections: [Section] = []
        let screened = o.entries.sorted { $0.unit.id < $1.unit.id }
        sections.append(Section(title: "一、品牌项目初审（\(screened.count) 个单位）", headers: ["单位", "项目", "结论", "未达标准及原因"],
                                rows: screened.map { e in
                                    [unit(e), projectName(e), e.project?.outcome ?? "未申报", e.project.map(ReportLabels.unmetStandards) ?? "—"]
                                }, numeric: [], note: nil))
        sections.append(Section(title: "二、现场考核排名", headers: ["名次", "单位", "现场得分", "日常得分", "入围资格"],
                                rows: o.onsiteRanking.map { r in
                                    [rank(r), unit(r.entry), score(r.entry.onsite), score(r.entry.daily), r.entry.ineligible.map { "不具备（\($0)）" } ?? "具备"]
                                }, numeric: [0, 2, 3], note: nil))
        sections.append(Section(title: "三、入围决赛（前 \(c.finalists) 名，实际 \(o.finalists.count) 个）", headers: ["名次", "单位", "项目", "现场得分"],
                                rows: o.finalists.map { r in [rank(r), unit(r.entry), projectName(r.entry), score(r.entry.onsite)] },
                                numeric: [0, 3], note: o.finalistTie?.resolution))
        guard o.juryStage else {
            sections.append(Section(title: "未提供评委评分（--jury）：比赛止于确定入围名单。", headers: [], rows: [], numeric: [], note: nil))
            return sections
        }
        let dims = c.dimensions
        sections.append(Section(title: "四、评委评分（去掉 \(c.trim) 个最高分和 \(c.trim) 个最低分后取平均，折合百分制）",
                                headers: ["单位"] + dims.map { "\($0.title)（\(DecimalMath.format($0.points))）" } + ["平均总分", "评委得分", "去掉的评委分"],
                                rows: o.finalRanking.map { r in
                                    let jury = r.entry.jury
                                    let dropped = jury?.judges.filter { !$0.kept }.map { "\($0.id) \(DecimalMath.format($0.total))" }.joined(separator: "、") ?? ""
                                    return [unit(r.entry)] + dims.map { score(jury?.dimensions[$0.id]) } + [score(jury?.mean), score(jury?.score), dropped]
                                }, numeric: Set(1...(dims.count + 2)), note: nil))
        let w = c.weights
        sections.append(Section(title: "五、最终排名（现场 \(DecimalMath.format(w[.onsite] ?? 0))% ＋ 评委 \(DecimalMath.format(w[.jury] ?? 0))% ＋ 日常 \(DecimalMath.format(w[.daily] ?? 0))%）",
                                headers: ["名次", "单位", "项目", "现场", "评委", "日常", "最终得分"],
                                rows: o.finalRanking.map { r in
                                    [rank(r), unit(r.entry), projectName(r.entry), score(r.entry.onsite), score(r.entry.jury?.score), score(r.entry.daily), score(r.entry.final)]
                                }, numeric: [0, 3, 4, 5, 6], note: nil))
        sections.append(Section(title: "六、优秀项目（\(c.winners) 个）", headers: ["名次", "单位", "项目", "最终得分"],
                                rows: o.winners.map { r in [rank(r), unit(r.entry), projectName(r.entry), score(r.entry.final)] },
                                numeric: [0, 3], note: o.winnerTie?.resolution))
        return sections
    }

    /// Every stage as terminal tables aligned by display width.
    public static func table(_ o: CompetitionOutcome) -> String {
        var out = "\(o.competition.title)\n"
        for section in sections(o) {
            out += "\n\(section.title)\n"
            if !section.headers.isEmpty {
                var table = TextTable(headers: section.headers, rightAligned: section.numeric)
                section.rows.forEach { table.add($0) }
                out += table.render()
            }
            if let note = section.note { out += "注：\(note)\n" }
        }
        return out
    }

    /// Every stage as Markdown tables.
    public static func markdown(_ o: CompetitionOutcome) -> String {
        var out = "# \(o.competition.title)\n\n"
        out += "申报 \(o.entries.count) 个 → 入围 \(o.finalists.count) 个" + (o.juryStage ? " → 优秀 \(o.winners.count) 个" : "") + "\n"
        for section in sections(o) {
            out += "\n## \(section.title)\n\n"
            if !section.headers.isEmpty { out += MarkdownReport.table(section.headers, section.rows) }
            if let note = section.note { out += "\n> 注：\(note)\n" }
        }
        return out
    }

    /// Every stage as JSON, with exact figures.
    public static func json(_ o: CompetitionOutcome) -> String {
        var root = JSONObject()
        root.add("kaohe", raw: "1")
        root.add("competition", o.competition.id.value)
        root.add("screening", array: o.entries.sorted { $0.unit.id < $1.unit.id }.map { e in
            var x = JSONObject()
            x.add("unit", e.unit.id)
            x.add("project", e.project?.id)
            x.add("outcome", e.project?.outcome)
            x.add("eligible", e.ineligible == nil)
            x.add("reason", e.ineligible)
            return x.text
        })
        func rows(_ ranking: [Ranked]) -> [String] {
            ranking.map { r in
                var x = JSONObject()
                x.add("rank", raw: String(r.rank))
                x.add("tied", r.tied)
                x.add("unit", r.entry.unit.id)
                x.add("onsite", score: r.entry.onsite)
                x.add("jury", score: r.entry.jury?.score)
                x.add("daily", score: r.entry.daily)
                x.add("final", score: r.entry.final)
                return x.text
            }
        }
        root.add("onsite_ranking", array: rows(o.onsiteRanking))
        root.add("finalists", array: rows(o.finalists))
        root.add("finalist_tie", o.finalistTie?.resolution)
        root.add("jury_stage", o.juryStage)
        root.add("final_ranking", array: rows(o.finalRanking))
        root.add("winners", array: rows(o.winners))
        root.add("winner_tie", o.winnerTie?.resolution)
        return root.text + "\n"
    }

    /// Every stage as one self-contained, printable HTML page.
    public static func html(_ o: CompetitionOutcome) -> String {
        var body = "<h1>\(HTMLReport.escape(o.competition.title))</h1>\n" + funnel(o)
        if o.juryStage {
            body += HTMLReport.bars(o.finalRanking.map { r in
                (label: "\(rank(r)). \(r.entry.unit.name)", share: (r.entry.final ?? 0) / 100, text: score(r.entry.final))
            }, title: "最终排名")
        }
        body += htmlSections(o, stagesOnly: false)
        if o.juryStage {
            body += "<h2>入围项目各维度得分</h2>\n"
            for r in o.finalRanking {
                body += HTMLReport.bars(o.competition.dimensions.map { d in
                    let value = r.entry.jury?.dimensions[d.id] ?? 0
                    return (label: d.title, share: d.points > 0 ? value / d.points : 0, text: score(value) + " / " + DecimalMath.format(d.points))
                }, title: "\(rank(r)). \(r.entry.unit.name) — \(projectName(r.entry))")
            }
        }
        return HTMLPage.render(title: o.competition.title, body: body)
    }

    /// The stages as HTML headings, tables and notes, for this report's page or another page
    /// (the web service's); `stagesOnly` leaves out the line that says the jury stage is missing.
    /// `wrapped` puts each table in a `table-wrap` block (it scrolls sideways on a phone).
    package static func htmlSections(_ o: CompetitionOutcome, stagesOnly: Bool, wrapped: Bool = false) -> String {
        var body = ""
        for section in sections(o) where !(stagesOnly && section.headers.isEmpty) {
            body += "<h2>\(HTMLReport.escape(section.title))</h2>\n"
            if !section.headers.isEmpty {
                let table = HTMLReport.table(section.headers, section.rows, numeric: section.numeric)
                body += wrapped ? "<div class=\"table-wrap\">\(table)</div>\n" : table
            }
            if let note = section.note { body += "<p class=\"note\">注：\(HTMLReport.escape(note))</p>\n" }
        }
        return body
    }

    /// The funnel: applied → finalists → winners, as shrinking bars.
    static func funnel(_ o: CompetitionOutcome) -> String {
        var stages: [(String, Int)] = [("申报", o.entries.count), ("具备入围资格", o.entries.filter { $0.ineligible == nil }.count), ("入围决赛", o.finalists.count)]
        if o.juryStage { stages.append(("优秀项目", o.winners.count)) }
        let top = max(1, stages.first?.1 ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"\(stages.count * 40 + 30)\" role=\"img\" aria-label=\"评选漏斗\">\n"
        svg += "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">评选漏斗</text>\n"
        for (index, stage) in stages.enumerated() {
            let width = max(40, 420 * stage.1 / top)
            let x = 100 + (420 - width) / 2, y = 28 + index * 40
            svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"30\" fill=\"#b22222\" opacity=\"\(String(format: "%.2f", 1.0 - Double(index) * 0.18))\"/>"
            svg += "<text x=\"0\" y=\"\(y + 20)\" font-size=\"13\">\(HTMLReport.escape(stage.0))</text>"
            svg += "<text x=\"310\" y=\"\(y + 20)\" font-size=\"14\" fill=\"#fff\" text-anchor=\"middle\">\(stage.1)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
