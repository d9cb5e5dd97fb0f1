import ArgumentParser
import KaoheCore

struct ExprCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expr",
        abstract: "Evaluate an expression, on plain values or against a unit's facts.",
        discussion: """
            kaohe expr '1 + 2 * 3'
            kaohe expr --rules rules --checklist leshan-shizhong.organs --facts examples/leshan-shizhong/minzheng.yaml \\
                "size(meetings.filter(m, m.kind == '支委会'))"
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var rules: RulesOptions

    @Option(help: "The checklist whose facts the expression may use.")
    var checklist: String?

    @Option(help: "A self-assessment (or a plain mapping of facts) to evaluate against.")
    var facts: String?

    @Option(help: ArgumentHelp("The assessment date for as_of.", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: "The expression.")
    var expression: String

    func run() throws {
        let usesRules = rules.rules != nil || checklist != nil || facts != nil
        let context = Engine.ExpressionContext(rules: usesRules ? try rules.load() : nil, checklist: checklist, facts: facts, asOf: asOf)
        let answer = try Console.engine.evaluateExpression(expression, in: context)
        Console.out((format == .json ? answer.json : answer.value.literal) + "\n")
    }
}
