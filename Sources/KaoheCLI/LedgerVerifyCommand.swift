import ArgumentParser
import KaoheLedger

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
