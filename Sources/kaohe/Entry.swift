import ArgumentParser
import Foundation

/// Runs the command tree and maps failures to the documented exit statuses:
/// 0 done, 1 invalid rules or input (or a failed rule test), 2 usage error. Never a stack trace.
@main
enum Entry {
    static func main() {
        do {
            var command = try Kaohe.parseAsRoot()
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
struct Failure: Error {
    var message: String
}

struct Kaohe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaohe",
        abstract: "机关党建考核 — score Party-building self-assessments against a YAML checklist.",
        discussion: "Start with `kaohe validate rules`, then `kaohe evaluate --rules rules examples/…`.",
        version: "0.1.0",
        subcommands: [EvaluateCommand.self, ExplainCommand.self, ValidateCommand.self, TestCommand.self, TemplateCommand.self, ChecksCommand.self, ShowCommand.self, ExprCommand.self]
    )
}
