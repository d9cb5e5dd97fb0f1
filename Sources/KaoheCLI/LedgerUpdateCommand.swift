import ArgumentParser
import KaoheCore
import KaoheLedger

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
