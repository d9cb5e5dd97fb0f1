import Foundation

/// Decodes and scores a list of self-assessment documents against one checklist, collecting
/// every input error (with its location) before anything is scored.
public struct BatchEvaluator: Sendable {
    public let scorer: Scorer
    let parser: SelfAssessmentParser

    let fast: FastAssessmentDecoder

    /// An evaluator scoring with `scorer`'s checklist.
    public init(scorer: Scorer) {
        self.scorer = scorer
        self.parser = SelfAssessmentParser(plan: scorer.plan)
        self.fast = FastAssessmentDecoder(plan: scorer.plan)
    }

    /// One JSON Lines line through the fast lane, with its assessment date; nil when the line
    /// needs the careful path (which also reports what is wrong with it).
    public func decodeFast(_ line: String, path: String, number: Int, asOf override: Day?) -> (SelfAssessment, Day)? {
        dated(fast.decode(line, path: path, number: number), path: path, number: number, asOf: override)
    }

    /// ``decodeFast(_:path:number:asOf:)`` for a line given as its bytes, valid UTF-8.
    package func decodeFast(bytes: UnsafeBufferPointer<UInt8>, path: String, number: Int, asOf override: Day?) -> (SelfAssessment, Day)? {
        dated(fast.decode(bytes: bytes, path: path, number: number), path: path, number: number, asOf: override)
    }

    func dated(_ decoded: SelfAssessment?, path: String, number: Int, asOf override: Day?) -> (SelfAssessment, Day)? {
        guard var assessment = decoded, let day = asOf(assessment, override: override) else { return nil }
        assessment.source = "\(path):\(number)"
        return (assessment, day)
    }

    /// The assessment date: `--as-of`, else the document's `as_of`, else the checklist's
    /// `period.to`. Never today's date.
    public func asOf(_ assessment: SelfAssessment, override: Day?) -> Day? {
        override ?? assessment.asOf ?? scorer.plan.checklist.period?.to
    }

    package func decode(_ documents: [AssessmentReader.Document], asOf override: Day?,
                       diagnostics: inout Diagnostics) -> [(SelfAssessment, Day)] {
        let parser = self.parser
        // Documents are decoded on all cores; dates and duplicates are then checked in order.
        let parsed = ParallelMap.map(documents, chunk: 128) { document -> ParsedDocument in
            var local = Diagnostics()
            let assessment = parser.parse(document.node, diagnostics: &local)
            return ParsedDocument(assessment: assessment, diagnostics: local)
        }
        var decoded: [(SelfAssessment, Day)] = []
        var roster = UnitRoster()
        for (document, result) in zip(documents, parsed) {
            diagnostics.append(contentsOf: result.diagnostics)
            guard var assessment = result.assessment else { continue }
            assessment.source = document.source
            guard let day = asOf(assessment, override: override) else {
                diagnostics.error(document.node.location, "no assessment date: the document has no as_of and the checklist no period",
                                  help: "add as_of: YYYY-MM-DD to the document, or pass --as-of")
                continue
            }
            guard roster.admit(assessment.unit.id, at: document.node.location, diagnostics: &diagnostics) else { continue }
            decoded.append((assessment, day))
        }
        return decoded
    }

    /// Scores every unit, on all cores, keeping input order. `progress` is told how many
    /// units are done after each chunk (from whichever thread finished it).
    public func evaluate(_ decoded: [(SelfAssessment, Day)], progress: (@Sendable (Int) -> Void)? = nil) -> [UnitResult] {
        var results = score(decoded, progress: progress)
        guard let standards = scorer.plan.standards else { return results }
        // Projects are screened together: a check such as 同质化 compares each with all the others.
        let screened = ProjectScreener(standards: standards).screen(decoded.flatMap(\.0.projects))
        for index in results.indices {
            results[index].projects = decoded[index].0.projects.compactMap { screened[$0.project.key] }
        }
        return results
    }

    func score(_ decoded: [(SelfAssessment, Day)], progress: (@Sendable (Int) -> Void)?) -> [UnitResult] {
        let scorer = self.scorer
        return ParallelMap.map(decoded.map { UnitInput(assessment: $0.0, asOf: $0.1) }, progress: progress) {
            scorer.evaluate($0.assessment, asOf: $0.asOf)
        }
    }

    private struct ParsedDocument: Sendable {
        var assessment: SelfAssessment?
        var diagnostics: Diagnostics
    }

    private struct UnitInput: Sendable {
        var assessment: SelfAssessment
        var asOf: Day
    }
}
