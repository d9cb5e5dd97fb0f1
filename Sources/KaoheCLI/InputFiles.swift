import Foundation
import KaoheCore

/// Reading users' input files for the commands, with diagnostics rendered on failure.
enum InputFiles {
    /// Refuses a path that is not a regular file (a folder, a pipe, nothing) with a located error.
    static func requireFile(_ path: String) throws {
        guard let problem = FileKind.problemReadingFile(at: path) else { return }
        var diagnostics = Diagnostics()
        diagnostics.error(SourceLocation(file: path, line: 1, column: 1), problem)
        throw Failure(message: DiagnosticRenderer(sources: SourceStore()).render(diagnostics.sorted) + Console.summary(diagnostics))
    }

    /// Facts for `kaohe expr --facts`: a self-assessment document, or a plain mapping of facts.
    static func readUnitFacts(path: String, plan: ChecklistPlan) throws -> (values: [Value], asOf: Day?) {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let documents = YAMLReader().read(path: path, sources: &sources, diagnostics: &diagnostics)
        var result: (values: [Value], asOf: Day?) = (plan.facts.map { .missing([$0.name]) }, nil)
        if let node = documents.first {
            if case .mapping(let pairs) = node.content, pairs.contains(where: { $0.key.scalar == "kaohe" }) {
                if let assessment = SelfAssessmentParser(plan: plan).parse(node, diagnostics: &diagnostics) {
                    result = (assessment.facts, assessment.asOf)
                }
            } else {
                result.values = FactDecoder(facts: plan.facts).decode(node, diagnostics: &diagnostics)
            }
        }
        if diagnostics.hasErrors {
            throw Failure(message: DiagnosticRenderer(sources: sources).render(diagnostics.sorted))
        }
        return result
    }
}
