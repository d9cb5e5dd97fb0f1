import ArgumentParser
import KaoheCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a checklist as resolved after its overlays, each element with its origin.")

    @Option(help: "The rules folder (default: ./rules, else the rules built into kaohe).")
    var rules: String?

    @Option(help: "The checklist id.")
    var checklist: String

    func run() throws {
        let result = try Console.loadRules(rules.map { [$0] } ?? [])
        let plan = try Console.plan(result.rules, id: checklist)
        Console.out(ChecklistPrinter.render(plan.checklist))
    }
}
