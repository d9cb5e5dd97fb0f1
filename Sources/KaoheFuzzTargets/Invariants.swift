import Foundation
import KaoheCore

/// Checks shared by the targets. Each returns descriptions of what went wrong.
enum Invariants {
    /// Every diagnostic points into a file it read, at a line that exists, and renders.
    static func diagnostics(_ diagnostics: Diagnostics, sources: SourceStore) -> [String] {
        var problems: [String] = []
        let renderer = DiagnosticRenderer(sources: sources)
        for diagnostic in diagnostics.all {
            let location = diagnostic.location
            if location.line < 1 || location.column < 1 {
                problems.append("diagnostic at an impossible position \(location): \(diagnostic.message)")
            }
            if diagnostic.message.isEmpty { problems.append("empty diagnostic message at \(location)") }
            if sources.line(location.line, of: location.file) == nil, !location.file.isEmpty, location.line > 0,
               FileManager.default.fileExists(atPath: location.file) == false, location.file.hasPrefix("fuzz") {
                problems.append("diagnostic points at line \(location.line) of \(location.file), which was not read: \(diagnostic.message)")
            }
            _ = renderer.render(diagnostic)
        }
        return problems
    }

    /// A scored unit stays within its bounds and its JSON is valid JSON.
    static func result(_ result: UnitResult, plan: ChecklistPlan) -> [String] {
        var problems: [String] = []
        for item in result.items {
            if item.awarded < 0 || item.awarded > item.points {
                problems.append("item \(item.id) awarded \(item.awarded) of \(item.points)")
            }
        }
        // SPEC §2.2: the total never exceeds S + the bonus cap, S being 100 with weights and the
        // checklist's points without (a checklist need not add up to 100; validate only warns).
        let scale = plan.checklist.weights.isEmpty ? plan.checklist.points : 100
        let cap = scale + (plan.checklist.bonusCap ?? 0)
        if result.errors.isEmpty, result.total < 0 || result.total > cap {
            problems.append("total \(result.total) outside [0, \(cap)]")
        }
        if result.vetoes.contains(where: \.zeroScore), result.total != 0 {
            problems.append("a veto that zeroes the score left \(result.total)")
        }
        let json = ResultJSON.text(result)
        var parser = JSONNodeParser(text: json, path: "result.json", firstLine: 1)
        if (try? parser.parseDocument()) == nil { problems.append("result JSON does not parse back: \(json.prefix(200))") }
        _ = TableReport.unit(result, plan: plan)
        return problems
    }
}
