import Foundation
import Hummingbird
import KaoheCore
import KaoheServer

/// The committee's pages beyond a round's overview: opening a round, and the results as files to
/// take away (CSV with a byte-order mark for Excel, the HTML report, the §6 JSON).
extension PageRoutes {
    func addAdmin(to router: Router<BasicRequestContext>) {
        router.get("rounds/new") { request, _ in
            await page(request) { actor, _ async throws(ServiceError) in
                guard actor.user.has(.admin) else { throw ServiceError.forbidden("只有机关工委可以开启考核轮次") }
                return Self.page(openRoundPage(actor, fields: [:], error: nil), title: "开启考核轮次", actor: actor)
            }
        }
        router.post("rounds") { request, _ in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                guard actor.user.has(.admin) else { throw ServiceError.forbidden("只有机关工委可以开启考核轮次") }
                do throws(ServiceError) {
                    let round = try newRound(fields)
                    try await WebRequest.offload { () throws(ServiceError) in
                        try service.openRound(round.round, units: round.units, by: actor.user.id)
                    }
                    return Self.redirect("/rounds/\(round.round.id)")
                } catch {
                    return Self.page(openRoundPage(actor, fields: fields, error: error.message), title: "开启考核轮次", actor: actor,
                                     status: .init(code: error.status))
                }
            }
        }
        for format in ResultsExport.allCases {
            router.get("rounds/:round/results.\(format.rawValue)") { request, context in
                await page(request) { actor, _ async throws(ServiceError) in
                    let roundID = context.parameters.get("round") ?? ""
                    let run = try await WebRequest.offload { () throws(ServiceError) in try service.resultsRun(roundID, for: actor) }
                    guard let run else { throw ServiceError.notFound("还没有单位提交，暂无结果可导出") }
                    return format.response(run, name: "考核结果-\(roundID)")
                }
            }
        }
    }

    /// The round the form describes, or what is wrong with it.
    /// Every problem of the form at once.
    func newRound(_ fields: [String: String]) throws(ServiceError) -> (round: Round, units: [KaoheCore.Unit]) {
        var problems: [String] = []
        let id = (fields["id"] ?? "").trimmingCharacters(in: .whitespaces)
        if !Round.isValid(id: id) { problems.append("轮次编号只能用字母、数字和 - _ .（1 至 64 个），例如 2026-annual") }
        let asOf = Day(fields["as_of"] ?? "")
        if asOf == nil { problems.append("考核日期应为 YYYY-MM-DD，例如 2026-11-30") }
        var units: [KaoheCore.Unit] = []
        do { units = try UnitsCSV.parse(fields["units"] ?? "", path: "参加单位") } catch { problems.append(error.rendered) }
        guard problems.isEmpty, let asOf else { throw ServiceError.invalid(problems.joined(separator: "\n")) }
        return (Round(id: id, checklist: fields["checklist"] ?? "", asOf: asOf), units)
    }

    func openRoundPage(_ actor: Actor, fields: [String: String], error: String?) -> String {
        let checklists = service.rules.rules.plans.keys.sorted().map { id in
            "<option value=\"\(E.e(id))\"\(fields["checklist"] == id ? " selected" : "")>\(E.e(title(of: id)))（\(E.e(id))）</option>"
        }.joined()
        return """
            <p><a href="/rounds">← 返回轮次列表</a></p>
            <h1>开启考核轮次</h1>
            \(error.map { "<pre class=\"error\" role=\"alert\">\(E.e($0))</pre>" } ?? "")
            <form method="post" action="/rounds">\(E.csrfField(actor))
            <label for="id">轮次编号（字母、数字和 - _ .，用于网址）</label>
            <input type="text" id="id" name="id" required pattern="[A-Za-z0-9._\\-]{1,64}" value="\(E.e(fields["id"] ?? ""))" placeholder="2026-annual">
            <label for="checklist">考核清单</label>
            <select id="checklist" name="checklist">\(checklists)</select>
            <label for="as_of">考核日期（截止日期）</label>
            <input type="date" id="as_of" name="as_of" required value="\(E.e(fields["as_of"] ?? ""))">
            <label for="units">参加单位：每行一个，格式为 编号,名称,类别（可从 Excel 另存为 CSV 后粘贴）</label>
            <textarea id="units" name="units" required spellcheck="false" placeholder="szq-minzheng,区民政局机关党委,social-service">\(E.e(fields["units"] ?? ""))</textarea>
            <p><button type="submit" class="primary">开启轮次</button></p>
            </form>
            """
    }
}

/// The files the results page offers.
enum ResultsExport: String, CaseIterable {
    case csv, html, json

    var label: String {
        switch self {
        case .csv: "CSV（Excel）"
        case .html: "HTML 报告"
        case .json: "JSON"
        }
    }

    /// The file, as a download named after the round.
    func response(_ run: EvaluationRun, name: String) -> Response {
        let (text, type): (String, String) = switch self {
        case .csv: (CSVReport.render(run.batch, plan: run.plan), "text/csv; charset=utf-8")
        case .html: (HTMLReport.render(run.batch, plan: run.plan), "text/html; charset=utf-8")
        case .json: (ResultJSON.render(run.batch), "application/json; charset=utf-8")
        }
        return WebRequest.download(text, type: type, filename: "\(name).\(rawValue)")
    }
}
