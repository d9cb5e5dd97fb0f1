import ArgumentParser
import Foundation
import KaoheCore

struct CompetitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "competition",
        abstract: "Run a brand-project competition: screening, on-site ranking, finalists, jury, final ranking, winners.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, json, html }

    @Option(help: "The rules folder (default: ./rules, else the rules built into kaohe).")
    var rules: String?

    @Option(help: "The competition id.")
    var competition: String

    @Option(help: "Folder of self-assessments (one per unit, each with its brand project).")
    var assessments: String

    @Option(help: "Folder of on-site score sheets (kind: scoresheet).")
    var scoresheets: String?

    @Option(help: "Folder of judges' sheets (kind: jury); without it the run stops after choosing finalists.")
    var jury: String?

    @Option(help: "The day-to-day scores (kind: daily).")
    var daily: String?

    @Option(help: "Output format: table, markdown, json or html.")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Write the report to this file.")
    var output: String?

    func run() throws {
        if let daily { try InputFiles.requireFile(daily) }
        let loaded = try Console.loadRules(rules.map { [$0] } ?? [])
        guard let definition = loaded.rules.competitions[competition] else {
            let known = loaded.rules.competitions.keys.sorted()
            throw Failure(message: "kaohe: no competition '\(competition)' in the rules"
                + (Suggestion.didYouMean(competition, in: known).map { "; \($0)" } ?? "; competitions: \(known.joined(separator: ", "))"))
        }
        let plan = try Console.plan(loaded.rules, id: definition.onsite.value)
        var sources = loaded.sources
        var diagnostics = Diagnostics()
        let reader = AssessmentReader()
        let assessmentDocs = reader.documents(paths: [assessments], sources: &sources, diagnostics: &diagnostics)
        let sheetDocs = scoresheets.map { reader.documents(paths: [$0], sources: &sources, diagnostics: &diagnostics) } ?? []
        let juryDocs = jury.map { reader.documents(paths: [$0], sources: &sources, diagnostics: &diagnostics) }
        let dailyDoc = daily.flatMap { reader.documents(paths: [$0], sources: &sources, diagnostics: &diagnostics).first }
        let runner = CompetitionRunner(competition: definition,
                                       evaluator: BatchEvaluator(scorer: Scorer(plan: plan, registry: try Console.registry())))
        var outcome: CompetitionOutcome?
        if !diagnostics.hasErrors {
            outcome = runner.run(assessments: assessmentDocs, scoresheets: sheetDocs, jury: juryDocs, daily: dailyDoc, diagnostics: &diagnostics)
        }
        guard let outcome, !diagnostics.hasErrors else {
            throw Failure(diagnostics, sources: sources)
        }
        let text: String
        switch format {
        case .table: text = CompetitionReport.table(outcome)
        case .markdown: text = CompetitionReport.markdown(outcome)
        case .json: text = CompetitionReport.json(outcome)
        case .html: text = CompetitionReport.html(outcome)
        }
        try Output.write(text, to: output)
    }
}
