import ArgumentParser
import Foundation
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
        let loaded = try Console.loadRules(paths)
        let report = RuleTestRunner(rules: loaded.rules, registry: try Console.registry()).run(sources: loaded.sources)
        if report.diagnostics.hasErrors {
            throw Failure(message: DiagnosticRenderer(sources: report.sources).render(report.diagnostics.sorted))
        }
        let text = format == .junit ? JUnitReport.render(report) : RuleTestText.render(report)
        try Output.write(text, to: output)
        if report.failed > 0 { throw Failure(message: "") }
    }
}
