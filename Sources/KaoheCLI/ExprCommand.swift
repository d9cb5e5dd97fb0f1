import ArgumentParser
import Foundation
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

    @Option(help: "The rules folder (to use a checklist's facts).")
    var rules: String?

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
        var scope = ExpressionScope()
        var frame = Frame(facts: [], asOf: Day(ordinal: 0), period: nil)
        var asOfDay = asOf
        if rules != nil || checklist != nil || facts != nil {
            let loaded = try Console.loadRules(rules.map { [$0] } ?? [])
            let plan = try Console.plan(loaded.rules, id: checklist)
            scope = plan.scope
            frame.facts = plan.facts.map { .missing([$0.name]) }
            frame.period = plan.checklist.period
            if let facts {
                let input = try InputFiles.readUnitFacts(path: facts, plan: plan)
                frame.facts = input.values
                asOfDay = asOfDay ?? input.asOf
            }
            asOfDay = asOfDay ?? plan.checklist.period?.to
        }
        let compiled: CompiledExpression
        switch ExpressionCompiler(scope: scope).compile(.commandLine(expression)) {
        case .success(let c): compiled = c
        case .failure(let errors):
            var sources = SourceStore()
            sources.add(path: "<expression>", text: expression)
            throw Failure(message: DiagnosticRenderer(sources: sources).render(errors.all))
        }
        if compiled.readsAsOf {
            guard let asOfDay else {
                throw Failure(message: "kaohe: the expression reads as_of; give the date with --as-of YYYY-MM-DD")
            }
            frame.asOf = asOfDay
        }
        let value: Value
        do {
            value = try Evaluator.evaluate(compiled, &frame)
        } catch {
            var sources = SourceStore()
            sources.add(path: "<expression>", text: expression)
            let location = error.location ?? SourceLocation(file: "<expression>", line: 1, column: 1)
            throw Failure(message: DiagnosticRenderer(sources: sources).render(Diagnostic(.error, at: location, error.message)))
        }
        switch format {
        case .text:
            Console.out(value.literal + "\n")
        case .json:
            var fields = ["\"value\": \(value.json)", "\"type\": \(JSONText.quote(compiled.type.description))",
                          "\"literal\": \(JSONText.quote(value.literal))"]
            if case .missing(let names) = value {
                fields.append("\"missing\": [" + names.map(JSONText.quote).joined(separator: ", ") + "]")
            }
            Console.out("{" + fields.joined(separator: ", ") + "}\n")
        }
    }
}
