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

    /// A check's description: its id (`pack.name`), Chinese title, why it scores as it does, what it takes and reads, and examples.
    public init(id: String, title: String, rationale: String, parameters: [CheckParameter] = [],
                reads: [CheckFact] = [], examples: [CheckExample] = []) {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.parameters = parameters
        self.reads = reads
        self.examples = examples
    }

    /// The parameters a check runs with: those `given` (a checklist's `with:`, an example's),
    /// and every other declared parameter at its declared default. The one place defaults are
    /// applied, for rules and examples alike, so a check's code never repeats them.
    public func parameters(given: [String: Value]) -> [String: Value] {
        var all = given
        for parameter in parameters where all[parameter.name] == nil {
            if let value = parameter.defaultValue { all[parameter.name] = value }
        }
        return all
    }
}

/// A declared parameter (`with:` key) of a check, typed and validated when rules load.
public struct CheckParameter: Sendable {
    public var name: String
    public var type: ExprType
    public var defaultValue: Value?
    public var summary: String

    /// A parameter `name` of `type`; without a default the checklist must give it.
    public init(_ name: String, _ type: ExprType, default defaultValue: Value? = nil, summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// A fact a check reads, with the type it needs the checklist to declare. For a list of
/// records, the checklist's records must have at least the fields named here.
public struct CheckFact: Sendable {
    public var name: String
    public var type: ExprType

    /// A fact `name` the check reads, which the checklist must declare with `type`.
    public init(_ name: String, _ type: ExprType) {
        self.name = name
        self.type = type
    }

    /// A list of records with at least these fields.
    public static func records(_ name: String, _ fields: [(String, ExprType)]) -> CheckFact {
        CheckFact(name, .list(.record(RecordType(names: fields.map(\.0), types: fields.map(\.1)))))
    }

    /// Whether a fact declared with `declared` gives this check what it needs.
    public func isSatisfied(by declared: ExprType) -> Bool {
        switch (type, declared) {
        case (.list(.record(let needed)), .list(.record(let given))):
            return zip(needed.names, needed.types).allSatisfy { name, type in
                given.index(of: name).map { type.accepts(given.types[$0]) } ?? false
            }
        default:
            return type.accepts(declared)
        }
    }
}

/// What a check sees: the facts it declared (missing ones as `.missing`), its parameters,
/// the as-of date and the item's points.
public struct CheckContext: Sendable {
    public var facts: [String: Value]
    public var parameters: [String: Value]
    public var asOf: Day
    public var points: Rational
    /// The checklist's assessment period, if it declares one.
    public var period: (from: Day, to: Day)?
    /// The titles of the facts the check reads, as the checklist gives them (see `title(of:)`).
    public var titles: [String: String] = [:]

    /// What a check sees (the engine builds it; tests and examples may too).
    public init(facts: [String: Value], parameters: [String: Value], asOf: Day, points: Rational,
                period: (from: Day, to: Day)? = nil) {
        self.facts = facts
        self.parameters = parameters
        self.asOf = asOf
        self.points = points
        self.period = period
    }

    /// The period from its start to the as-of date (the part already assessed); without a
    /// period, the calendar year of the as-of date.
    public var assessedSpan: (from: Day, to: Day) {
        let (year, _, _) = asOf.components
        let start = period?.from ?? Day(year: year, month: 1, day: 1) ?? asOf
        let end = min(period?.to ?? asOf, asOf)
        return (start, end)
    }

    /// A fact's title for explanation lines: what the checklist calls it, else its name.
    public func title(of fact: String) -> String { titles[fact] ?? fact }

    /// A number fact; nil when missing.
    public func number(_ name: String) -> Rational? { facts[name]?.number }
    /// A list fact's elements; empty when missing.
    public func list(_ name: String) -> [Value] { facts[name]?.items ?? [] }
    /// A parameter as given or defaulted (see the typed accessors below).
    public func parameter(_ name: String) -> Value? { parameters[name] }

    // Declared parameters, typed. A parameter with a declared default is always present (see
    // `CheckDescription.parameters(given:)`); the zero values below are for names a check did
    // not declare, which its examples would show at once.

    /// A number parameter.
    public func number(parameter name: String) -> Rational { parameters[name]?.number ?? 0 }

    /// A whole-number parameter (0 when it is not whole).
    public func int(parameter name: String) -> Int { parameters[name]?.number?.int ?? 0 }

    /// A duration parameter.
    public func duration(parameter name: String) -> Duration {
        if case .duration(let duration) = parameters[name] { return duration }
        return Duration(days: 0)
    }

    /// A list-of-strings parameter.
    public func strings(parameter name: String) -> [String] { parameters[name]?.items?.compactMap(\.string) ?? [] }
}

/// A check's verdict: the fraction of the item's points earned, the steps behind it, findings,
/// and named outputs for the item's finding template.
public struct CheckOutcome: Sendable, Equatable {
    public var fraction: Rational
    public var explanation: [String]
    public var findings: [CheckFinding]
    public var outputs: [String: String]

    /// An outcome earning `fraction` of the item's points (0…1), with its explanation lines and findings.
    public init(fraction: Rational, explanation: [String] = [], findings: [CheckFinding] = [], outputs: [String: String] = [:]) {
        self.fraction = fraction
        self.explanation = explanation
        self.findings = findings
        self.outputs = outputs
    }

    /// An outcome stated as a deduction: `count` shortfalls at `per` points each, out of
    /// `points`, never below 0 (每少一次扣 per 分，扣完为止).
    public static func deducting(count: Rational, per: Rational, points: Rational, explanation: [String] = [],
                                 findings: [CheckFinding] = [], outputs: [String: String] = [:]) -> CheckOutcome {
        let deduction = DecimalMath.min(points, per * DecimalMath.max(0, count))
        let fraction = points > 0 ? (points - deduction) / points : 1
        let line = count > 0
            ? "每次扣 \(DecimalMath.format(per)) 分 × \(DecimalMath.format(count)) 次 = 扣 \(DecimalMath.format(DecimalMath.round(deduction))) 分"
            : "无扣分"
        var outputs = outputs
        outputs["count"] = outputs["count"] ?? DecimalMath.format(count)
        return CheckOutcome(fraction: fraction, explanation: explanation + [line], findings: findings, outputs: outputs)
    }

    /// An outcome as the share of requirements met (`met` of `total`; all when there are none).
    public static func share(met: Int, of total: Int, explanation: [String] = [], findings: [CheckFinding] = [],
                             outputs: [String: String] = [:]) -> CheckOutcome {
        let fraction = total == 0 ? Rational(1) : Rational(met) / Rational(total)
        return CheckOutcome(fraction: fraction, explanation: explanation + [total == 0 ? "无须检查的项目" : "\(total) 项中 \(met) 项符合要求"],
                            findings: findings, outputs: outputs)
    }
}

/// A problem the check found, to rectify (整改), with its severity.
public struct CheckFinding: Sendable, Equatable {
    public var message: String
    public var severity: Severity

    /// A finding with its Chinese message.
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
    public var fraction: Rational
    public var messages: [String]
    public var period: (from: Day, to: Day)?
    public var file: String
    public var line: Int

    /// An example: the facts and parameters given, the date, and the fraction and finding messages expected. Its place in the source is recorded for test failures.
    public init(_ summary: String, facts: [String: Value], parameters: [String: Value] = [:], asOf: String,
                period: (from: String, to: String)? = nil,
                fraction: Rational, messages: [String] = [], file: String = #filePath, line: Int = #line) {
        self.summary = summary
        self.facts = facts
        self.parameters = parameters
        self.asOf = Day(asOf) ?? Day(ordinal: 0)
        self.period = period.flatMap { p in Day(p.from).flatMap { from in Day(p.to).map { (from, $0) } } }
        self.fraction = fraction
        self.messages = messages
        self.file = file
        self.line = line
    }
}
