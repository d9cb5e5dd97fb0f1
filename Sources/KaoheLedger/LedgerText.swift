import KaoheCore

/// The ledger's answers as text, tables, JSON and CSV for people and for Excel.
public enum LedgerText {
    /// `imported 3 results: 2 opened, 0 reopened, 1 rectified (awaiting 销号), 4 still open`.
    public static func imported(results: Int, _ s: ImportSummary) -> String {
        "imported \(results) result\(results == 1 ? "" : "s"): \(s.opened) opened, "
            + "\(s.reopened) reopened, \(s.rectified) rectified (awaiting 销号), \(s.unchanged) still open\n"
    }

    /// `#3 leshan/…: closed（已销号）`.
    public static func moved(_ item: LedgerItem) -> String {
        "#\(item.id) \(item.findingID): \(item.status.rawValue)（\(item.status.label)）\n"
    }

    /// The items as a table aligned by display width, overdue judged on `day`.
    public static func table(_ items: [LedgerItem], on day: Day) -> String {
        var table = TextTable(headers: ["编号", "单位", "问题", "状态", "期限", "逾期", "责任人"], rightAligned: [0])
        for item in items {
            table.add(["#\(item.id)", item.unitName, item.problem, item.status.label, item.due?.description ?? "",
                       item.isOverdue(on: day) ? "逾期" : "", item.owner ?? ""])
        }
        return table.render() + "\(items.count) 项\n"
    }

    /// The items as a JSON array.
    public static func json(_ items: [LedgerItem]) -> String {
        "[" + items.map { itemJSON($0).text }.joined(separator: ", ") + "]\n"
    }

    /// CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends.
    public static func csv(_ items: [LedgerItem]) -> String {
        let rows = [["编号", "问题编号", "单位", "问题", "整改措施", "责任人", "期限", "状态"]] + items.map {
            ["\($0.id)", $0.findingID, $0.unitName, $0.problem, $0.action ?? "", $0.owner ?? "", $0.due?.description ?? "", $0.status.label]
        }
        return CSVReport.bom + rows.map { $0.map(CSVReport.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One item and its whole history.
    public static func item(_ item: LedgerItem, history: [HistoryEntry]) -> String {
        var out = "#\(item.id) \(item.findingID)  \(item.unitName)\n"
        out += "问题：\(item.problem)\n状态：\(item.status.label)（\(item.status.rawValue)）\n"
        out += "整改措施：\(item.action ?? "—")  责任人：\(item.owner ?? "—")  期限：\(item.due?.description ?? "—")\n\n历史：\n"
        for entry in history {
            out += "  \(entry.on)  \(entry.actor)  \(entry.from.map { "\($0.label) → " } ?? "")\(entry.to.label)"
                + (entry.note.map { "  \($0)" } ?? "") + (entry.evidence.map { "  证据：\($0)" } ?? "") + "\n"
        }
        return out
    }

    /// What `verify` proved, or a failure listing what it found broken.
    public static func verified(_ report: VerifyReport) throws(EngineFailure) -> String {
        guard report.isIntact else {
            throw EngineFailure(message: report.problems.map { "kaohe: \($0)" }.joined(separator: "\n") + "\nkaohe: the ledger's history has been tampered with")
        }
        var text = "ok: \(report.entries) history entries, the hash chain is intact\n"
        if let at = report.publishedAt {
            text += "ok: the published head is entry #\(at), unchanged with everything before it; \(report.addedSincePublished) entr\(report.addedSincePublished == 1 ? "y" : "ies") added since\n"
        }
        return text
    }

    /// One item, its history and the moves the reader may make, as one JSON object (the API's
    /// `GET /ledger/{id}`).
    public static func json(_ item: LedgerItem, history: [HistoryEntry], moves: [LedgerStatus]) -> String {
        var o = JSONObject()
        o.add("item", itemJSON(item))
        o.add("history", array: history.map { entry in
            var x = JSONObject()
            x.add("sequence", raw: String(entry.sequence))
            x.add("on", entry.on.description)
            x.add("actor", entry.actor)
            x.add("action", entry.action.rawValue)
            x.add("from", entry.from?.rawValue)
            x.add("to", entry.to.rawValue)
            x.add("note", entry.note)
            x.add("evidence", entry.evidence)
            x.add("hash", entry.hash)
            return x.text
        })
        o.add("moves", strings: moves.map(\.rawValue))
        return o.text + "\n"
    }

    static func itemJSON(_ item: LedgerItem) -> JSONObject {
        var o = JSONObject()
        o.add("id", raw: String(item.id))
        o.add("finding", item.findingID)
        o.add("unit", item.unit)
        o.add("unit_name", item.unitName)
        o.add("item", item.item)
        o.add("problem", item.problem)
        o.add("action", item.action)
        o.add("owner", item.owner)
        o.add("severity", item.severity)
        o.add("due", item.due?.description)
        o.add("status", item.status.rawValue)
        o.add("opened_on", item.openedOn.description)
        return o
    }
}
