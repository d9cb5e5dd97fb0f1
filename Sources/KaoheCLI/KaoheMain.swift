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
        let engine: Engine
        do {
            engine = try Engine(packs: packs, bundledRules: bundledRules)
        } catch {
            FileHandle.standardError.write(Data((error.rendered + "\n").utf8))
            exit(1)
        }
        Environment.$current.withValue(engine) {
            runCommand(arguments)
        }
        exit(0)
    }

    /// `kaohe ledger --db FILE import …` (SPEC §10) gives the ledger file before the subcommand;
    /// hand it to the subcommand, which owns the option.
    static func normalized(_ arguments: [String]) -> [String] {
        guard arguments.count > 2, ["ledger", "report", "users", "rounds"].contains(arguments[0]) else { return arguments }
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
        } catch let failure as EngineFailure {
            let text = failure.rendered
            if !text.isEmpty {
                FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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

struct Kaohe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaohe",
        abstract: "机关党建考核 — score Party-building self-assessments against a YAML checklist.",
        discussion: "Start with `kaohe validate rules`, then `kaohe evaluate --rules rules examples/…`.",
        version: "0.1.0",
        subcommands: [EvaluateCommand.self, ExplainCommand.self, ValidateCommand.self, TestCommand.self, TemplateCommand.self, ChecksCommand.self, ShowCommand.self, ExprCommand.self, CompetitionCommand.self, LedgerCommand.self, ReportCommand.self, UsersCommand.self, RoundsCommand.self, ServeCommand.self]
    )
}

/// The engine of the running executable (its packs and bundled rules). Bound once per run as
/// a task-local value, so the commands need no global mutable state.
enum Environment {
    @TaskLocal static var current = Engine(registry: .empty)
}
