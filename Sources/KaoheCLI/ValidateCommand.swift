import ArgumentParser
import KaoheCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load, resolve and type-check rules; print every problem with file:line:col.")

    @Argument(help: "Rules folders or files (default: ./rules, else the rules built into kaohe).")
    var paths: [String] = []

    func run() throws {
        let result = Console.engine.loadRules(at: paths)
        Console.out(DiagnosticRenderer(sources: result.sources).render(result.diagnostics.sorted))
        if result.diagnostics.hasErrors { throw EngineFailure(message: result.diagnostics.countLine) }
        Console.out(RulesSummary.line(result))
    }
}
