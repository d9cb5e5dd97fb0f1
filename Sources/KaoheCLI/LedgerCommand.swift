import ArgumentParser
import Foundation
import KaoheCore
import KaoheLedger

struct LedgerOptions: ParsableArguments {
    @Option(help: "The ledger file (SQLite; created on first use).")
    var db: String

    func open() throws -> Ledger { try Ledger.open(path: db) }
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
        let imported = try options.open().importResults(files: results, by: by)
        Console.out(LedgerText.imported(results: imported.results, imported.summary))
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
        let item = try options.open().update(id, to: status, by: by, on: on ?? Ledger.today(), note: note, evidence: evidence)
        Console.out(LedgerText.moved(item))
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
        let day = asOf ?? Ledger.today()
        let items = try options.open().items(LedgerFilter(unit: unit, status: status, overdueOn: overdue ? day : nil))
        switch format {
        case .table: Console.out(LedgerText.table(items, on: day))
        case .json: Console.out(LedgerText.json(items))
        case .csv: Console.out(LedgerText.csv(items))
        }
    }
}

struct LedgerShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One item with its whole history.")

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The item's number.")
    var id: Int64

    func run() throws {
        let found = try options.open().item(id)
        Console.out(LedgerText.item(found.item, history: found.history))
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
        Console.out(try LedgerText.verified(try options.open().verify(head: head)))
    }
}

struct LedgerHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head", abstract: "Print the newest history entry's hash and the entry count, to publish.",
        discussion: "Keep what it prints (every 月通报 prints it too); `kaohe ledger verify --head` later proves the history was neither cut nor rewritten up to it.")

    @OptionGroup var options: LedgerOptions

    func run() throws {
        Console.out("\(try options.open().head())\n")
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
        let report = try options.open().monthlyReport(month)
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
