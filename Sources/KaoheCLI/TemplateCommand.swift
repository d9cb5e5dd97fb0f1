import ArgumentParser
import KaoheCore

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a blank self-assessment for a checklist, every fact with its title as a comment.")

    @Option(help: "The rules folder (default: ./rules, else the rules built into kaohe).")
    var rules: String?

    @Option(help: "The checklist id.")
    var checklist: String?

    @Option(name: .shortAndLong, help: "Write the template to this file.")
    var output: String?

    func run() throws {
        let loaded = try Console.loadRules(rules.map { [$0] } ?? [])
        let plan = try Console.plan(loaded.rules, id: checklist)
        try Output.write(SelfAssessmentTemplate.render(plan), to: output)
    }
}
