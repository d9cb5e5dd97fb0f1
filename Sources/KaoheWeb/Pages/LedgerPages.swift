import Foundation
import Hummingbird
import KaoheCore
import KaoheLedger
import KaoheServer

/// The rectification ledger (整改台账) as pages: the list (a unit sees its own items; the committee
/// and verifiers every unit's, filtered by unit, status and overdue, and exported), and each item
/// with its history and the moves its reader may make.
extension PageRoutes {
    func addLedger(to router: Router<BasicRequestContext>) {
        router.get("ledger") { request, _ in
            await page(request) { actor, _ async throws(ServiceError) in
                let filter = LedgerQuery(request.uri.queryParameters)
                let items = try await WebRequest.offload { () throws(ServiceError) in try service.ledgerItems(unit: filter.unit, status: filter.status, for: actor) }
                return Self.page(ledgerPage(filter.apply(items, today: service.clock.today()), filter, actor), title: "整改台账", actor: actor)
            }
        }
        router.get("ledger.csv") { request, _ in
            await page(request) { actor, _ async throws(ServiceError) in
                let filter = LedgerQuery(request.uri.queryParameters)
                let items = try await WebRequest.offload { () throws(ServiceError) in try service.ledgerItems(unit: filter.unit, status: filter.status, for: actor) }
                let today = service.clock.today()
                return LedgerExport.csv(filter.apply(items, today: today), today: today)
            }
        }
        router.get("ledger/:id") { request, context in
            await page(request) { actor, _ async throws(ServiceError) in
                let id = Int64(context.parameters.get("id") ?? "") ?? 0
                let (item, history) = try await WebRequest.offload { () throws(ServiceError) in try service.ledgerItem(id, for: actor) }
                return Self.page(itemPage(item, history, actor), title: "整改事项 #\(id)", actor: actor)
            }
        }
        router.post("ledger/:id/move") { request, context in
            await page(request, changing: true) { actor, fields async throws(ServiceError) in
                let id = Int64(context.parameters.get("id") ?? "") ?? 0
                guard let status = fields["status"].flatMap(LedgerStatus.init(rawValue:)) else { throw ServiceError.invalid("请选择要改成的状态") }
                let note = fields["note"].flatMap { $0.isEmpty ? nil : $0 }
                let evidence = fields["evidence"].flatMap { $0.isEmpty ? nil : $0 }
                _ = try await WebRequest.offload { () throws(ServiceError) in try service.moveLedgerItem(id, to: status, note: note, evidence: evidence, by: actor) }
                return Self.redirect("/ledger/\(id)")
            }
        }
    }

    func ledgerPage(_ items: [LedgerItem], _ filter: LedgerQuery, _ actor: Actor) -> String {
        let today = service.clock.today()
        let everyone = actor.user.has(.admin) || actor.user.has(.verifier)
        var body = "<h1>整改台账</h1>\n"
        body += "<form method=\"get\" action=\"/ledger\" class=\"filters\">"
        if everyone {
            body += "<label for=\"unit\">单位编号</label><input type=\"text\" id=\"unit\" name=\"unit\" value=\"\(E.e(filter.unit ?? ""))\" placeholder=\"全部\">"
        }
        body += "<label for=\"status\">状态</label><select id=\"status\" name=\"status\"><option value=\"\">全部</option>"
            + LedgerStatus.allCases.map { "<option value=\"\($0.rawValue)\"\(filter.status == $0 ? " selected" : "")>\($0.label)</option>" }.joined() + "</select>"
        body += "<label class=\"inline\"><input type=\"checkbox\" name=\"overdue\" value=\"1\"\(filter.overdue ? " checked" : "")> 只看逾期</label> "
        body += "<button type=\"submit\">筛选</button></form>\n"
        let outstanding = items.filter(\.status.isOutstanding).count
        let overdue = items.filter { $0.isOverdue(on: today) }.count
        body += "<p>共 \(items.count) 项，未整改 \(outstanding) 项，其中逾期 <strong class=\"error\">\(overdue)</strong> 项（截至 \(today)）。"
        if everyone { body += "　<a href=\"/ledger.csv\(filter.query)\" download>导出 CSV（Excel）</a>" }
        body += "</p>\n"
        guard !items.isEmpty else { return body + "<p>没有符合条件的整改事项。</p>" }
        return body + Self.table(["编号", "单位", "问题", "整改措施", "责任人", "期限", "状态"], items.map { item in
            let late = item.isOverdue(on: today)
            return ["<a href=\"/ledger/\(item.id)\">#\(item.id)</a>", E.e(item.unitName), E.e(item.problem), E.e(item.action ?? "—"), E.e(item.owner ?? "—"),
                    "<span class=\"\(late ? "error overdue" : "")\">\(item.due?.description ?? "—")\(late ? "（已逾期）" : "")</span>",
                    "<span class=\"status\">\(item.status.label)</span>"]
        })
    }

