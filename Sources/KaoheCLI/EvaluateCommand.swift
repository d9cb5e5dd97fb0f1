import ArgumentParser
import KaoheCore

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score self-assessments; one unit in full, or a batch with its ranking.",
        discussion: "INPUT is a YAML or JSON file, a folder of them, or a JSON Lines file (.jsonl).")

    @OptionGroup var rules: RulesOptions

    @Option(help: "The checklist id (default: the one the inputs name, or the only one).")
    var checklist: String?

    @Option(help: ArgumentHelp("The assessment date, overriding the documents' as_of.", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .table

    @Flag(help: "Leave out every item and its explanation (json, jsonl): unit, total, grade, vetoes, bonus, penalty, sections and findings stay. For large batches and machine consumers.")
    var brief = false

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("On-site assessors' score sheets (kind: scoresheet): a file or a folder; they replace the self scores of the manual items they score. Repeatable.",
                               valueName: "path"))
    var scoresheets: [String] = []

    @Option(help: ArgumentHelp("Exit with status 1 when any unit's total is below this.", valueName: "points"))
    var failBelow: Rational?

    @Argument(help: "Self-assessments: files, folders or .jsonl batches.")
    var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one self-assessment file or folder") }
        if brief && !format.takesBrief { throw ValidationError("--brief applies to --format json and jsonl (the reports for people always show every item)") }
    }

    func run() throws {
        let loaded = try rules.load()
        if format == .jsonl, scoresheets.isEmpty, inputs.allSatisfy({ $0.hasSuffix(".jsonl") || $0.hasSuffix(".ndjson") }) {
            // JSON Lines in and out: streamed with flat memory; -o is replaced only when every line was valid.
            let file = try Output.open(output)
            let run = try Console.engine.stream(loaded, inputs: inputs, checklist: checklist, asOf: asOf, brief: brief,
                                                write: { bytes in if let file { try file.write(bytes) } else { Console.out(bytes) } })
            try Output.commit(file)
            return try run.requireTrustworthy()
        }
        let run = try Console.engine.evaluate(loaded, inputs: inputs, checklist: checklist, asOf: asOf, scoresheets: scoresheets,
                                                  progress: Progress.line)
        Progress.finish(total: run.batch.results.count)
        try Output.write(ReportFormat.render(format, run.batch, plan: run.plan, brief: brief), to: output)
        try run.requireTrustworthy()
        if let failBelow, let low = run.firstBelow(failBelow) {
            throw EngineFailure(message: "kaohe: \(low.unit.id) scored \(DecimalMath.format(low.roundedTotal, decimals: 2)), below --fail-below \(DecimalMath.format(failBelow))")
        }
    }
}
