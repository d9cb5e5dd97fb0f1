import ArgumentParser
import Foundation
import KaoheCore
import KaoheLedger

struct LedgerOptions: ParsableArguments {
    @Option(help: "The ledger file (SQLite; created on first use).")
    var db: String

    func open() throws -> any LedgerStore {
        do {
            return try SQLiteLedgerStore(path: db)
        } catch let error as LedgerError {
            throw Failure(message: "kaohe: \(error.message)")
        }
    }
}

/// Runs a ledger operation, turning its errors into messages for people.
func ledger<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LedgerError {
        throw Failure(message: "kaohe: \(error.message)")
    } catch let error as LedgerInputError {
        throw Failure(message: error.rendered + Console.summary(error.diagnostics))
    } catch let failure as Failure {
        throw failure
    } catch {
        throw Failure(message: "kaohe: the ledger failed: \(error)")
    }
}

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The rectification ledger (整改台账): import findings, follow them to 销号.",
        subcommands: [LedgerImport.self, LedgerUpdate.self, LedgerList.self, LedgerShow.self, LedgerVerify.self, LedgerHeadCommand.self])
}

struct LedgerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record the findings of evaluation results; a later evaluation marks gone findings rectified (回头看).")

    @OptionGroup var options: LedgerOptions

    @Option(help: "Who imports (recorded in the history).")
    var by: String = "kaohe"

    @Argument(help: "Result files from `kaohe evaluate --format json|jsonl -o FILE`.")
    var results: [String]

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one result file") }
    }

    func run() throws {
        let summaries = try ledger { try results.flatMap { try ResultSummary.read(path: $0) } }
        let store = try options.open()
        let summary = try ledger { try store.importResults(summaries, by: by) }
        Console.out("imported \(summaries.count) result\(summaries.count == 1 ? "" : "s"): \(summary.opened) opened, "
            + "\(summary.reopened) reopened, \(summary.rectified) rectified (awaiting 销号), \(summary.unchanged) still open\n")
    }
}

