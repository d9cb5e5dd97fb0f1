import ArgumentParser
import KaoheCore
import KaoheLedger

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
