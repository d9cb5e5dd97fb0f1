import Foundation
import KaoheCore

/// Output helpers shared by the subcommands.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The packs linked into this executable.
    static func registry() throws -> Registry { Environment.current.registry }

    /// Loads rules; on any error prints every diagnostic to stderr and fails with status 1.
    /// Loads the rules at `paths`; with none given, ./rules if it exists, else the rules built
    /// into this executable.
    static func loadRules(_ paths: [String]) throws -> LoadResult {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw Failure(message: "kaohe: rules folder '\(path)' not found; run kaohe from the folder that holds it, or pass --rules DIR")
        }
        let result = try load(paths)
        
        let diagnostics = result.diagnostics.sorted
        if result.diagnostics.hasErrors {
            throw Failure(message: DiagnosticRenderer(sources: result.sources).render(diagnostics) + summary(result.diagnostics))
        }
        if !diagnostics.isEmpty { err(DiagnosticRenderer(sources: result.sources).render(diagnostics) + "rules: " + summary(result.diagnostics)) }
        return result
    }

    /// The rules to use, without reporting: for `validate`, which prints every diagnostic itself.
    static func load(_ paths: [String]) throws -> LoadResult {
        let loader = RulesLoader(registry: try registry())
        if !paths.isEmpty { return loader.load(paths: paths) }
        let bundled = Environment.current.bundledRules
        if FileManager.default.fileExists(atPath: "rules") || bundled.isEmpty { return loader.load(paths: ["rules"]) }
        return loader.load(texts: bundled.map { ($0.path, $0.text) })
    }

    /// `2 errors`, `1 error, 3 warnings`, `1 warning`: what was just printed, counted (a count of
    /// zero warnings is left out, so it never contradicts warnings printed earlier, such as the
    /// rules' before an input's errors).
    static func summary(_ diagnostics: Diagnostics) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        var parts: [String] = []
        if errors > 0 || warnings == 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ") + "\n"
    }

    /// The plan for `id`, or the only checklist when `id` is nil.
    static func plan(_ rules: RuleSet, id: String?) throws -> ChecklistPlan {
        if let id {
            guard let plan = rules.plans[id] else {
                let help = Suggestion.didYouMean(id, in: rules.plans.keys).map { " (\($0))" } ?? ""
                throw Failure(message: "kaohe: no checklist '\(id)' in the rules\(help); checklists: \(rules.plans.keys.sorted().joined(separator: ", "))")
            }
            return plan
        }
        guard rules.plans.count == 1, let only = rules.plans.values.first else {
            throw Failure(message: "kaohe: the rules hold \(rules.plans.count) checklists; choose one with --checklist: \(rules.plans.keys.sorted().joined(separator: ", "))")
        }
        return only
    }
}
