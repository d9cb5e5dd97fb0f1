import ArgumentParser
import KaoheCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every step behind one item's score for one unit.")

    @Option(help: "The rules folder (default: ./rules, else the rules built into kaohe).")
    var rules: String?

    @Option(help: "The checklist id (default: the one the input names).")
    var checklist: String?

    @Option(help: ArgumentHelp("The assessment date.", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @Option(help: "The item, penalty, bonus or veto id.")
    var item: String

    @Argument(help: "One self-assessment.")
    var input: String

    func run() throws {
        try InputFiles.requireFile(input)
        let loaded = try Console.loadRules(rules.map { [$0] } ?? [])
        let run = try Evaluation.run(loaded: loaded, checklist: checklist, inputs: [input], asOf: asOf)
        guard let result = run.batch.results.first else { return }
        let findings = result.findings.filter { $0.item == item }
        guard let found = result.items.first(where: { $0.id == item }) else {
            guard !findings.isEmpty || isRuleID(item, run.plan) else {
                let ids = result.items.map(\.id)
                throw Failure(message: "kaohe: no item '\(item)' in checklist '\(run.plan.checklist.id)'"
                    + (Suggestion.didYouMean(item, in: ids).map { "; \($0)" } ?? "; items: \(ids.joined(separator: ", "))"))
            }
            Console.out("\(item)：" + (findings.isEmpty ? "未触发\n" : "\n") + findings.map { "  \($0.id)  \($0.message)  扣 \(DecimalMath.format($0.deduction, decimals: 2))\n" }.joined())
            return
        }
        var out = "\(result.unit.name)（\(result.unit.id)）— \(found.id) \(found.title)\n"
        out += "状态：\(found.status.label)（\(found.status.rawValue)）  得分：\(DecimalMath.format(found.awarded, decimals: 2)) / \(DecimalMath.format(found.points))"
        out += found.selfScore.map { "  自评：\(DecimalMath.format($0, decimals: 2))" } ?? ""
        out += "\n\n依据：\n" + found.explain.enumerated().map { "  \($0.offset + 1). \($0.element)\n" }.joined()
        if !findings.isEmpty {
            out += "\n问题：\n" + findings.map { f in
                "  \(f.id)  \(f.message)  扣 \(DecimalMath.format(f.deduction, decimals: 2))" + (f.due.map { "  期限 \($0)" } ?? "") + "\n"
            }.joined()
        }
        Console.out(out)
    }

    func isRuleID(_ id: String, _ plan: ChecklistPlan) -> Bool {
        plan.penalties.contains { $0.penalty.id.value == id } || plan.sections.contains { $0.penalties.contains { $0.penalty.id.value == id } }
            || plan.bonuses.contains { $0.bonus.id.value == id } || plan.vetoes.contains { $0.veto.id.value == id }
    }
}
