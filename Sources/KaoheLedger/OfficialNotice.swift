import Foundation
import KaoheCore

/// The 月通报 as an official document (公文) after GB/T 9704: the issuing organ's mark in red, the
/// document number line, the red separator, the title, the addressees, the body, the list of
/// attachments, the issuer and date; then the attachments — the ranking table and the trend —
/// on a page of their own; the ledger head at the foot. Printed on A4 with the standard margins.
package struct OfficialNotice: Sendable {
    package var report: MonthlyReport
    package var number: String
    package var issuer: String
    package var date: Day

    package init(report: MonthlyReport, number: String, issuer: String, date: Day) {
        self.report = report
        self.number = number
        self.issuer = issuer
        self.date = date
    }

    package var title: String { "关于\(report.month.year)年\(report.month.month)月机关党建问题整改情况的通报" }

    static func e(_ text: String) -> String { HTMLReport.escape(text) }

    static func chinese(_ day: Day) -> String {
        let (year, month, day) = day.components
        return "\(year)年\(month)月\(day)日"
    }

    /// The paragraphs of the body, from the report's figures.
    var paragraphs: [String] {
        let d = report.district
        let (year, month) = report.month
        let end = "\(year)年\(month)月\(Day.daysIn(month: month, year: year))日"
        let change = d.rateChange.map { "，较上月" + ($0 == 0 ? "持平" : MonthlyReportRenderer.change($0).replacingOccurrences(of: "+", with: "提高").replacingOccurrences(of: "-", with: "下降")) } ?? ""
        var out = ["截至\(end)，全区累计发现机关党建问题\(d.total)个，已整改\(d.total - d.outstanding)个，未整改\(d.outstanding)个，其中逾期未整改\(d.overdue)个，整改率\(MonthlyReportRenderer.percent(d.rate))\(change)。现将有关情况通报如下。"]
        let leaders = report.rows.filter { $0.total > 0 }.prefix(3).map { "\($0.unitName)（\(MonthlyReportRenderer.percent($0.rate))）" }
        out.append("一、整改较好的单位。" + (leaders.isEmpty ? "本月暂无可排名的单位。" : "整改率排名前列的单位：\(leaders.joined(separator: "、"))。"))
        let late = report.rows.filter { $0.overdue > 0 }.sorted { ($0.overdue, $1.unit) > ($1.overdue, $0.unit) }.map { "\($0.unitName)（逾期\($0.overdue)个）" }
        out.append("二、需要加快整改的单位。" + (late.isEmpty ? "本月无逾期未整改问题。" : "存在逾期未整改问题的单位：\(late.joined(separator: "、"))。"))
        out.append("三、工作要求。各机关党组织要对照问题清单逐项整改、逐项销号，逾期问题须于下月底前整改到位并报送佐证材料；已整改问题由核查人核查属实后销号，不得以文件代替整改。")
        return out
    }

    /// The document for the site's pages, styled by its stylesheet (no inline style).
    package var body: String {
        var out = "<article class=\"official\">\n"
        out += "<div class=\"issuer-mark\">\(Self.e(issuer))文件</div>\n"
        out += "<div class=\"doc-number\">\(Self.e(number))</div>\n<hr class=\"red-line\">\n"
        out += "<h1 class=\"doc-title\">\(Self.e(title))</h1>\n<p class=\"addressees\">各机关党组织：</p>\n"
        for paragraph in paragraphs { out += "<p class=\"doc-text\">\(Self.e(paragraph))</p>\n" }
        out += "<p class=\"doc-attachments\">附件：<span class=\"list\">1．各单位问题整改情况排名表<br>2．全区未整改问题走势（近六个月）</span></p>\n"
        out += "<p class=\"doc-signature\">\(Self.e(issuer))<br>\(Self.chinese(date))</p>\n"
        out += "<section class=\"annex\">\n<h2 class=\"annex-title\">附件1</h2>\n<h3>各单位问题整改情况排名表（\(report.month.year)年\(report.month.month)月）</h3>\n"
        out += HTMLReport.table(MonthlyReportRenderer.headers, report.rows.map { MonthlyReportRenderer.cells($0) } + [MonthlyReportRenderer.cells(report.district, district: true)],
                                numeric: [2, 3, 4, 5, 6, 7], tags: [0, 8, 9])
        out += "<h2 class=\"annex-title\">附件2</h2>\n" + MonthlyReportRenderer.trendChart(report)
        out += "</section>\n"
        out += "<p class=\"doc-head\">\(Self.e(MonthlyReportRenderer.headLine(report)))</p>\n</article>\n"
        return out
    }

    /// The document as one file with its style, to download, archive and print anywhere.
    package var standalone: String {
        HTMLPage.render(title: title, body: body, extraStyle: Self.css)
    }

    /// GB/T 9704's layout: A4, margins 37 mm top, 28 mm inside, 26 mm outside, 35 mm bottom; the
    /// mark and the separator in red; the title centred; body text in 仿宋 with a two-character
    /// indent; the attachments on a new page.
    package static let css = """
        .official { max-width: 156mm; margin: 0 auto; font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 1.75; }
        .official .issuer-mark { color: #d40000; text-align: center; font-size: 22pt; font-weight: bold; margin-top: 1em; white-space: nowrap; }
        .official .doc-number { text-align: center; margin: .8em 0 .3em; }
        .official hr.red-line { border: 0; border-top: 2px solid #d40000; margin: 0 0 1.5em; }
        .official .doc-title { text-align: center; font-size: 22pt; font-weight: bold; border: 0; line-height: 1.5; margin: .5em 0 1em; }
        .official .addressees { margin: 0; }
        .official .doc-text { text-indent: 2em; margin: 0; }
        .official .doc-attachments { margin: 1em 0 0 2em; }
        .official .doc-attachments .list { display: inline-block; vertical-align: top; }
        .official .doc-signature { text-align: right; margin: 2em 2em 0 0; }
        .official .annex { margin-top: 2em; }
        .official .annex-title { font-size: 16pt; border: 0; font-weight: bold; }
        .official .annex h3 { text-align: center; font-size: 18pt; }
        .official table { font-size: 11pt; line-height: 1.4; }
        .official .doc-head { font-size: 9pt; color: #555; margin-top: 2em; word-break: break-all; }
        @media print {
          @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
          .official { max-width: none; }
          .official .annex { page-break-before: always; margin-top: 0; }
        }
        """
}
