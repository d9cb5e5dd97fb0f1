import ArgumentParser
import KaoheCore

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List the checks and functions of every pack linked into kaohe.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let registry = Console.engine.registry
        Console.out(format == .json ? CheckCatalog.json(registry) : CheckCatalog.text(registry))
    }
}
