import ArgumentParser
import KaoheCore
import KaoheLedger

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