    func itemPage(_ item: LedgerItem, _ history: [HistoryEntry], _ actor: Actor) -> String {
        let today = service.clock.today()
        let late = item.isOverdue(on: today)
        var body = "<p><a href=\"/ledger\">← 返回整改台账</a></p>\n<h1>整改事项 #\(item.id)</h1>\n"
        body += "<dl class=\"facts\"><dt>单位</dt><dd>\(E.e(item.unitName))（\(E.e(item.unit))）</dd><dt>考核项目</dt><dd>\(E.e(item.item))</dd>"
        body += "<dt>问题</dt><dd>\(E.e(item.problem))</dd><dt>整改措施</dt><dd>\(E.e(item.action ?? "—"))</dd><dt>责任人</dt><dd>\(E.e(item.owner ?? "—"))</dd>"
        body += "<dt>整改期限</dt><dd class=\"\(late ? "error" : "")\">\(item.due?.description ?? "—")\(late ? "（已逾期）" : "")</dd>"
        body += "<dt>状态</dt><dd><strong>\(item.status.label)</strong></dd></dl>\n"
        body += lookback(history)
        let moves = service.moves(of: item, history: history, for: actor)
        if !moves.isEmpty {
            body += "<h2>办理</h2><form method=\"post\" action=\"/ledger/\(item.id)/move\">\(E.csrfField(actor))"
            body += "<fieldset><legend>改为</legend>" + moves.enumerated().map { index, status in
                "<label class=\"inline\"><input type=\"radio\" name=\"status\" value=\"\(status.rawValue)\"\(index == 0 ? " checked" : "")> \(Self.moveLabel(status, from: item.status))</label> "
            }.joined() + "</fieldset>"
            body += "<label for=\"note\">说明（整改情况、核查意见或退回原因）</label><input type=\"text\" id=\"note\" name=\"note\">"
            body += "<label for=\"evidence\">佐证材料（文号或存放位置，可不填）</label><input type=\"text\" id=\"evidence\" name=\"evidence\">"
            body += "<p><button type=\"submit\" class=\"primary\">提交</button></p></form>\n"
        }
        body += "<h2>办理记录</h2>\n"
        return body + Self.table(["日期", "办理人", "状态", "说明", "佐证材料"], history.map { entry in
            [entry.on.description, E.e(entry.actor), (entry.from.map { "\($0.label) → " } ?? "") + entry.to.label, E.e(entry.note ?? ""), E.e(entry.evidence ?? "")]
        })
    }

    /// 回头看: what each later assessment found of this problem — gone (rectified, awaiting a
    /// verifier's 销号) or back after it was closed (reopened) — with when and on whose acceptance.
    func lookback(_ history: [HistoryEntry]) -> String {
        let found = history.filter { $0.action == .rectified || $0.action == .reopened }
        guard !found.isEmpty else { return "" }
        return "<h2>回头看</h2>\n<ul class=\"lookback\">" + found.map { entry in
            let what = entry.action == .rectified
                ? "再次考核时问题未再出现：转为<strong>已整改</strong>，待核查人核查销号"
                : "销号后再次考核时问题又出现：<strong>重新打开</strong>，需再次整改"
            return "<li>\(entry.on.description) \(what)（\(E.e(entry.actor)) 受理考核结果时自动比对）</li>"
        }.joined() + "</ul>\n"
    }

    /// What a move is called where it is made: 销号, 退回整改 (a verifier sending it back), …
    static func moveLabel(_ status: LedgerStatus, from: LedgerStatus) -> String {
        switch (from, status) {
        case (.rectified, .rectifying): "退回整改"
        case (_, .closed): "销号（核查属实）"
        case (_, .rectified): "已整改，报请销号"
        default: status.label
        }
    }
}

/// The ledger list's filters, from the query string, and back into one.
struct LedgerQuery {
    var unit: String?
    var status: LedgerStatus?
    var overdue: Bool

    init(_ parameters: Parameters) {
        unit = parameters["unit"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        status = parameters["status"].flatMap { LedgerStatus(rawValue: String($0)) }
        overdue = parameters["overdue"] == "1"
    }

    func apply(_ items: [LedgerItem], today: Day) -> [LedgerItem] {
        overdue ? items.filter { $0.isOverdue(on: today) } : items
    }

    var query: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let parts = [unit.map { "unit=\($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" },
                     status.map { "status=\($0.rawValue)" }, overdue ? "overdue=1" : nil].compactMap { $0 }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}

/// The ledger as CSV for Excel (a byte-order mark, one item a row).
enum LedgerExport {
    static func csv(_ items: [LedgerItem], today: Day) -> Response {
        var text = CSVReport.bom + "编号,单位编号,单位,考核项目,问题,整改措施,责任人,整改期限,状态,逾期\r\n"
        for item in items {
            text += [String(item.id), item.unit, item.unitName, item.item, item.problem, item.action ?? "", item.owner ?? "",
                     item.due?.description ?? "", item.status.label, item.isOverdue(on: today) ? "是" : "否"].map(CSVReport.field).joined(separator: ",") + "\r\n"
        }
        return WebRequest.download(text, type: "text/csv; charset=utf-8", filename: "ledger-\(today).csv")
    }
}
