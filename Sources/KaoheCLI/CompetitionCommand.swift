import ArgumentParser
import KaoheCore

struct CompetitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "competition",
        abstract: "Run a brand-project competition: screening, on-site ranking, finalists, jury, final ranking, winners.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, json, html }

    @OptionGroup var rules: RulesOptions

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
        let files = Engine.CompetitionFiles(assessments: assessments, scoresheets: scoresheets, jury: jury, daily: daily)
        let outcome = try Console.engine.competition(try rules.load(), id: competition, files: files)
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