struct LedgerUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Move an item along: open → rectifying → rectified → closed (销号); closed → reopened.")

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The item's number (see `kaohe ledger list`).")
    var id: Int64

    @Option(help: "The new status: \(LedgerStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: LedgerStatus

    @Option(help: "Who makes the change (a verifier for closed).")
    var by: String

    @Option(help: ArgumentHelp("The date of the change (default today).", valueName: "YYYY-MM-DD"))
    var on: Day?

    @Option(help: "A note for the history.")
    var note: String?

    @Option(help: "Evidence: a document number, file or link.")
    var evidence: String?

    func run() throws {
        let day = on ?? Self.today()
        let store = try options.open()
        let item = try ledger { try store.update(id, to: status, by: by, on: day, note: note, evidence: evidence) }
        Console.out("#\(item.id) \(item.findingID): \(item.status.rawValue)（\(item.status.label)）\n")
    }

    /// The date of an update, when none is given: the one place Kaohe reads the clock, to stamp
    /// the history (scoring never does).
    static func today() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai") ?? .current, from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}

extension LedgerStatus: ExpressibleByArgument {}

struct LedgerList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List rectification items.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var options: LedgerOptions

    @Option(help: "Only this unit.")
    var unit: String?

    @Option(help: "Only this status.")
    var status: LedgerStatus?

    @Flag(help: "Only items past their due date and not rectified.")
    var overdue = false

    @Option(help: ArgumentHelp("The date overdue is judged on (default today).", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    func run() throws {
        let day = asOf ?? LedgerUpdate.today()
        let store = try options.open()
        let items = try ledger { try store.items(LedgerFilter(unit: unit, status: status, overdueOn: overdue ? day : nil)) }
        switch format {
        case .table:
            var table = TextTable(headers: ["编号", "单位", "问题", "状态", "期限", "逾期", "责任人"], rightAligned: [0])
            for item in items {
                table.add(["#\(item.id)", item.unitName, item.problem, item.status.label, item.due?.description ?? "",
                           item.isOverdue(on: day) ? "逾期" : "", item.owner ?? ""])
            }
            Console.out(table.render() + "\(items.count) 项\n")
        case .json:
            Console.out("[" + items.map { LedgerJSON.item($0).text }.joined(separator: ", ") + "]\n")
        case .csv:
            let rows = [["编号", "问题编号", "单位", "问题", "整改措施", "责任人", "期限", "状态"]] + items.map {
                ["\($0.id)", $0.findingID, $0.unitName, $0.problem, $0.action ?? "", $0.owner ?? "", $0.due?.description ?? "", $0.status.label]
            }
            Console.out(CSVReport.bom + rows.map { $0.map(CSVReport.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n")
        }
    }
}

struct LedgerShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One item with its whole history.")

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The item's number.")
    var id: Int64

    func run() throws {
        let store = try options.open()
        let (item, history) = try ledger { try store.item(id) }
        var out = "#\(item.id) \(item.findingID)  \(item.unitName)\n"
        out += "问题：\(item.problem)\n状态：\(item.status.label)（\(item.status.rawValue)）\n"
        out += "整改措施：\(item.action ?? "—")  责任人：\(item.owner ?? "—")  期限：\(item.due?.description ?? "—")\n\n历史：\n"
        for entry in history {
            out += "  \(entry.on)  \(entry.actor)  \(entry.from.map { "\($0.label) → " } ?? "")\(entry.to.label)"
                + (entry.note.map { "  \($0)" } ?? "") + (entry.evidence.map { "  证据：\($0)" } ?? "") + "\n"
        }
        Console.out(out)
    }
}

struct LedgerVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Prove that no history entry was altered, removed or moved.",
        discussion: "With --head (the hash a 月通报 or `kaohe ledger head` printed earlier), also prove that the history still holds that entry and everything before it, unchanged: a history cut short or rewritten from the start fails.")

    @OptionGroup var options: LedgerOptions

    @Option(help: "A published head hash (sha256:…) that must still be in the history.")
    var head: String?

    func run() throws {
        let store = try options.open()
        let report = try ledger { try store.verify(head: head) }
        guard report.isIntact else {
            throw Failure(message: report.problems.map { "kaohe: \($0)" }.joined(separator: "\n") + "\nkaohe: the ledger's history has been tampered with")
        }
        var text = "ok: \(report.entries) history entries, the hash chain is intact\n"
        if let at = report.publishedAt {
            text += "ok: the published head is entry #\(at), unchanged with everything before it; \(report.addedSincePublished) entr\(report.addedSincePublished == 1 ? "y" : "ies") added since\n"
        }
        Console.out(text)
    }
}

struct LedgerHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head", abstract: "Print the newest history entry's hash and the entry count, to publish.",
        discussion: "Keep what it prints (every 月通报 prints it too); `kaohe ledger verify --head` later proves the history was neither cut nor rewritten up to it.")

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let store = try options.open()
        Console.out("\(try ledger { try store.head() })\n")
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Reports from the ledger.",
                                                    subcommands: [MonthlyCommand.self])
}

struct MonthlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monthly", abstract: "月通报: rectification by unit for one month.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, html }

    @OptionGroup var options: LedgerOptions

    @Option(help: "The month, YYYY-MM.")
    var month: String

    @Option(help: "Output format: table, markdown, csv or html.")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Write the report to this file.")
    var output: String?

    func validate() throws {
        if MonthlyReport.month(month) == nil { throw ValidationError("--month must look like 2026-11, not '\(month)'") }
    }

    func run() throws {
        guard let month = MonthlyReport.month(month) else { return }
        let store = try options.open()
        let report = try ledger { MonthlyReport(items: try store.items(LedgerFilter()), history: try store.history(), month: month) }
        let text: String
        switch format {
        case .table: text = MonthlyReportRenderer.table(report)
        case .markdown: text = MonthlyReportRenderer.markdown(report)
        case .csv: text = MonthlyReportRenderer.csv(report)
        case .html: text = MonthlyReportRenderer.html(report)
        }
        try Output.write(text, to: output)
    }
}

enum LedgerJSON {
    static func item(_ item: LedgerItem) -> JSONObject {
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
