import Foundation

/// A door into Kaohe that a fuzzer (or a regression test) can push arbitrary bytes through.
/// Each target returns the invariants the input broke; an empty list means the engine
/// behaved: it either accepted the input or refused it with located diagnostics.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A rules file (checklist, overlay, standards, competition, tests): YAML loading,
    /// overlay resolution, type checking and plan compilation.
    case rules
    /// One expression: lexer, parser, type checker, compiler and evaluator.
    case expression
    /// A self-assessment in YAML, decoded against the bundled checklists and scored.
    case selfAssessment = "self-assessment"
    /// One JSON Lines line: the fast JSON reader, decoding and scoring.
    case jsonLine = "json-line"
    /// A competition sheet (scoresheet, jury or daily).
    case sheets

    /// Runs the target on `data`; the invariants it broke, none when it held.
    public func run(_ data: Data) -> [String] {
        switch self {
        case .rules: return RulesTarget.run(data)
        case .expression: return ExpressionTarget.run(data)
        case .selfAssessment: return AssessmentTarget.runYAML(data)
        case .jsonLine: return AssessmentTarget.runJSONLine(data)
        case .sheets: return SheetsTarget.run(data)
        }
    }
}
