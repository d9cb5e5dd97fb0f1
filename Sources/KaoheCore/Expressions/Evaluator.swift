import Foundation

/// What an expression is evaluated against: a unit's facts by slot (`.missing` where the
/// unit gave none), the assessment date and the checklist's period. Never the wall clock.
package struct Frame: Sendable {
    package var facts: [Value]
    package var asOf: Day
    package var period: (from: Day, to: Day)?
    var locals: [Value] = []
    /// List facts still as the fast lane's tables (their slots in `facts` hold placeholders):
    /// kernels read them in place, and ``materialize()`` puts their lists in `facts` before
    /// anything else reads them.
    private(set) var tables: FactTables

    package init(facts: [Value], tables: FactTables = FactTables(), asOf: Day, period: (from: Day, to: Day)?) {
        self.facts = facts
        self.tables = tables
        self.asOf = asOf
        self.period = period
    }

    /// Puts every table's list in its slot of `facts`, for the careful evaluator and checks.
    mutating func materialize() {
        guard !tables.isEmpty else { return }
        facts = tables.materialized(facts)
        tables = FactTables()
    }
}

/// Evaluates compiled expressions, three-valued: an operation on a missing value is missing,
/// except `has`, `??`, and `&&`/`||`/`all`/`exists`, which decide when a known side decides.
package enum Evaluator {
    package static func evaluate(_ expression: CompiledExpression, _ frame: inout Frame) throws(EvaluationFault) -> Value {
        if let kernel = expression.kernel, let value = kernel.value(frame) { return value }
        frame.materialize()
        return try evaluate(expression.op, &frame)
    }

    /// The careful lane alone, without the expression's kernel (for tests comparing the two).
    package static func carefully(_ expression: CompiledExpression, _ frame: inout Frame) throws(EvaluationFault) -> Value {
        frame.materialize()
        return try evaluate(expression.op, &frame)
    }

    static func evaluate(_ op: Op, _ frame: inout Frame) throws(EvaluationFault) -> Value {
        switch op {
        case .constant(let value): return value
        case .fact(let slot): return frame.facts[slot]
        case .local(let index): return frame.locals[index]
        case .asOf: return .date(frame.asOf)
        case .periodFrom: return frame.period.map { .date($0.from) } ?? .missing([])
        case .periodTo: return frame.period.map { .date($0.to) } ?? .missing([])
        case .field(let target, let index):
            let record = try evaluate(target, &frame)
            guard case .record(_, let values) = record else { return record }
            return values[index]
        case .index(let target, let indexOp, let location):
            let list = try evaluate(target, &frame)
            let index = try evaluate(indexOp, &frame)
            if list.isMissing || index.isMissing { return .missing(list, index) }
            guard case .list(let items) = list, case .number(let n) = index,
                  let i = DecimalMath.int(n), items.indices.contains(i) else {
                throw EvaluationFault("list index \(index.literal) is out of range (the list has \(list.count) elements)", at: location)
            }
            return items[i]
        case .not(let inner):
            let value = try evaluate(inner, &frame)
            guard case .bool(let b) = value else { return value }
            return .bool(!b)
        case .negate(let inner):
            switch try evaluate(inner, &frame) {
            case .number(let n): return .number(-n)
            case .duration(let d): return .duration(d.negated)
            case let other: return other
            }
        case .arithmetic(let op, let l, let r, let location):
            let left = try evaluate(l, &frame), right = try evaluate(r, &frame)
            if left.isMissing || right.isMissing { return .missing(left, right) }
            return try arithmetic(op, left, right, location)
        case .compare(let op, let l, let r, let location):
            let left = try evaluate(l, &frame), right = try evaluate(r, &frame)
            if left.isMissing || right.isMissing { return .missing(left, right) }
            return .bool(try compare(op, left, right, location))
        case .and(let l, let r):
            return try logical(l, r, decisive: false, &frame)
        case .or(let l, let r):
            return try logical(l, r, decisive: true, &frame)
        case .conditional(let c, let t, let e):
            let condition = try evaluate(c, &frame)
            guard case .bool(let b) = condition else { return condition }
            return try evaluate(b ? t : e, &frame)
        case .coalesce(let l, let r):
            let left = try evaluate(l, &frame)
            return left.isMissing ? try evaluate(r, &frame) : left
        case .hasFact(let slot):
            return .bool(!frame.facts[slot].isMissing)
        case .contains(let e, let l):
            let element = try evaluate(e, &frame), list = try evaluate(l, &frame)
            if element.isMissing || list.isMissing { return .missing(element, list) }
            guard case .list(let items) = list else { return .bool(false) }
            return .bool(items.contains(element))
        case .list(let ops):
            switch try values(ops, &frame) {
            case .success(let items): return .list(items)
            case .failure(let missing): return missing.value
            }
        case .builtin(let builtin, let ops, let location):
            switch try values(ops, &frame) {
            case .success(let args): return try Builtins.call(builtin, args, location)
            case .failure(let missing): return missing.value
            }
        case .function(let function, let ops, let location):
            let args: [Value]
            switch try values(ops, &frame) {
            case .success(let values): args = values
            case .failure(let missing): return missing.value
            }
            do {
                return try function.implementation(args)
            } catch {
                throw EvaluationFault(error.message, at: error.location ?? location)
            }
        case .macro(let macro, let listOp, let body, _):
            return try Macros.run(macro, list: try evaluate(listOp, &frame), body: body, &frame)
        case .countWhere(let listOp, let body, _):
            return try Macros.run(.filter, list: try evaluate(listOp, &frame), body: body, counting: true, &frame)
        }
    }

    /// The first missing operand stops evaluation: a list, call or function of it is missing.
    struct MissingOperand: Error {
        var value: Value
    }

    static func values(_ ops: [Op], _ frame: inout Frame) throws(EvaluationFault) -> Result<[Value], MissingOperand> {
        var values: [Value] = []
        values.reserveCapacity(ops.count)
        for op in ops {
            let value = try evaluate(op, &frame)
            if value.isMissing { return .failure(MissingOperand(value: value)) }
            values.append(value)
        }
        return .success(values)
    }

    /// `&&` (decisive false) and `||` (decisive true), commutative over missing values and
    /// faults as in CEL: `false && <fault>` is false whichever side the fault is on.
    static func logical(_ l: Op, _ r: Op, decisive: Bool, _ frame: inout Frame) throws(EvaluationFault) -> Value {
        var leftFault: EvaluationFault?
        var left = Value.missing([])
        do { left = try evaluate(l, &frame) } catch { leftFault = error }
        if left == .bool(decisive) { return left }
        let right = try evaluate(r, &frame)
        if right == .bool(decisive) { return right }
        if let leftFault { throw leftFault }
        if left.isMissing || right.isMissing { return .missing(left, right) }
        return .bool(!decisive)
    }

    static func arithmetic(_ op: ArithmeticOperator, _ left: Value, _ right: Value, _ location: SourceLocation) throws(EvaluationFault) -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            let result: Rational
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            case .divide:
                guard b != 0 else { throw EvaluationFault("division by zero", at: location) }
                result = a / b
            case .remainder:
                guard b != 0 else { throw EvaluationFault("remainder of a division by zero", at: location) }
                result = a - b * (a / b).truncated
            }
            guard result.magnitude <= Rational.limit else {
                throw EvaluationFault("the result is larger than 10^30; no checklist needs such numbers", at: location)
            }
            return .number(result)
        case (.string(let a), .string(let b)) where op == .add: return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add: return .list(a + b)
        case (.date(let d), .duration(let span)), (.duration(let span), .date(let d)):
            let delta = op == .subtract ? span.negated : span
            guard let result = d.adding(delta) else { throw EvaluationFault("date out of range", at: location) }
            return .date(result)
        case (.duration(let a), .duration(let b)):
            return .duration(op == .subtract ? a + b.negated : a + b)
        default:
            throw EvaluationFault("'\(op.rawValue)' cannot combine \(left.literal) and \(right.literal)", at: location)
        }
    }

    static func compare(_ op: ComparisonOperator, _ left: Value, _ right: Value, _ location: SourceLocation) throws(EvaluationFault) -> Bool {
        if case .number(let a) = left, case .number(let b) = right {
            let order = Rational.compare(a, b)
            switch op {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        }
        if op == .equal { return left == right }
        if op == .notEqual { return left != right }
        let order: Int
        switch (left, right) {
        case (.string(let a), .string(let b)):
            order = a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : a == b ? 0 : 1
        case (.date(let a), .date(let b)): order = a < b ? -1 : a == b ? 0 : 1
        case (.duration(let a), .duration(let b)):
            guard let o = a.compare(b) else {
                throw EvaluationFault("cannot order \(a) and \(b): a month has no fixed number of days", at: location)
            }
            order = o
        default:
            throw EvaluationFault("cannot order \(left.literal) and \(right.literal)", at: location)
        }
        switch op {
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }
}

extension Value {
    var count: Int {
        if case .list(let items) = self { return items.count }
        return 0
    }
}
