import Foundation
import Hummingbird
import KaoheCore
import KaoheServer

/// On-site scoring (现场量化赋分) as pages. The committee assigns assessors to units, sees where two
/// assessors differ and decides, and downloads the score sheets; an assessor sees the units
/// assigned to them and scores each manual item on a page of its own, made for a phone.
extension PageRoutes {
    func addOnsite(to router: Router<BasicRequestContext>) {
        router.get("rounds/:round/onsite") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let roundID = context.parameters.get("round") ?? ""
                let body = try await WebRequest.offload { () throws(ServiceError) in try onsitePage(roundID, actor) }
                return Self.page(body, title: "现场考核", actor: actor)
            }
        }
        router.get("rounds/:round/scoresheets.yaml") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let roundID = context.parameters.get("round") ?? ""
                let sheets = try await WebRequest.offload { () throws(ServiceError) in try service.scoresheets(roundID, for: actor) }
                let text = "# 现场评分表（kind: scoresheet），可用 kaohe evaluate --scoresheets 读取\n" + sheets.map { "---\n" + $0.text }.joined()
                return WebRequest.download(text, type: "application/yaml; charset=utf-8", filename: "\(roundID)-scoresheets.yaml")
            }
        }
        router.post("rounds/:round/onsite/:unit/assign") { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let (roundID, unit) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "")
                let assessor = fields["assessor"] ?? ""
                try await WebRequest.offload { () throws(ServiceError) in
                    if fields["do"] == "remove" {
                        try service.unassign(roundID, unit, assessor: assessor, by: actor)
                    } else {
                        try service.assign(roundID, unit, assessor: assessor, by: actor)
                    }
                }
                return Self.redirect("/rounds/\(roundID)/onsite")
            }
        }
        router.get("rounds/:round/onsite/:unit") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let (roundID, unit) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "")
                let (row, items) = try await WebRequest.offload { () throws(ServiceError) in try service.onsiteItems(roundID, unit, for: actor) }
                let saved = request.uri.queryParameters["saved"].map(String.init)
                return Self.page(unitItemsPage(roundID, row, items, actor, saved: saved), title: "现场评分 \(row.unit.name)", actor: actor)
            }
        }
        router.get("rounds/:round/onsite/:unit/items/:item") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                try await scorePage(context, actor, error: nil, typed: nil)
            }
        }
        router.post("rounds/:round/onsite/:unit/items/:item") { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let (roundID, unit, item) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "", context.parameters.get("item") ?? "")
                do throws(ServiceError) {
                    try await WebRequest.offload { () throws(ServiceError) in
                        try service.saveOnsite(roundID, unit, item: item, points: fields["points"] ?? "", method: fields["method"] ?? "",
                                               note: fields["note"], by: actor)
                    }
                } catch .invalid(let message) {
                    return try await scorePage(context, actor, error: message, typed: fields)
                }
                return Self.redirect("/rounds/\(roundID)/onsite/\(unit)?saved=\(item)")
            }
        }
        router.post("rounds/:round/onsite/:unit/items/:item/decide") { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let (roundID, unit, item) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "", context.parameters.get("item") ?? "")
                try await WebRequest.offload { () throws(ServiceError) in
                    try service.decideOnsite(roundID, unit, item: item, assessor: fields["assessor"] ?? "", by: actor)
                }
                return Self.redirect("/rounds/\(roundID)/onsite")
            }
        }
    }

    /// The committee: every unit with its assessors, the disputes, the sheets. An assessor: the
    /// units assigned to them.
    func onsitePage(_ roundID: String, _ actor: Actor) throws(ServiceError) -> String {
        let assignments = try service.assignments(roundID, for: actor)
        var body = "<p><a href=\"/rounds/\(E.e(roundID))\">← 返回轮次</a></p>\n<h1>现场考核 \(E.e(roundID))</h1>\n"
        guard actor.user.has(.admin) else {
            let units = Dictionary(try service.store.units(of: roundID).map { ($0.unit.id, $0) }) { a, _ in a }
            guard !assignments.isEmpty else { return body + "<p>还没有分配给您的单位。</p>" }
            body += "<p>分配给您的单位（\(assignments.count) 个），逐项现场评分：</p>\n"
            return body + "<ul class=\"units\">" + assignments.map { a in
                "<li><a href=\"/rounds/\(E.e(roundID))/onsite/\(E.e(a.unit))\">\(E.e(units[a.unit]?.unit.name ?? a.unit))</a>"
                    + (units[a.unit].map { "（\($0.status.label)）" } ?? "") + "</li>"
            }.joined() + "</ul>\n"
        }
        let units = try service.units(of: roundID, for: actor)
        let assessors = try service.assessors(for: actor)
        let disputes = try service.onsiteDisputes(roundID, for: actor)
        body += "<p class=\"exports\"><a href=\"/rounds/\(E.e(roundID))/scoresheets.yaml\" download>导出现场评分表（kaohe evaluate --scoresheets 可读）</a></p>\n"
        body += "<h2>评分分歧（\(disputes.count)）</h2>\n"
        if disputes.isEmpty {
            body += "<p>没有待裁定的分歧。两位考核组成员对同一项打分不同时列在这里，由机关工委裁定采用哪一个。</p>\n"
        } else {
            for d in disputes {
                let name = units.first { $0.unit.id == d.unit }?.unit.name ?? d.unit
                body += "<form method=\"post\" action=\"/rounds/\(E.e(roundID))/onsite/\(E.e(d.unit))/items/\(E.e(d.item))/decide\">\(E.csrfField(actor))"
                body += "<fieldset class=\"choices\"><legend>\(E.e(name)) \(E.e(d.item))：采用哪一个评分？</legend>"
                body += d.scores.enumerated().map { index, s in
                    "<label><input type=\"radio\" name=\"assessor\" value=\"\(E.e(s.assessor))\"\(index == 0 ? " checked" : "")> \(E.e(s.assessorName))：\(E.e(s.points)) 分（\(E.e(s.method))）"
                        + (s.note.map { "：\(E.e($0))" } ?? "") + "</label>"
                }.joined()
                body += "</fieldset><p><button type=\"submit\" class=\"primary\">裁定</button></p></form>\n"
            }
        }
        body += "<h2>分配考核组</h2>\n"
        if assessors.isEmpty { body += "<p>还没有考核组成员账号：用 <code>kaohe users add --role assessor</code> 添加。</p>\n" }
        let options = assessors.map { "<option value=\"\(E.e($0.id))\">\(E.e($0.name))</option>" }.joined()
        return body + Self.table(["单位", "状态", "考核组", "分配"], units.map { u in
            let base = "/rounds/\(E.e(roundID))/onsite/\(E.e(u.unit.id))"
            let mine = assignments.filter { $0.unit == u.unit.id }
            let names = mine.map { a in
                "\(E.e(a.assessorName)) <form method=\"post\" action=\"\(base)/assign\" class=\"inline\">\(E.csrfField(actor))"
                    + "<input type=\"hidden\" name=\"assessor\" value=\"\(E.e(a.assessor))\"><input type=\"hidden\" name=\"do\" value=\"remove\">"
                    + "<button type=\"submit\" aria-label=\"移除 \(E.e(a.assessorName))\">移除</button></form>"
            }.joined(separator: "<br>")
            let form = assessors.isEmpty ? "" : "<form method=\"post\" action=\"\(base)/assign\" class=\"inline\">\(E.csrfField(actor))"
                + "<label class=\"inline\" for=\"assessor-\(E.e(u.unit.id))\">考核组成员</label> <select id=\"assessor-\(E.e(u.unit.id))\" name=\"assessor\">\(options)</select> "
                + "<button type=\"submit\">分配</button></form>"
            return ["<a href=\"\(base)\">\(E.e(u.unit.name))</a>", u.status.label, names.isEmpty ? "—" : names, form]
        })
    }

    /// A unit's manual items, each with its score so far and a link to score it.
    func unitItemsPage(_ roundID: String, _ row: RoundUnit, _ items: [OnsiteItem], _ actor: Actor, saved: String?) -> String {
        var body = "<p><a href=\"/rounds/\(E.e(roundID))/onsite\">← 现场考核</a></p>\n<h1>\(E.e(row.unit.name))</h1>\n"
        if let saved, items.contains(where: { $0.id == saved }) {
            body += "<p role=\"status\">已保存 \(E.e(saved)) 的现场评分\(row.status == .submitted ? "，本单位的考核结果已随之更新" : "")。</p>\n"
        }
        body += "<p>现场赋分项 \(items.count) 项；自评状态：\(row.status.label)。</p>\n"
        guard !items.isEmpty else { return body + "<p>本单位没有现场赋分项。</p>" }
        return body + "<ul class=\"units\">" + items.map { item in
            let scores = item.scores.map { "\(E.e($0.assessorName))：\(E.e($0.points)) 分（\(E.e($0.method))）" }
            return "<li><a href=\"/rounds/\(E.e(roundID))/onsite/\(E.e(row.unit.id))/items/\(E.e(item.id))\">\(E.e(item.id)) \(E.e(item.title))</a>"
                + "（满分 \(DecimalMath.format(item.points))，自评 \(item.selfScore.map(DecimalMath.format) ?? "—")）<br>"
                + (scores.isEmpty ? "<span class=\"status\">未评分</span>" : "已评：" + scores.joined(separator: "；")) + "</li>"
        }.joined() + "</ul>\n"
    }

    /// One manual item to score: points, method, note; for a phone.
    func scorePage(_ context: BasicRequestContext, _ actor: Actor, error: String?, typed: [String: String]?) async throws(ServiceError) -> Response {
        let (roundID, unit, itemID) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "", context.parameters.get("item") ?? "")
        let (row, items) = try await WebRequest.offload { () throws(ServiceError) in try service.onsiteItems(roundID, unit, for: actor) }
        guard let item = items.first(where: { $0.id == itemID }) else { throw ServiceError.notFound("\(itemID) 不是本单位的现场赋分项") }
        let mine = item.scores.first { $0.assessor == actor.user.id }
        let points = typed?["points"] ?? mine?.points ?? ""
        let method = typed?["method"] ?? mine?.method ?? ""
        let note = typed?["note"] ?? mine?.note ?? ""
        let base = "/rounds/\(E.e(roundID))/onsite/\(E.e(unit))"
        var body = "<p><a href=\"\(base)\">← \(E.e(row.unit.name))</a></p>\n<h1>\(E.e(item.id)) \(E.e(item.title))</h1>\n"
        body += "<dl class=\"facts\"><dt>单位</dt><dd>\(E.e(row.unit.name))</dd><dt>满分</dt><dd>\(DecimalMath.format(item.points)) 分</dd>"
        body += "<dt>自评分</dt><dd>\(item.selfScore.map(DecimalMath.format) ?? "未填")</dd></dl>\n"
        if let error { body += "<p class=\"error\" role=\"alert\">\(E.e(error))</p>\n" }
        guard actor.user.has(.assessor) else {
            return Self.page(body + "<p>现场评分由分配的考核组成员填写。</p>", title: item.title, actor: actor)
        }
        body += "<form method=\"post\" action=\"\(base)/items/\(E.e(item.id))\">\(E.csrfField(actor))"
        body += "<label for=\"points\">现场得分（0 到 \(DecimalMath.format(item.points)) 分）</label>"
        body += "<input type=\"number\" class=\"points\" id=\"points\" name=\"points\" min=\"0\" max=\"\(DecimalMath.format(item.points))\" step=\"0.01\" inputmode=\"decimal\" required value=\"\(E.e(points))\">"
        body += "<fieldset class=\"choices\"><legend>评分方式</legend>" + KaoheService.onsiteMethods.map { m in
            "<label><input type=\"radio\" name=\"method\" value=\"\(E.e(m))\" required\(m == method ? " checked" : "")> \(E.e(m))</label>"
        }.joined() + "</fieldset>"
        body += "<label for=\"note\">说明（发现的问题、依据，可不填）</label><textarea class=\"short\" id=\"note\" name=\"note\" maxlength=\"500\">\(E.e(note))</textarea>"
        body += "<p><button type=\"submit\" class=\"primary\">保存评分</button></p></form>\n"
        return Self.page(body, title: item.title, actor: actor)
    }
}
