import ArgumentParser
import KaoheCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every step behind one item's score for one unit.")

    @OptionGroup var rules: RulesOptions

    @Option(help: "The checklist id (default: the one the input names).")
    var checklist: String?

    @Option(help: ArgumentHelp("The assessment date.", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @Option(help: "The item, penalty, bonus or veto id.")
    var item: String

    @Argument(help: "One self-assessment.")
    var input: String

    func run() throws {
        let explanation = try Console.engine.explain(try rules.load(), input: input, item: item, checklist: checklist, asOf: asOf)
        Console.out(ExplanationText.render(explanation))
    }
}
