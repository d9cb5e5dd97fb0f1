import ArgumentParser
import Foundation
import KaoheCore

/// The `kaohe` command line as a library, so a district can build its own executable from
/// the engine plus its own pack:
///
/// ```swift
/// import KaoheCLI
/// import KaoheCommon
/// @main enum Main { static func main() { KaoheMain.run(packs: [CommonPack.pack, MyDistrictPack.pack]) } }
/// ```
public enum KaoheMain {
    /// Runs the command tree with `packs` linked in, and exits with the documented status:
    /// 0 done, 1 invalid rules or input (or a failed rule test), 2 usage error. Never a stack trace.
    public static func run(packs: [Pack], bundledRules: [BundledFile] = [], arguments: [String]? = nil) -> Never {
        let registry: Registry
        do {
            registry = try Registry(packs: packs)
        } catch {
            FileHandle.standardError.write(Data("kaohe: \(error)\n".utf8))
            exit(1)
        }
        let environment = Environment(registry: registry, bundledRules: bundledRules)
        Environment.$current.withValue(environment) {
            runCommand(arguments)
        }
        exit(0)
    }

    /// `kaohe ledger --db FILE import …` (SPEC §10) gives the ledger file before the subcommand;
    /// hand it to the subcommand, which owns the option.
    static func normalized(_ arguments: [String]) -> [String] {
        guard arguments.count > 2, ["ledger", "report"].contains(arguments[0]) else { return arguments }
        var rest = Array(arguments.dropFirst())
        var moved: [String] = []
        while let first = rest.first, first.hasPrefix("--db") {
            if first == "--db", rest.count > 1 {
                moved += rest.prefix(2)
                rest.removeFirst(2)
            } else if first.hasPrefix("--db=") {
                moved.append(first)
                rest.removeFirst()
            } else {
                break
            }
        }
        guard !moved.isEmpty, !rest.isEmpty else { return arguments }
        return [arguments[0], rest[0]] + moved + rest.dropFirst()
    }

    static func runCommand(_ arguments: [String]?) {
        do {
            var command = try Kaohe.parseAsRoot(normalized(arguments ?? Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let failure as Failure {
            if !failure.message.isEmpty {
                FileHandle.standardError.write(Data((failure.message.hasSuffix("\n") ? failure.message : failure.message + "\n").utf8))
            }
            exit(1)
        } catch {
            let code = Kaohe.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Kaohe.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            Kaohe.exit(withError: error)
        }
    }
}

/// The input or rules were invalid: the message has already been composed for a person.
/// Why a command failed, as printed to stderr before exit status 1.
struct Failure: Error {
    var message: String

    init(message: String) {
        self.message = message
    }

    /// Every diagnostic, each with its file:line:col, line and caret, then the count.
    init(_ diagnostics: Diagnostics, sources: SourceStore) {
        message = DiagnosticRenderer(sources: sources).render(diagnostics.sorted) + Console.summary(diagnostics)
    }
}

struct Kaohe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaohe",
        abstract: "机关党建考核 — score Party-building self-assessments against a YAML checklist.",
        discussion: "Start with `kaohe validate rules`, then `kaohe evaluate --rules rules examples/…`.",
        version: "0.1.0",
        subcommands: [EvaluateCommand.self, ExplainCommand.self, ValidateCommand.self, TestCommand.self, TemplateCommand.self, ChecksCommand.self, ShowCommand.self, ExprCommand.self, CompetitionCommand.self, LedgerCommand.self, ReportCommand.self]
    )
}

/// A rules file compiled into the executable (see the EmbedRules build plugin).
public struct BundledFile: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// What the running executable links: its packs and its bundled rules. Bound once per run as a
/// task-local value, so the commands need no global mutable state.
struct Environment: Sendable {
    var registry: Registry
    var bundledRules: [BundledFile]

    @TaskLocal static var current = Environment(registry: .empty, bundledRules: [])
}
