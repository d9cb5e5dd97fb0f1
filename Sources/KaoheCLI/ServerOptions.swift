import ArgumentParser
import Foundation
import KaoheCore
import KaoheServer

/// `--db FILE|postgres://…` for the web service's commands: the database of users, rounds and the ledger.
struct ServerOptions: ParsableArguments {
    @Option(help: "The database: an SQLite file (created on first use) or a postgres:// address; the ledger lives in it too.")
    var db: String

    /// The service on this database, with `rules` (the default rules when none are given).
    func service(rules: LoadResult? = nil) throws -> KaoheService {
        let store: SQLServerStore
        do { store = try SQLServerStore(location: db) } catch { throw EngineFailure(message: "kaohe: \(error.message)") }
        return KaoheService(store: store, engine: Console.engine, rules: try rules ?? RulesOptions.load([]))
    }
}

/// Runs a service operation, turning its refusal into a message for people.
func serving<T>(_ body: () throws(ServiceError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw EngineFailure(message: "kaohe: \(error.message)")
    }
}

/// A password from standard input (one line), so it is never on a command line or in a shell's history.
func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw EngineFailure(message: "kaohe: give the password on standard input, e.g. `read -s P; echo \"$P\" | kaohe users …`")
    }
    return line
}
