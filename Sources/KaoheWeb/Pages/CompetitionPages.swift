import Foundation
import Hummingbird
import KaoheCore
import KaoheServer

/// Brand-project competitions (SPEC §9) as pages. The committee enters daily scores, names the
/// finalists from screening and the on-site ranking, assigns jurors, follows their progress and
/// closes scoring; a juror scores each finalist on a page of its own, made for a phone, and sees
/// no one else's points until the committee closes scoring.
extension PageRoutes {
    func addCompetition(to router: Router<BasicRequestContext>) {
        let base = "rounds/:round/competitions/:competition"
        router.get("rounds/:round/competitions") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let roundID = context.parameters.get("round") ?? ""
                let list = try await WebRequest.offload { () throws(ServiceError) in try service.competitions(roundID, for: actor) }
                return Self.page(competitionsPage(roundID, list, actor), title: "品牌项目比赛", actor: actor)
            }
        }
        router.get(RouterPath(base)) { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let (roundID, id) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "")
                if !actor.user.has(.admin) { return Self.redirect("/rounds/\(roundID)/competitions/\(id)/jury") }
                return try await boardPage(roundID, id, actor, notice: request.uri.queryParameters["done"].map(String.init), error: nil, typed: nil)
            }
        }
        router.post(RouterPath(base + "/daily")) { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let (roundID, id) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "")
                let problems = try await WebRequest.offload { () throws(ServiceError) in try saveDaily(roundID, id, fields, actor) }
                if !problems.isEmpty { return try await boardPage(roundID, id, actor, notice: nil, error: problems.joined(separator: "；"), typed: fields) }
                return Self.redirect("/rounds/\(roundID)/competitions/\(id)?done=daily")
            }
        }
        router.post(RouterPath(base + "/finalists")) { request, context in
            await page(request, changing: true) { actor, _ async throws(ServiceError) in
                let (roundID, id) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "")
                do throws(ServiceError) {
                    _ = try await WebRequest.offload { () throws(ServiceError) in try service.nameFinalists(roundID, id, by: actor) }
                } catch .conflict(let message) {
                    return try await boardPage(roundID, id, actor, notice: nil, error: message, typed: nil)
                }
                return Self.redirect("/rounds/\(roundID)/competitions/\(id)?done=finalists")
            }
        }
        router.post(RouterPath(base + "/jurors")) { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let (roundID, id) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "")
                let juror = fields["juror"] ?? ""
                try await WebRequest.offload { () throws(ServiceError) in
                    if fields["do"] == "remove" {
                        try service.unassignJuror(roundID, id, juror: juror, by: actor)
                    } else {
                        try service.assignJuror(roundID, id, juror: juror, by: actor)
                    }
                }
                return Self.redirect("/rounds/\(roundID)/competitions/\(id)")
            }
        }
        router.post(RouterPath(base + "/close")) { request, context in
            await page(request, changing: true) { actor, _ async throws(ServiceError) in
                let (roundID, id) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "")
                do throws(ServiceError) {
                    try await WebRequest.offload { () throws(ServiceError) in try service.closeCompetition(roundID, id, by: actor) }
                } catch .conflict(let message) {
                    return try await boardPage(roundID, id, actor, notice: nil, error: message, typed: nil)
                } catch .invalid(let message) {
                    return try await boardPage(roundID, id, actor, notice: nil, error: message, typed: nil)
                }
                return Self.redirect("/rounds/\(roundID)/competitions/\(id)?done=closed")
            }
        }
        router.get(RouterPath(base + "/report.html")) { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let (roundID, id) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "")
                let board = try await WebRequest.offload { () throws(ServiceError) in try service.competitionBoard(roundID, id, for: actor) }
                guard let outcome = board.outcome else { throw ServiceError.conflict(board.problem ?? "还没有结果") }
                return WebRequest.download(CompetitionReport.html(outcome), type: "text/html; charset=utf-8", filename: "\(id).html")
            }
        }
        router.get(RouterPath(base + "/jury")) { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let (roundID, id) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "")
                return try await juryPage(roundID, id, actor, saved: request.uri.queryParameters["saved"].map(String.init))
            }
        }
        router.get(RouterPath(base + "/jury/:unit")) { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                try await juryScorePage(context, actor, error: nil, typed: nil)
            }
        }
        router.post(RouterPath(base + "/jury/:unit")) { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let (roundID, id, unit) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "", context.parameters.get("unit") ?? "")
                do throws(ServiceError) {
                    try await WebRequest.offload { () throws(ServiceError) in try service.saveJury(roundID, id, unit, scores: fields, by: actor) }
                } catch .invalid(let message) {
                    return try await juryScorePage(context, actor, error: message, typed: fields)
                }
                return Self.redirect("/rounds/\(roundID)/competitions/\(id)/jury?saved=\(unit)")
            }
        }
    }

    /// The round's competitions: the committee's boards, or a juror's scoring lists.
    func competitionsPage(_ roundID: String, _ list: [Competition], _ actor: Actor) -> String {
        var body = actor.user.has(.admin) ? "<p><a href=\"/rounds/\(E.e(roundID))\">← 返回轮次</a></p>\n" : ""
        body += "<h1>品牌项目比赛 \(E.e(roundID))</h1>\n"
        guard !list.isEmpty else {
            return body + (actor.user.has(.admin) ? "<p>本轮的考核清单没有比赛（kind: competition，onsite 为本轮清单）。</p>" : "<p>还没有请您担任评委的比赛。</p>")
        }
        let path = actor.user.has(.admin) ? "" : "/jury"
        return body + "<ul class=\"units\">" + list.map { c in
            "<li><a href=\"/rounds/\(E.e(roundID))/competitions/\(E.e(c.id.value))\(path)\">\(E.e(c.title))</a></li>"
        }.joined() + "</ul>\n"
    }

    /// Saves every daily score that changed; the problems, one per unit, for the page.
    func saveDaily(_ roundID: String, _ id: String, _ fields: [String: String], _ actor: Actor) throws(ServiceError) -> [String] {
        let board = try service.competitionBoard(roundID, id, for: actor)
        var problems: [String] = []
        for row in board.units {
            guard let typed = fields["daily-\(row.unit.id)"], typed.trimmingCharacters(in: .whitespaces) != (board.record.daily[row.unit.id] ?? "") else { continue }
            do throws(ServiceError) {
                try service.saveDaily(roundID, id, row.unit.id, points: typed, by: actor)
            } catch .invalid(let message) {
                problems.append("\(row.unit.name)：\(message)")
            }
        }
        return problems
    }

    /// The committee's board: where the competition stands, what to do next, the stages so far.
    func boardPage(_ roundID: String, _ id: String, _ actor: Actor, notice: String?, error: String?, typed: [String: String]?) async throws(ServiceError) -> Response {
        let (board, jurors) = try await WebRequest.offload { () throws(ServiceError) in
            (try service.competitionBoard(roundID, id, for: actor), try service.jurorAccounts(for: actor))
        }
        let c = board.definition
        let here = "/rounds/\(E.e(roundID))/competitions/\(E.e(id))"
        var body = "<p><a href=\"/rounds/\(E.e(roundID))/competitions\">← 品牌项目比赛</a></p>\n<h1>\(E.e(c.title))</h1>\n"
        let stage: String
        switch board.stage {
        case .preview: stage = "尚未确定入围名单：下面是按目前已提交单位计算的预览。"
        case .scoring: stage = "入围名单已确定（\(board.finalists.count) 个），评委评分中；评委互相看不到分数，评分结束后公布结果。"
        case .closed: stage = "评分已结束：以下为最终结果。"
        }
        body += "<p class=\"status\">\(E.e(stage))</p>\n"
        let notices = ["daily": "已保存日常得分。", "finalists": "已确定入围名单，可以开始评委评分。"]
        if let notice = notice.flatMap({ notices[$0] }) { body += "<p role=\"status\">\(E.e(notice))</p>\n" }
        if let error { body += "<p class=\"error\" role=\"alert\">\(E.e(error))</p>\n" }
        if let problem = board.problem { body += "<p class=\"error\">\(E.e(problem))</p>\n" }
        body += "<p>规则：初审结论为\(E.e(c.eligible.joined(separator: "或")))的项目按现场考核得分取前 \(c.finalists) 名入围；评委按 \(c.dimensions.count) 个维度评分"
            + "（去掉 \(c.trim) 个最高分和 \(c.trim) 个最低分，每个入围单位至少 \(c.judgesNeeded) 位评委）；最终得分 = 现场 \(DecimalMath.format(c.weights[.onsite] ?? 0))% ＋ 评委 "
            + "\(DecimalMath.format(c.weights[.jury] ?? 0))% ＋ 日常 \(DecimalMath.format(c.weights[.daily] ?? 0))%，评出 \(c.winners) 个优秀项目。</p>\n"
        if board.stage == .preview { body += dailyForm(board, here, actor, typed: typed) }
        if board.stage == .preview {
            body += "<form method=\"post\" action=\"\(here)/finalists\">\(E.csrfField(actor))<p>确定入围名单时，参赛单位固定为已受理的单位（已提交未受理的须先受理或退回）。"
                + "<button type=\"submit\" class=\"primary\">确定入围名单</button></p></form>\n"
        }
        if board.stage != .preview || !board.record.jurors.isEmpty || !jurors.isEmpty { body += jurorSection(board, jurors, here, actor) }
        if board.stage == .scoring {
            body += "<form method=\"post\" action=\"\(here)/close\">\(E.csrfField(actor))<p>所有评委评完后结束评分，结束后不能再改分。"
                + "<button type=\"submit\" class=\"primary\">结束评分，公布结果</button></p></form>\n"
        }
        if let outcome = board.outcome {
            if board.stage == .closed {
                body += "<p class=\"exports\">导出：<a href=\"\(here)/report.html\" download>比赛结果（HTML，可打印）</a>"
                    + "　<a href=\"/api/v1/rounds/\(E.e(roundID))/competitions/\(E.e(id))/sheets\" download=\"\(E.e(id))-sheets.json\">评分表（JSON，kaohe competition 可读）</a></p>\n"
                body += juryDetail(outcome, names: Dictionary(board.record.jurors.map { ($0.id, $0.name) }) { a, _ in a })
            }
            body += CompetitionReport.htmlSections(outcome, stagesOnly: true, wrapped: true)
        }
        return Self.page(body, title: c.title, actor: actor)
    }

    /// Daily scores (日常掌握) for every unit of the round, entered before the finalists are named.
    func dailyForm(_ board: CompetitionBoard, _ here: String, _ actor: Actor, typed: [String: String]?) -> String {
        var body = "<h2>日常得分（日常掌握，0–100 分\(board.needsDaily ? "，计入最终得分" : "，仅用于同分排序")）</h2>\n"
        body += "<form method=\"post\" action=\"\(here)/daily\">\(E.csrfField(actor))"
        body += Self.table(["单位", "状态", "日常得分"], board.units.map { row in
            let field = "daily-\(row.unit.id)"
            let value = typed?[field] ?? board.record.daily[row.unit.id] ?? ""
            return [E.e(row.unit.name), row.status.label,
                    "<input type=\"number\" class=\"points\" id=\"\(E.e(field))\" name=\"\(E.e(field))\" aria-label=\"\(E.e(row.unit.name))的日常得分\" "
                        + "min=\"0\" max=\"100\" step=\"0.01\" inputmode=\"decimal\" value=\"\(E.e(value))\">"]
        })
        return body + "<p><button type=\"submit\">保存日常得分</button></p></form>\n"
    }

    /// The jurors: who is assigned, how many finalists each has scored (never the points before
    /// scoring closes), and the assignment form.
    func jurorSection(_ board: CompetitionBoard, _ accounts: [User], _ here: String, _ actor: Actor) -> String {
        var body = "<h2>评委（\(board.record.jurors.count) 位，至少需要 \(board.definition.judgesNeeded) 位）</h2>\n"
        if accounts.isEmpty { body += "<p>还没有评委账号：用 <code>kaohe users add --role juror</code> 添加。</p>\n" }
        let finalists = board.record.named?.finalists.count
        if !board.record.jurors.isEmpty {
            body += Self.table(["评委", "已评入围单位", ""], board.record.jurors.map { j in
                let remove = board.stage == .closed ? "" : "<form method=\"post\" action=\"\(here)/jurors\" class=\"inline\">\(E.csrfField(actor))"
                    + "<input type=\"hidden\" name=\"juror\" value=\"\(E.e(j.id))\"><input type=\"hidden\" name=\"do\" value=\"remove\">"
                    + "<button type=\"submit\" aria-label=\"移除评委 \(E.e(j.name))\">移除</button></form>"
                return [E.e(j.name), finalists.map { "\(board.record.scored(by: j.id).count) / \($0)" } ?? "—", remove]
            })
        }
        let free = accounts.filter { a in !board.record.jurors.contains { $0.id == a.id } }
        if board.stage != .closed, !free.isEmpty {
            body += "<form method=\"post\" action=\"\(here)/jurors\">\(E.csrfField(actor))<label class=\"inline\" for=\"juror\">评委账号</label> "
                + "<select id=\"juror\" name=\"juror\">" + free.map { "<option value=\"\(E.e($0.id))\">\(E.e($0.name))（\(E.e($0.id))）</option>" }.joined()
                + "</select> <button type=\"submit\">请为评委</button></form>\n"
        }
        return body
    }

    /// After scoring closes: each finalist's judge totals, those trimmed away struck through.
    func juryDetail(_ outcome: CompetitionOutcome, names: [String: String]) -> String {
        guard outcome.juryStage else { return "" }
        return "<h2>各评委总分（划线的为去掉的最高分、最低分）</h2>\n" + Self.table(["单位", "评委总分", "评委得分（百分制）"], outcome.finalRanking.map { r in
            let judges = r.entry.jury?.judges.map { j in
                let text = "\(E.e(names[j.id] ?? j.id)) \(DecimalMath.format(j.total))"
                return j.kept ? text : "<del>\(text)</del>"
            }.joined(separator: "、") ?? "—"
            return [E.e(r.entry.unit.name), judges, r.entry.jury.map { DecimalMath.format($0.score, decimals: 2) } ?? "—"]
        })
    }

    /// A juror's finalists, each with their own total so far; after scoring closes, the results.
    func juryPage(_ roundID: String, _ id: String, _ actor: Actor, saved: String?) async throws(ServiceError) -> Response {
        let (stage, tasks, definition) = try await WebRequest.offload { () throws(ServiceError) in
            let (stage, tasks) = try service.juryTasks(roundID, id, for: actor)
            return (stage, tasks, try service.competitions(roundID, for: actor).first { $0.id.value == id })
        }
        let title = definition?.title ?? id
        var body = "<p><a href=\"/rounds/\(E.e(roundID))/competitions\">← 品牌项目比赛</a></p>\n<h1>\(E.e(title))</h1>\n"
        if let saved, let task = tasks.first(where: { $0.unit.id == saved }) { body += "<p role=\"status\">已保存对 \(E.e(task.unit.name)) 的评分。</p>\n" }
        switch stage {
        case .preview:
            return Self.page(body + "<p>入围名单尚未确定，确定后这里会列出需要您评分的单位。</p>", title: title, actor: actor)
        case .closed:
            body += "<p class=\"status\">评分已结束，不能再改分。</p>\n"
            if let outcome = try? await WebRequest.offload({ () throws(ServiceError) in try service.competitionBoard(roundID, id, for: actor) }).outcome {
                body += CompetitionReport.htmlSections(outcome, stagesOnly: true, wrapped: true)
            }
            return Self.page(body, title: title, actor: actor)
        case .scoring:
            let done = tasks.filter { !$0.mine.isEmpty }.count
            body += "<p>入围单位 \(tasks.count) 个，您已评 \(done) 个。只看得到您自己的分数。</p>\n"
            body += "<ul class=\"units\">" + tasks.map { t in
                let total = t.mine.values.compactMap(DecimalMath.parse).reduce(Rational(0), +)
                return "<li><a href=\"/rounds/\(E.e(roundID))/competitions/\(E.e(id))/jury/\(E.e(t.unit.id))\">\(E.e(t.unit.name))</a>"
                    + "（\(E.e(t.project?.name ?? "—"))）<br>" + (t.mine.isEmpty ? "<span class=\"status\">未评分</span>" : "已评，合计 \(DecimalMath.format(total)) 分") + "</li>"
            }.joined() + "</ul>\n"
            return Self.page(body, title: title, actor: actor)
        }
    }

    /// One finalist to score: a number box per dimension, out of its points; for a phone.
    func juryScorePage(_ context: BasicRequestContext, _ actor: Actor, error: String?, typed: [String: String]?) async throws(ServiceError) -> Response {
        let (roundID, id, unit) = (context.parameters.get("round") ?? "", context.parameters.get("competition") ?? "", context.parameters.get("unit") ?? "")
        let (stage, tasks, definition) = try await WebRequest.offload { () throws(ServiceError) in
            let (stage, tasks) = try service.juryTasks(roundID, id, for: actor)
            return (stage, tasks, try service.competitions(roundID, for: actor).first { $0.id.value == id })
        }
        guard let definition, let task = tasks.first(where: { $0.unit.id == unit }) else { throw ServiceError.notFound("「\(unit)」不是入围单位") }
        let here = "/rounds/\(E.e(roundID))/competitions/\(E.e(id))/jury"
        var body = "<p><a href=\"\(here)\">← 入围单位</a></p>\n<h1>\(E.e(task.unit.name))</h1>\n"
        body += "<dl class=\"facts\"><dt>品牌项目</dt><dd>\(E.e(task.project?.name ?? "—"))</dd><dt>初审结论</dt><dd>\(E.e(task.project?.outcome ?? "—"))</dd></dl>\n"
        if let error { body += "<p class=\"error\" role=\"alert\">\(E.e(error))</p>\n" }
        guard stage == .scoring else { return Self.page(body + "<p>评分已结束，不能再改分。</p>", title: task.unit.name, actor: actor) }
        body += "<form method=\"post\" action=\"\(here)/\(E.e(unit))\">\(E.csrfField(actor))"
        for d in definition.dimensions {
            let value = typed?[d.id] ?? task.mine[d.id] ?? ""
            body += "<label for=\"\(E.e(d.id))\">\(E.e(d.title))（0 到 \(DecimalMath.format(d.points)) 分）</label>"
            body += "<input type=\"number\" class=\"points\" id=\"\(E.e(d.id))\" name=\"\(E.e(d.id))\" min=\"0\" max=\"\(DecimalMath.format(d.points))\" step=\"0.01\" "
                + "inputmode=\"decimal\" required value=\"\(E.e(value))\">"
        }
        body += "<p><button type=\"submit\" class=\"primary\">保存评分</button></p></form>\n"
        return Self.page(body, title: task.unit.name, actor: actor)
    }
}
