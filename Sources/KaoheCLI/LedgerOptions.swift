import ArgumentParser
import KaoheLedger

/// `--db FILE`, shared by every ledger and report command.
struct LedgerOptions: ParsableArguments {
    @Option(help: "The ledger: an SQLite file (created on first use) or a postgres://USER@HOST:PORT/DATABASE address.")
    var db: String

    func open() throws -> Ledger { try Ledger.open(path: db) }
}
