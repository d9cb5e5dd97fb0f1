import ArgumentParser
import KaoheCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a checklist as resolved after its overlays, each element with its origin.")

    @OptionGroup var rules: RulesOptions

    @Option(help: "The checklist id.")
    var checklist: String

    func run() throws {
        Console.out(ChecklistText.render(try rules.load().plan(checklist).checklist))
    }
}
