import Foundation

/// A check a pack provides for `score: {check: ID, with: {…}}`. One type per check, carrying
/// its own description, parameters and examples; the test suite runs every example.
public protocol Check: Sendable {
    static var description: CheckDescription { get }
    init()
    func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome
}

/// What a check is, what it takes and reads, and examples of what it gives.
public struct CheckDescription: Sendable {
    public var id: String
    public var title: String
    public var rationale: String
    public var parameters: [CheckParameter]
    public var reads: [CheckFact]
    public var examples: [CheckExample]

    public init(id: String, title: String, rationale: String, parameters: [CheckParameter] = [],
                reads: [CheckFact] = [], examples: [CheckExample] = []) {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.parameters = parameters
        self.reads = reads
        self.examples = examples
    }
}

/// A declared parameter (`with:` key) of a check, typed and validated when rules load.
public struct CheckParameter: Sendable {
    public var name: String
    public var type: ExprType
    public var defaultValue: Value?
    public var summary: String

    public init(_ name: String, _ type: ExprType, default defaultValue: Value? = nil, summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// A fact a check reads, with the type it needs the checklist to declare.
public struct CheckFact: Sendable {
    public var name: String
    public var type: ExprType

    public init(_ name: String, _ type: ExprType) {
        self.name = name
        self.type = type
    }
}

/// What a check sees: the facts it declared (missing ones as `.missing`), its parameters,
/// the as-of date and the item's points.
public struct CheckContext: Sendable {
    public var facts: [String: Value]
    public var parameters: [String: Value]
    public var asOf: Day
    public var points: Decimal

    public init(facts: [String: Value], parameters: [String: Value], asOf: Day, points: Decimal) {
        self.facts = facts
        self.parameters = parameters
        self.asOf = asOf
        self.points = points
    }
}

/// A check's verdict: the fraction of the item's points earned, the steps behind it, findings,
/// and named outputs for the item's finding template.
public struct CheckOutcome: Sendable, Equatable {
    public var fraction: Decimal
    public var explanation: [String]
    public var findings: [CheckFinding]
    public var outputs: [String: String]

    public init(fraction: Decimal, explanation: [String] = [], findings: [CheckFinding] = [], outputs: [String: String] = [:]) {
        self.fraction = fraction
        self.explanation = explanation
        self.findings = findings
        self.outputs = outputs
    }
}

public struct CheckFinding: Sendable, Equatable {
    public var message: String
    public var severity: Severity

    public init(_ message: String, severity: Severity) {
        self.message = message
        self.severity = severity
    }
}

/// An example a check carries: inputs and the outcome they must give. `file` and `line`
/// point a failing example at itself.
public struct CheckExample: Sendable {
    public var summary: String
    public var facts: [String: Value]
    public var parameters: [String: Value]
    public var asOf: Day
    public var fraction: Decimal
    public var messages: [String]
    public var file: String
    public var line: Int

    public init(_ summary: String, facts: [String: Value], parameters: [String: Value] = [:], asOf: String,
                fraction: Decimal, messages: [String] = [], file: String = #filePath, line: Int = #line) {
        self.summary = summary
        self.facts = facts
        self.parameters = parameters
        self.asOf = Day(asOf) ?? Day(ordinal: 0)
        self.fraction = fraction
        self.messages = messages
        self.file = file
        self.line = line
    }
}
