import ArgumentParser
import KaoheCore

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a blank self-assessment for a checklist, every fact with its title as a comment.")

    @OptionGroup var rules: RulesOptions

    @Option(help: "The checklist id.")
    var checklist: String?

    @Option(name: .shortAndLong, help: "Write the template to this file.")
    var output: String?

    func run() throws {
        try Output.write(SelfAssessmentTemplate.render(try rules.load().plan(checklist)), to: output)
    }
}
