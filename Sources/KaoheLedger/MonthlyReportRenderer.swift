import Foundation
import KaoheCore

/// The 月通报 as a terminal table, Markdown, CSV (for Excel) or a printable HTML page with charts.
public enum MonthlyReportRenderer {
    static let headers = ["名次", "单位", "本月新增", "本月销号", "累计问题", "未整改", "逾期", "整改率", "整改率变化", "未整改变化"]

    static func cells(_ row: MonthlyReport.Row, district: Bool = false) -> [String] {
        [district ? "—" : String(row.rank), district ? row.unitName : "\(row.unitName)（\(row.unit)）", String(row.opened), String(row.closed),
         String(row.total), String(row.outstanding), String(row.overdue), percent(row.rate), change(row.rateChange),
         signed(row.outstandingChange)]
    }

    static func percent(_ rate: Rational?) -> String {
        rate.map { DecimalMath.format($0 * 100, decimals: 1) + "%" } ?? "—"
    }

    static func change(_ delta: Rational?) -> String {
        guard let delta else { return "—" }
        let text = DecimalMath.format(delta * 100, decimals: 1)
        return (delta > 0 ? "+" : "") + text + "个百分点"
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : String(n) }

    static let headLabel = "台账校验值（历史记录 sha256 与条数，可用 kaohe ledger verify --head 核验）"

    /// The line that anchors the ledger's hash chain in the printed report.
    static func headLine(_ report: MonthlyReport) -> String { "\(headLabel)：\(report.head)" }

    /// The report as terminal tables.
    public static func table(_ report: MonthlyReport) -> String {
        var table = TextTable(headers: headers, rightAligned: [0, 2, 3, 4, 5, 6, 7])
        for row in report.rows { table.add(cells(row)) }
        table.add(cells(report.district, district: true))
        return "\(report.title)\n\n" + table.render() + "\n" + headLine(report) + "\n"
    }

    /// The report as Markdown.
    public static func markdown(_ report: MonthlyReport) -> String {
        var out = "# \(report.title)\n\n"
        out += "全区累计问题 \(report.district.total) 个，未整改 \(report.district.outstanding) 个（逾期 \(report.district.overdue) 个），整改率 \(percent(report.district.rate))。\n\n"
        out += "| " + headers.joined(separator: " | ") + " |\n|" + headers.map { _ in " --- |" }.joined() + "\n"
        for cells in report.rows.map({ cells($0) }) + [cells(report.district, district: true)] {
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        out += "\n## 未整改问题走势（近六个月）\n\n| 月份 | 未整改 |\n| --- | --- |\n"
        for point in report.trend { out += "| \(point.label) | \(point.outstanding) |\n" }
        out += "\n" + headLine(report) + "\n"
        return out
    }

    /// The report as CSV for Excel (BOM, CRLF).
    public static func csv(_ report: MonthlyReport) -> String {
        let foot = [[headLabel, report.head.description]]
        let rows = [headers] + report.rows.map { cells($0) } + [cells(report.district, district: true)] + foot
        return CSVReport.bom + rows.map { $0.map(CSVReport.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The report as a printable, self-contained HTML page.
    public static func html(_ report: MonthlyReport) -> String {
        var body = "<h1>\(HTMLReport.escape(report.title))</h1>\n"
        body += "<p class=\"summary\">全区累计问题 \(report.district.total) 个，未整改 \(report.district.outstanding) 个（逾期 \(report.district.overdue) 个），整改率 \(percent(report.district.rate))。</p>\n"
        body += trendChart(report)
        body += HTMLReport.bars(report.rows.map { row in
            (label: "\(row.rank). \(row.unitName)", share: row.rate ?? 0, text: percent(row.rate))
        }, title: "各单位整改率")
        body += HTMLReport.table(headers, report.rows.map { cells($0) } + [cells(report.district, district: true)],
                                 numeric: [2, 3, 4, 5, 6, 7], tags: [0, 8, 9])
        body += "<p class=\"head\">\(HTMLReport.escape(headLabel))：<code>\(HTMLReport.escape(report.head.description))</code></p>\n"
        return HTMLPage.render(title: report.title, body: body, landscape: true)
    }

    /// A line chart of the district's outstanding items over six months.
    static func trendChart(_ report: MonthlyReport) -> String {
        let width = 600, height = 200, left = 40, top = 30, plotHeight = 130
        let peak = max(1, report.trend.map(\.outstanding).max() ?? 1)
        let step = report.trend.count > 1 ? (width - left - 60) / (report.trend.count - 1) : 0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"未整改问题走势\">\n"
        svg += "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">未整改问题走势（近六个月）</text>\n"
        var points: [String] = []
        for (index, point) in report.trend.enumerated() {
            let x = left + index * step
            let y = top + plotHeight - plotHeight * point.outstanding / peak
            points.append("\(x),\(y)")
            svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"4\" fill=\"#b22222\"/>"
            svg += "<text x=\"\(x)\" y=\"\(y - 8)\" font-size=\"12\" text-anchor=\"middle\">\(point.outstanding)</text>"
            svg += "<text x=\"\(x)\" y=\"\(top + plotHeight + 20)\" font-size=\"12\" text-anchor=\"middle\">\(point.label)</text>\n"
        }
        svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#b22222\" stroke-width=\"2\"/>\n"
        return svg + "</svg>\n"
    }
}
