import ArgumentParser
import KaoheCore

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a blank self-assessment for a checklist, every fact with its title as a comment.")

    @Option(help: "The rules folder.")
    var rules: String = "rules"

    @Option(help: "The checklist id.")
    var checklist: String?

    @Option(name: .shortAndLong, help: "Write the template to this file.")
    var output: String?

    func run() throws {
        let loaded = try Console.loadRules([rules])
        let plan = try Console.plan(loaded.rules, id: checklist)
        try Output.write(SelfAssessmentTemplate.render(plan), to: output)
    }
}
