import ArgumentParser
import KaoheLedger

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The rectification ledger (整改台账): import findings, follow them to 销号.",
        subcommands: [LedgerImport.self, LedgerUpdate.self, LedgerList.self, LedgerShow.self, LedgerVerify.self, LedgerHeadCommand.self])
}
