import Foundation
import Hummingbird
import KaoheCore
import KaoheLedger
import KaoheServer

/// The 月通报 as pages: the committee publishes a month's report (frozen as published); everyone
/// signed in reads the published ones, prints them on A4, or takes them away as HTML and CSV.
extension PageRoutes {
    func addReports(to router: Router<BasicRequestContext>) {
        router.get("reports") { request, _ in
            await page(request) { actor, _ async throws(ServiceError) in
                let reports = try await WebRequest.offload { () throws(ServiceError) in try service.publishedReports() }
                return Self.page(reportsPage(reports, actor, fields: [:], error: nil), title: "月通报", actor: actor)
            }
        }
        router.post("reports") { request, _ in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                do throws(ServiceError) {
                    let published = try await WebRequest.offload { () throws(ServiceError) in
                        try service.publishMonthlyReport(month: fields["month"] ?? "", number: fields["number"] ?? "", issuer: fields["issuer"] ?? "", by: actor)
                    }
                    return Self.redirect("/reports/\(published.id)")
                } catch where error.status == 422 {
                    let reports = try await WebRequest.offload { () throws(ServiceError) in try service.publishedReports() }
                    return Self.page(reportsPage(reports, actor, fields: fields, error: error.message), title: "月通报", actor: actor, status: .unprocessableContent)
                }
            }
        }
        router.get("reports/:id") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let id = Int64(context.parameters.get("id") ?? "") ?? 0
                let report = try await WebRequest.offload { () throws(ServiceError) in try service.publishedReport(id) }
                let links = "<p class=\"exports\"><a href=\"/reports\">← 全部月通报</a>　打印：用浏览器的打印（Ctrl+P），A4 纸。　下载："
                    + "<a href=\"/reports/\(id)/file.html\" download>HTML</a>　<a href=\"/reports/\(id)/file.csv\" download>CSV（Excel）</a></p>\n"
                return Self.page(links + report.html, title: report.title, actor: actor)
            }
        }
        for format in ["html", "csv"] {
            router.get("reports/:id/file.\(format)") { request, context in
                await page(request) { actor, _ async throws(ServiceError) in
                    let id = Int64(context.parameters.get("id") ?? "") ?? 0
                    let report = try await WebRequest.offload { () throws(ServiceError) in try service.publishedReport(id) }
                    let (text, type) = format == "html" ? (report.standalone, "text/html; charset=utf-8") : (report.csv, "text/csv; charset=utf-8")
                    return WebRequest.download(text, type: type, filename: "monthly-\(report.month)-\(id).\(format)")
                }
            }
        }
    }

    func reportsPage(_ reports: [PublishedReport], _ actor: Actor, fields: [String: String], error: String?) -> String {
        var body = "<h1>月通报</h1>\n"
        if actor.user.has(.admin) {
            let today = service.clock.today().components
            let last = today.month == 1 ? (today.year - 1, 12) : (today.year, today.month - 1)
            let month = fields["month"] ?? String(format: "%04d-%02d", last.0, last.1)
            body += error.map { "<p class=\"error\" role=\"alert\">\(E.e($0))</p>\n" } ?? ""
            body += """
                <form method="post" action="/reports">\(E.csrfField(actor))
                <fieldset><legend>发布月通报</legend>
                <p>按整改台账当前的数据生成；发布后内容固定，不随以后的数据变化。</p>
                <label for="month">月份</label><input type="month" id="month" name="month" required value="\(E.e(month))">
                <label for="number">发文字号</label><input type="text" id="number" name="number" required placeholder="市中机工委〔\(today.year)〕1号" value="\(E.e(fields["number"] ?? ""))">
                <label for="issuer">发文机关</label><input type="text" id="issuer" name="issuer" required value="\(E.e(fields["issuer"] ?? "中共乐山市市中区直属机关工作委员会"))">
                <p><button type="submit" class="primary">生成并发布</button></p>
                </fieldset>
                </form>

                """
        }
        guard !reports.isEmpty else { return body + "<p>还没有发布的月通报。</p>" }
        return body + Self.table(["月份", "发文字号", "标题", "发布人", "台账校验值"], reports.map { r in
            [E.e(r.month), E.e(r.number), "<a href=\"/reports/\(r.id)\">\(E.e(r.title))</a>", E.e(r.publishedBy), "<code>\(E.e(String(r.head.prefix(20))))…</code>"]
        })
    }
}
