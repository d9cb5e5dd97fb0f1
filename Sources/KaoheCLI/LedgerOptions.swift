import ArgumentParser
import KaoheLedger

/// `--db FILE`, shared by every ledger and report command.
struct LedgerOptions: ParsableArguments {
    @Option(help: "The ledger file (SQLite; created on first use).")
    var db: String

    func open() throws -> Ledger { try Ledger.open(path: db) }
}
