/// An expression after type checking: names resolved to fact slots and field indexes,
/// constants folded, ready to evaluate without parsing or look-ups by name. Immutable and
/// shared: a plan hands out the same object to every unit it scores, so reading one costs one
/// reference count, not one per field.
public final class CompiledExpression: Sendable {
    public let source: ExpressionSource
    public let type: ExprType
    /// The facts the expression reads, by name, for explanations.
    public let facts: [String]
    /// The slots of `facts`, in the same order, so explanations need no look-up by name.
    public let factSlots: [Int]
    /// Whether it reads `as_of` (so a caller knows an assessment date is needed).
    public let readsAsOf: Bool
    let op: Op
    /// The fast lane for it, when its value is a number, bool or date the kernel can compute.
    let kernel: ScalarKernel?
    /// Whether the expression is one fact's name and nothing else (`members`).
    let isSingleFact: Bool

    init(source: ExpressionSource, type: ExprType, facts: [String], factSlots: [Int], readsAsOf: Bool, op: Op, kernel: ScalarKernel?) {
        self.source = source
        self.type = type
        self.facts = facts
        self.factSlots = factSlots
        self.readsAsOf = readsAsOf
        self.op = op
        self.kernel = kernel
        isSingleFact = facts.count == 1 && facts[0] == source.text
    }

    public var text: String { source.text }

    /// Whether the expression has a fast lane (``ScalarKernel``).
    package var hasKernel: Bool { kernel != nil }

    /// The fast lane's answer for `frame`, nil when it has none or leaves it to the careful lane.
    package func kernelValue(_ frame: Frame) -> Value? { kernel?.value(frame) }
}

/// Operations of a compiled expression.
indirect enum Op: Sendable {
    case constant(Value)
    case fact(Int)
    case local(Int)
    case asOf
    case periodFrom
    case periodTo
    case field(Op, Int)
    case index(Op, Op, SourceLocation)
    case not(Op)
    case negate(Op)
    case arithmetic(ArithmeticOperator, Op, Op, SourceLocation)
    case compare(ComparisonOperator, Op, Op, SourceLocation)
    case and(Op, Op)
    case or(Op, Op)
    case conditional(Op, Op, Op)
    case coalesce(Op, Op)
    case hasFact(Int)
    case contains(element: Op, list: Op)
    case builtin(Builtin, [Op], SourceLocation)
    case function(ExpressionFunction, [Op], SourceLocation)
    case macro(Macro, list: Op, body: Op, local: Int)
    /// `size(list.filter(x, p))`: the count, without the filtered list.
    case countWhere(list: Op, body: Op, local: Int)
    case list([Op])

    var constantValue: Value? {
        if case .constant(let value) = self { return value }
        return nil
    }
}

enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}

enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

enum Macro: String, Sendable, CaseIterable {
    case all, exists, existsOne = "exists_one", filter, map
}

enum Builtin: String, Sendable, CaseIterable {
    case size, min, max, sum, yearsBetween = "years_between", daysBetween = "days_between"
    case years, months, days, date
}

/// A function a pack adds to the expression language.
public struct ExpressionFunction: Sendable {
    public var name: String
    public var parameters: [ExprType]
    public var result: ExprType
    public var summary: String
    public var implementation: @Sendable ([Value]) throws(EvaluationFault) -> Value

    /// A function `name` taking `parameters` and giving `result`, evaluated by `implementation` (a pack's own function for rules).
    public init(
        name: String, parameters: [ExprType], result: ExprType, summary: String,
        implementation: @escaping @Sendable ([Value]) throws(EvaluationFault) -> Value
    ) {
        self.name = name
        self.parameters = parameters
        self.result = result
        self.summary = summary
        self.implementation = implementation
    }
}

/// A fault in a rule while evaluating it (division by zero…): the rule's error, not the unit's.
public struct EvaluationFault: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation?

    /// A fault with its message, at the rule's place when known.
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
}
