import Foundation
import KaoheCore
import Testing

/// Runs the examples a pack's checks carry, the way SwiftLint runs its rules' triggering and
/// non-triggering examples: a check is tested by being written. For a pack author's test target:
///
/// ```swift
/// import KaoheTestSupport
/// import Testing
///
/// @Test func examples() { CheckExamples.expectAll(in: MyDistrictPack.pack) }
/// ```
///
/// A failing example is recorded at the line where the example is written.
public enum CheckExamples {
    /// Every check and project check of `pack`: documented, with an example that earns every
    /// point and one that does not, and each example giving its stated outcome.
    public static func expectAll(in pack: Pack) {
        for check in pack.checks { expect(check) }
        for check in pack.projectChecks { expect(check) }
    }

    /// One check: its description and every example.
    public static func expect(_ check: any Check.Type) {
        let d = check.description
        let id = d.id
        #expect(!d.title.isEmpty && !d.rationale.isEmpty, "\(id) needs a title and a rationale")
        #expect(d.examples.contains { $0.fraction == 1 } && d.examples.contains { $0.fraction < 1 },
                "\(id) needs examples: one that earns every point and one that does not")
        for example in d.examples {
            let location = place(example.file, example.line)
            do {
                let outcome = try self.outcome(of: example, for: check)
                #expect(outcome.fraction == example.fraction, "\(id): \(example.summary)", sourceLocation: location)
                #expect(outcome.findings.map(\.message) == example.messages, "\(id): \(example.summary)", sourceLocation: location)
            } catch {
                Issue.record("\(id): \(example.summary): the check failed: \(error.message)", sourceLocation: location)
            }
        }
    }

    /// One project check: a met and an unmet example, each giving its stated verdict and reasons.
    public static func expect(_ check: any ProjectCheck.Type) {
        let d = check.description
        #expect(d.examples.contains { $0.met } && d.examples.contains { !$0.met }, "\(d.id) needs a met and an unmet example")
        for example in d.examples {
            let location = place(example.file, example.line)
            let outcome = check.init().evaluate(example.project, among: [example.project] + example.among)
            #expect(outcome.met == example.met, "\(d.id): \(example.summary)", sourceLocation: location)
            #expect(outcome.reasons == example.reasons, "\(d.id): \(example.summary)", sourceLocation: location)
        }
    }

    /// What `check` gives for `example`, with every parameter the example leaves out at its
    /// declared default (as when rules use the check), out of 10 points.
    public static func outcome(of example: CheckExample, for check: any Check.Type) throws(EvaluationFault) -> CheckOutcome {
        let parameters = check.description.parameters(given: example.parameters)
        return try check.init().evaluate(CheckContext(facts: example.facts, parameters: parameters, asOf: example.asOf,
                                                      points: 10, period: example.period))
    }

    static func place(_ file: String, _ line: Int) -> Testing.SourceLocation {
        Testing.SourceLocation(fileID: "Kaohe/\((file as NSString).lastPathComponent)", filePath: file, line: line, column: 1)
    }
}
