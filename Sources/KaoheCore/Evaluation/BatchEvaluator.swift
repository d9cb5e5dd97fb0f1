import Foundation

/// Decodes and scores a list of self-assessment documents against one checklist, collecting
/// every input error (with its location) before anything is scored.
public struct BatchEvaluator: Sendable {
    public let scorer: Scorer

    public init(scorer: Scorer) {
        self.scorer = scorer
    }

    /// The assessment date: `--as-of`, else the document's `as_of`, else the checklist's
    /// `period.to`. Never today's date.
    public func asOf(_ assessment: SelfAssessment, override: Day?) -> Day? {
        override ?? assessment.asOf ?? scorer.plan.checklist.period?.to
    }

    public func decode(_ documents: [AssessmentReader.Document], asOf override: Day?,
                       diagnostics: inout Diagnostics) -> [(SelfAssessment, Day)] {
        let parser = SelfAssessmentParser(plan: scorer.plan)
        var decoded: [(SelfAssessment, Day)] = []
        var seen: [String: SourceLocation] = [:]
        for document in documents {
            guard var assessment = parser.parse(document.node, diagnostics: &diagnostics) else { continue }
            assessment.source = document.source
            guard let day = asOf(assessment, override: override) else {
                diagnostics.error(document.node.location, "no assessment date: the document has no as_of and the checklist no period",
                                  help: "add as_of: YYYY-MM-DD to the document, or pass --as-of")
                continue
            }
            if let first = seen[assessment.unit.id] {
                diagnostics.error(document.node.location, "unit '\(assessment.unit.id)' is assessed twice in this batch",
                                  notes: [.init(location: first, message: "first assessed here")])
                continue
            }
            seen[assessment.unit.id] = document.node.location
            decoded.append((assessment, day))
        }
        return decoded
    }

    public func evaluate(_ decoded: [(SelfAssessment, Day)]) -> [UnitResult] {
        decoded.map { scorer.evaluate($0.0, asOf: $0.1) }
    }
}
