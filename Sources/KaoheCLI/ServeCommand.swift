import ArgumentParser
import Foundation
import Hummingbird
import KaoheCore
import KaoheServer
import KaoheWeb

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve an assessment round in the browser: the pages and the JSON API (SPEC §12).",
        discussion: "Try it with `kaohe serve --demo`: a scratch database with 市中区's example units, accounts and passwords printed.")

    @OptionGroup var rules: RulesOptions

    @Option(help: "The database: an SQLite file (created on first use) or a postgres://USER@HOST:PORT/DATABASE address.")
    var db: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "A scratch database seeded from examples/, its accounts and passwords printed.")
    var demo = false

    func validate() throws {
        if db == nil && !demo { throw ValidationError("give --db FILE, or --demo for a scratch database") }
        if db != nil && demo { throw ValidationError("--demo makes its own scratch database; leave out --db") }
    }

    func run() throws {
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-demo-\(UUID().uuidString).db").path
        let store: SQLServerStore
        do { store = try SQLServerStore(location: path) } catch { throw EngineFailure(message: "kaohe: \(error.message)") }
        let service = KaoheService(store: store, engine: Console.engine, rules: try rules.load())
        if demo {
            let accounts = try serving { () throws(ServiceError) in try Demo.seed(service, examples: "examples") }
            Console.out("演示数据库：\(path)\n账号（密码每次启动重新生成）：\n")
            for account in accounts {
                Console.out("  \(account.user.id.padding(toLength: 10, withPad: " ", startingAt: 0))  \(account.password)  \(account.user.name)\n")
            }
        }
        Console.out("kaohe serve: http://\(host):\(port)/\n")
        let app = WebServer.application(service, host: host, port: port)
        let finished = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        Task {
            do { try await app.runService() } catch { failure.set("kaohe: the server stopped: \(error)") }
            finished.signal()
        }
        finished.wait()
        if let message = failure.message { throw EngineFailure(message: message) }
    }
}

/// The server task's error, read once it has finished.
final class ServeFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    var message: String? { lock.withLock { stored } }

    func set(_ message: String) { lock.withLock { stored = message } }
}
