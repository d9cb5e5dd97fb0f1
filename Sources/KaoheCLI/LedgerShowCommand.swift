import ArgumentParser
import KaoheLedger

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
