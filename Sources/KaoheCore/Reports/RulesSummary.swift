/// What `kaohe validate` says about rules that loaded: `ok: 6 checklists, 1 standards, 3 test files`.
public enum RulesSummary {
    /// The line for `result`, with its warning count if it has warnings.
    public static func line(_ result: LoadResult) -> String {
        let rules = result.rules
        return "ok: \(rules.plans.count) checklist\(rules.plans.count == 1 ? "" : "s"), \(rules.standards.count) standards, \(rules.tests.count) test file\(rules.tests.count == 1 ? "" : "s")"
            + (result.diagnostics.all.isEmpty ? "\n" : ", " + result.diagnostics.countLine)
    }
}
