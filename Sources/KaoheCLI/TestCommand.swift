import ArgumentParser
import KaoheCore

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rule tests (kind: tests) beside the rules, like `opa test`.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, junit
    }

    @Argument(help: "Rules folders holding the tests (default: rules).")
    var paths: [String] = []

    @Option(help: "Output format: text or junit (JUnit XML).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the report to this file.")
    var output: String?

    func run() throws {
        let report = try Console.engine.test(try RulesOptions.load(paths))
        try Output.write(format == .junit ? JUnitReport.render(report) : RuleTestText.render(report), to: output)
        if report.failed > 0 { throw EngineFailure(message: "") }
    }
}
