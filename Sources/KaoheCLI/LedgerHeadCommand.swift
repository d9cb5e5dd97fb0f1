import ArgumentParser
import KaoheLedger

struct LedgerHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head", abstract: "Print the newest history entry's hash and the entry count, to publish.",
        discussion: "Keep what it prints (every 月通报 prints it too); `kaohe ledger verify --head` later proves the history was neither cut nor rewritten up to it.")

    @OptionGroup var options: LedgerOptions

    func run() throws {
        Console.out("\(try options.open().head())\n")
    }
}
