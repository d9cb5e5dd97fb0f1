import Foundation
import Hummingbird
import KaoheCore
import KaoheServer

/// The server-rendered pages (SPEC §12): sign-in, rounds, a round's overview for the committee,
/// a unit's self-assessment and result, the ranking. Forms post with the session's CSRF token.
struct PageRoutes {
    let service: KaoheService
    typealias E = PageLayout

    func add(to router: Router<BasicRequestContext>) {
        addAdmin(to: router)
        addLedger(to: router)
        addReports(to: router)
        addOnsite(to: router)
        addCompetition(to: router)
        router.get("assets/kaohe.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: PageLayout.css)))
        }
        router.get("/") { request, _ in
            let signedIn = try? await signedIn(request)
            return Self.redirect(signedIn == nil ? "/login" : "/rounds")
        }
        router.get("login") { _, _ in Self.page(signInPage(error: nil), title: "登录", actor: nil) }
        router.post("login") { request, _ in
            var request = request
            do throws(ServiceError) {
                let fields = FormBody.parse(try await WebRequest.text(&request))
                let (user, password) = (fields["user"] ?? "", fields["password"] ?? "")
                let signed = try await WebRequest.offload { () throws(ServiceError) in try service.signIn(user: user, password: password) }
                var response = Self.redirect("/rounds")
                response.setCookie(APIRoutes.sessionCookie(signed.token, secure: WebRequest.header(request, "x-forwarded-proto") == "https"))
                return response
            } catch {
                let message = error == .unauthorized ? "账号或密码不正确" : error.message
                return Self.page(signInPage(error: message), title: "登录", actor: nil, status: .init(code: error.status))
            }
        }
        router.post("logout") { request, _ in
            await page(request) { actor, fields async throws(ServiceError) in
                try await WebRequest.offload { () throws(ServiceError) in try service.signOut(actor) }
                var response = Self.redirect("/login")
                response.setCookie(Cookie(name: WebRequest.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
                return response
            }
        }
        router.get("rounds") { request, _ in
            await page(request) { actor, _ async throws(ServiceError) in
                let rounds = try await WebRequest.offload { () throws(ServiceError) in try service.rounds(for: actor) }
                var body = "<h1>考核轮次</h1>\n"
                if actor.user.has(.admin) { body += "<p><a href=\"/rounds/new\">开启新的考核轮次</a></p>\n" }
                body += rounds.isEmpty ? "<p>暂无考核轮次。</p>" : Self.table(["轮次", "考核清单", "考核日期", "状态"], rounds.map { r in
                    ["<a href=\"\(Self.roundLink(r.id, actor))\">\(E.e(r.id))</a>", E.e(title(of: r.checklist)), r.asOf.description, r.state == .open ? "进行中" : "已结束"]
                })
                return Self.page(body, title: "考核轮次", actor: actor)
            }
        }
        router.get("rounds/:round") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let roundID = context.parameters.get("round") ?? ""
                if Self.scoresOnSiteOnly(actor) || Self.judgesOnly(actor) { return Self.redirect(Self.roundLink(roundID, actor)) }
                let units = try await WebRequest.offload { () throws(ServiceError) in try service.units(of: roundID, for: actor) }
                return Self.page(roundPage(roundID, units, actor), title: roundID, actor: actor)
            }
        }
        router.get("rounds/:round/results") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let roundID = context.parameters.get("round") ?? ""
                let batch = try await WebRequest.offload { () throws(ServiceError) in try service.resultsRun(roundID, for: actor) }
                let exports = ResultsExport.allCases.map { "<a href=\"/rounds/\(E.e(roundID))/results.\($0.rawValue)\" download>\($0.label)</a>" }
                let body = "<p><a href=\"/rounds/\(E.e(roundID))\">← 返回轮次</a></p>\n"
                    + (batch.map { "<p class=\"exports\">导出：" + exports.joined(separator: "　") + "</p>\n" + HTMLReport.body($0.batch, plan: $0.plan) } ?? "<p>还没有单位提交。</p>")
                return Self.page(body, title: "考核结果", actor: actor)
            }
        }
        router.get("rounds/:round/units/:unit") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                try await unitPage(context, actor, document: nil, diagnostics: nil, notice: nil, asText: request.uri.queryParameters["mode"] == "text")
            }
        }
        router.post("rounds/:round/units/:unit/form") { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                try await formPost(context, actor, fields)
            }
        }
        router.post("rounds/:round/units/:unit/save") { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let (roundID, unit) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "")
                let document = fields["document"] ?? ""
                let saved = try await WebRequest.offload { () throws(ServiceError) in try service.saveDraft(roundID, unit, document: document, by: actor) }
                return try await unitPage(context, actor, document: document, diagnostics: saved.diagnostics,
                                          notice: "已保存草稿（第 \(saved.version) 版）" + (saved.diagnostics.isEmpty ? "。" : "，但还有下列问题需要改正后才能提交。"), asText: true)
            }
        }
        router.post("rounds/:round/units/:unit/submit") { request, context in
            await page(request, changing: true) { actor, _ async throws(ServiceError) in
                let (roundID, unit) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "")
                switch try await WebRequest.offload({ () throws(ServiceError) in try service.submit(roundID, unit, by: actor) }) {
                case .result: return try await unitPage(context, actor, document: nil, diagnostics: nil, notice: "已提交，结果如下。")
                case .diagnostics(let list): return try await unitPage(context, actor, document: nil, diagnostics: list, notice: "未能提交：请改正下列问题。")
                }
            }
        }
        router.post("rounds/:round/units/:unit/return") { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let (roundID, unit) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "")
                try await WebRequest.offload { () throws(ServiceError) in try service.returnSubmission(roundID, unit, reason: fields["reason"] ?? "", by: actor) }
                return Self.redirect("/rounds/\(roundID)")
            }
        }
        router.post("rounds/:round/units/:unit/accept") { request, context in
            await page(request, changing: true) { actor, _ async throws(ServiceError) in
                let (roundID, unit) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "")
                _ = try await WebRequest.offload { () throws(ServiceError) in try service.accept(roundID, unit, by: actor) }
                return Self.redirect("/rounds/\(roundID)")
            }
        }
    }

    // MARK: Pages

    func signInPage(error: String?) -> String {
        """
        <h1>登录</h1>
        \(error.map { "<p class=\"error\" role=\"alert\">\(E.e($0))</p>" } ?? "")
        <form method="post" action="/login">
        <label for="user">账号</label><input type="text" id="user" name="user" autocomplete="username" required autofocus>
        <label for="password">密码</label><input type="password" id="password" name="password" autocomplete="current-password" required>
        <p><button type="submit" class="primary">登录</button></p>
        </form>
        """
    }

    func roundPage(_ roundID: String, _ units: [RoundUnit], _ actor: Actor) -> String {
        var body = "<h1>考核轮次 \(E.e(roundID))</h1>\n"
        let admin = actor.user.has(.admin)
        let submitted = units.filter { $0.status.hasResult }.count
        if admin {
            body += "<p>共 \(units.count) 个单位，已提交 \(submitted) 个。<a href=\"/rounds/\(E.e(roundID))/results\">查看排名和结果</a>"
                + "　<a href=\"/rounds/\(E.e(roundID))/onsite\">现场考核（分配考核组、评分分歧）</a>"
                + "　<a href=\"/rounds/\(E.e(roundID))/competitions\">品牌项目比赛（入围、评委、评选结果）</a></p>\n"
        }
        let rows = units.map { u -> [String] in
            var actions = "<a href=\"/rounds/\(E.e(roundID))/units/\(E.e(u.unit.id))\">\(admin ? "查看" : "填报")</a>"
            if admin && u.status == .submitted {
                let base = "/rounds/\(E.e(roundID))/units/\(E.e(u.unit.id))"
                actions += " <form method=\"post\" action=\"\(base)/accept\" class=\"inline\">\(E.csrfField(actor))<button type=\"submit\">受理</button></form>"
                actions += " <form method=\"post\" action=\"\(base)/return\" class=\"inline\">\(E.csrfField(actor))<label class=\"inline\" for=\"reason-\(E.e(u.unit.id))\">退回原因</label> <input type=\"text\" id=\"reason-\(E.e(u.unit.id))\" name=\"reason\" required> <button type=\"submit\">退回</button></form>"
            }
            return [E.e(u.unit.name) + "（\(E.e(u.unit.id))）", "<span class=\"status\">\(u.status.label)</span>" + (u.reason.map { "<br><span class=\"error\">退回原因：\(E.e($0))</span>" } ?? ""),
                    u.total ?? "—", E.e(u.grade ?? "—"), actions]
        }
        return body + Self.table(["单位", "状态", "总分", "等次", "操作"], rows)
    }

    func unitPage(_ context: BasicRequestContext, _ actor: Actor, document: String?, diagnostics: [FieldDiagnostic]?, notice: String?,
                  asText: Bool = false, extraRow: String? = nil) async throws(ServiceError) -> Response {
        let (roundID, unit) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "")
        let state = try await WebRequest.offload { () throws(ServiceError) in try unitState(roundID, unit, actor) }
        let base = "/rounds/\(E.e(roundID))/units/\(E.e(unit))"
        var body = "<p><a href=\"/rounds/\(E.e(roundID))\">← 返回轮次</a></p>\n<h1>\(E.e(state.row.unit.name)) 自评</h1>\n"
        body += "<p>状态：<strong>\(state.row.status.label)</strong>" + (state.row.reason.map { "　<span class=\"error\">退回原因：\(E.e($0))</span>" } ?? "") + "</p>\n"
        if let notice { body += "<p role=\"status\">\(E.e(notice))</p>\n" }
        if let from = state.prefilledFrom, document == nil {
            body += "<p role=\"status\">一表同享：已按上一轮次（\(E.e(from))）的填报内容预填，请逐项确认或修改后保存。</p>\n"
        }
        let editable = state.row.status.isEditable && actor.fillsIn(unit)
        let form = state.plan.flatMap { $0.standards == nil && !asText ? SelfAssessmentForm(plan: $0) : nil }
        if let diagnostics, !diagnostics.isEmpty, !(editable && form != nil) {
            body += "<ul class=\"diagnostics error\" role=\"alert\">" + diagnostics.map { d in
                "<li>第 \(d.line) 行" + (d.path.isEmpty ? "" : "（\(E.e(d.path))）") + "：\(E.e(d.message))" + (d.help.map { "。建议：\(E.e($0))" } ?? "") + "</li>"
            }.joined() + "</ul>\n"
        }
        if let result = state.result {
            body += HTMLReport.unit(result.batch.results[0], plan: result.plan)
        }
        if editable, let form {
            var values = form.values(of: document ?? state.document)
            if let extraRow { values.rows[extraRow, default: 0] += 1 }
            if let diagnostics, !diagnostics.isEmpty {
                body += "<p class=\"error\" role=\"alert\">有 \(diagnostics.count) 处需要改正，见各栏下的红字。</p>\n"
            }
            body += form.render(values, diagnostics: diagnostics ?? [], csrf: E.csrfField(actor), action: base + "/form")
            body += "<p><a href=\"\(base)?mode=text\">以文本方式编辑</a></p>\n"
        } else if editable {
            body += """
                <form method="post" action="\(base)/save">\(E.csrfField(actor))
                <label for="document">自评表（按说明填写冒号后的数值）</label>
                <textarea id="document" name="document" spellcheck="false">\(E.e(document ?? state.document))</textarea>
                <p><button type="submit" class="primary">保存草稿</button></p>
                </form>
                <form method="post" action="\(base)/submit">\(E.csrfField(actor))<p><button type="submit">提交</button>（提交后不能再修改，除非被退回）</p></form>
                """
        } else if state.result == nil {
            body += "<pre>\(E.e(state.document))</pre>\n"
        }
        return Self.page(body, title: state.row.unit.name, actor: actor)
    }

    /// What the unit page shows: the unit's row, its draft (or a template to start from), and
    /// its result once submitted.
    func unitState(_ roundID: String, _ unit: String, _ actor: Actor) throws(ServiceError) -> (row: RoundUnit, document: String, result: EvaluationRun?, plan: ChecklistPlan?, round: Round, prefilledFrom: String?) {
        guard let row = try service.units(of: roundID, for: actor).first(where: { $0.unit.id == unit }),
              let round = try service.rounds(for: actor).first(where: { $0.id == roundID }) else {
            throw ServiceError.notFound("没有这个单位的自评")
        }
        let draft = try service.draft(roundID, unit, for: actor)
        var document = draft?.document ?? template(round, row.unit)
        var prefilledFrom: String?
        if draft == nil, let previous = try service.previousDraft(roundID, unit, for: actor) {
            document = previous.document
            prefilledFrom = previous.round
        }
        let result = try service.resultRun(roundID, unit, for: actor)
        return (row, document, result, service.rules.rules.plans[round.checklist], round, prefilledFrom)
    }

    /// A post of the generated form: save (and submit, or add or remove a record row).
    func formPost(_ context: BasicRequestContext, _ actor: Actor, _ fields: [String: String]) async throws(ServiceError) -> Response {
        let (roundID, unit) = (context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "")
        let state = try await WebRequest.offload { () throws(ServiceError) in try unitState(roundID, unit, actor) }
        guard let plan = state.plan else { throw ServiceError.notFound("没有这个考核清单") }
        var fields = fields
        if let remove = fields["remove"], let dot = remove.lastIndex(of: ".") {
            let (fact, row) = (String(remove[..<dot]), String(remove[remove.index(after: dot)...]))
            for key in fields.keys where key.hasPrefix("fact.\(fact).\(row).") { fields[key] = "" }
        }
        let document = SelfAssessmentForm(plan: plan).document(from: fields, unit: state.row.unit, asOf: state.round.asOf)
        let saved = try await WebRequest.offload { () throws(ServiceError) in try service.saveDraft(roundID, unit, document: document, by: actor) }
        if fields["do"] == "submit" {
            switch try await WebRequest.offload({ () throws(ServiceError) in try service.submit(roundID, unit, by: actor) }) {
            case .result: return try await unitPage(context, actor, document: nil, diagnostics: nil, notice: "已提交，结果如下。")
            case .diagnostics(let list): return try await unitPage(context, actor, document: document, diagnostics: list, notice: "未能提交：请改正标红的栏目。草稿已保存。")
            }
        }
        let notice = "已保存草稿（第 \(saved.version) 版）。"
        return try await unitPage(context, actor, document: document, diagnostics: saved.diagnostics, notice: notice, extraRow: fields["add"])
    }

    /// A blank self-assessment of the round's checklist with the unit's own header filled in.
    func template(_ round: Round, _ unit: KaoheCore.Unit) -> String {
        guard let plan = service.rules.rules.plans[round.checklist] else { return "" }
        return SelfAssessmentTemplate.render(plan).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("  id: unit-id") { return "  id: \(unit.id)" }
            if line.hasPrefix("  name: 单位名称") { return "  name: \(unit.name)" }
            if line.hasPrefix("  category: "), let category = unit.category { return "  category: \(category)" }
            if line.hasPrefix("as_of: ") { return "as_of: \(round.asOf)" }
            return String(line)
        }.joined(separator: "\n")
    }

    /// An assessor who neither fills in for a unit nor sits on the committee: their round is its on-site page.
    static func scoresOnSiteOnly(_ actor: Actor) -> Bool {
        actor.user.has(.assessor) && !actor.user.has(.admin) && !actor.user.has(.unit)
    }

    /// Whether the actor only judges competitions (a juror with no other part in a round).
    static func judgesOnly(_ actor: Actor) -> Bool {
        actor.user.has(.juror) && !actor.user.has(.admin) && !actor.user.has(.unit) && !actor.user.has(.assessor)
    }

    /// Where a round's link takes the actor: a round's overview, or straight to the one part of
    /// it they play (on-site scoring, a competition's jury).
    static func roundLink(_ roundID: String, _ actor: Actor) -> String {
        "/rounds/\(E.e(roundID))" + (scoresOnSiteOnly(actor) ? "/onsite" : judgesOnly(actor) ? "/competitions" : "")
    }

    func title(of checklist: String) -> String { service.rules.rules.plans[checklist]?.checklist.title ?? checklist }

    // MARK: Plumbing

    func signedIn(_ request: Request) async throws(ServiceError) -> Actor {
        try await WebRequest.signedIn(request, service)
    }

    /// Runs a page: signed in (else to the sign-in page), a form's CSRF token checked for posts.
    func page(_ request: Request, changing: Bool = false,
              _ body: (Actor, [String: String]) async throws(ServiceError) -> Response) async -> Response {
        var request = request
        var actor: Actor?
        do {
            let signed = try await signedIn(request)
            actor = signed
            var fields: [String: String] = [:]
            if request.method == .post {
                fields = FormBody.parse(try await WebRequest.text(&request))
                let token = fields["csrf"]
                try await WebRequest.offload { () throws(ServiceError) in try service.checkCSRF(signed, token: token) }
            }
            return try await body(signed, fields)
        } catch .unauthorized {
            return Self.redirect("/login")
        } catch {
            let body = "<h1>无法完成</h1><p class=\"error\" role=\"alert\">\(E.e(error.message))</p><p><a href=\"/rounds\">返回</a></p>"
            return Self.page(body, title: "无法完成", actor: actor, status: .init(code: error.status))
        }
    }

    static func page(_ body: String, title: String, actor: Actor?, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: PageLayout.render(title: title, actor: actor, body: body))))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A table whose cells are already HTML, in a wrapper that scrolls on a phone.
    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        "<div class=\"table-wrap\"><table><thead><tr>" + headers.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined() + "</tbody></table></div>\n"
    }
}
