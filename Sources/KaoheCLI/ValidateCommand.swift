import ArgumentParser
import KaoheCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load, resolve and type-check rules; print every problem with file:line:col.")

    @Argument(help: "Rules folders or files (default: ./rules, else the rules built into kaohe).")
    var paths: [String] = []

    func run() throws {
        let result = try Console.load(paths)
        let diagnostics = result.diagnostics.sorted
        Console.out(DiagnosticRenderer(sources: result.sources).render(diagnostics))
        let rules = result.rules
        if result.diagnostics.hasErrors {
            throw Failure(message: Console.summary(result.diagnostics))
        }
        Console.out("ok: \(rules.plans.count) checklist\(rules.plans.count == 1 ? "" : "s"), \(rules.standards.count) standards, \(rules.tests.count) test file\(rules.tests.count == 1 ? "" : "s")"
            + (diagnostics.isEmpty ? "\n" : ", " + Console.summary(result.diagnostics)))
    }
}
