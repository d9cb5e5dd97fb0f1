import Foundation

/// The built-in functions of the expression language.
enum Builtins {
    static func call(_ builtin: Builtin, _ args: [Value], _ location: SourceLocation) throws(EvaluationFault) -> Value {
        switch builtin {
        case .size:
            switch args[0] {
            case .list(let items): return .number(Rational(items.count))
            case .string(let text): return .number(Rational(text.count))
            default: throw EvaluationFault("size() of \(args[0].literal)", at: location)
            }
        case .min, .max:
            var numbers: [Rational] = []
            let values: [Value]
            if args.count == 1, case .list(let items) = args[0] { values = items } else { values = args }
            for value in values {
                if value.isMissing { return value }
                if case .number(let n) = value { numbers.append(n) }
            }
            guard let first = numbers.first else {
                throw EvaluationFault("\(builtin.rawValue)() of an empty list", at: location)
            }
            return .number(numbers.dropFirst().reduce(first) { builtin == .min ? DecimalMath.min($0, $1) : DecimalMath.max($0, $1) })
        case .sum:
            guard case .list(let items) = args[0] else { return .number(0) }
            var total = Rational(0)
            for item in items {
                if item.isMissing { return item }
                if case .number(let n) = item { total += n }
            }
            return .number(total)
        case .yearsBetween, .daysBetween:
            guard case .date(let a) = args[0], case .date(let b) = args[1] else {
                throw EvaluationFault("\(builtin.rawValue)() needs two dates", at: location)
            }
            return .number(Rational(builtin == .daysBetween ? b.ordinal - a.ordinal : a.wholeYears(to: b)))
        case .years, .months, .days:
            guard case .number(let n) = args[0], let whole = DecimalMath.int(n), whole.magnitude <= 100_000 else {
                throw EvaluationFault("\(builtin.rawValue)() needs a whole number, not \(args[0].literal)", at: location)
            }
            switch builtin {
            case .years: return .duration(Duration(months: 12 * whole))
            case .months: return .duration(Duration(months: whole))
            default: return .duration(Duration(days: whole))
            }
        case .date:
            guard case .string(let text) = args[0], let day = Day(text) else {
                throw EvaluationFault("'\(args[0].display)' is not a valid date", at: location)
            }
            return .date(day)
        }
    }
}

/// The list macros `all`, `exists`, `exists_one`, `filter`, `map`.
enum Macros {
    /// Runs `macro` over `list`; `counting` makes `filter` give the number of elements it keeps
    /// (what `size()` of its list would be) without making the list.
    static func run(_ macro: Macro, list: Value, body: Op, counting: Bool = false, _ frame: inout Frame) throws(EvaluationFault) -> Value {
        guard case .list(let items) = list else { return list }
        frame.locals.append(.missing([]))
        defer { frame.locals.removeLast() }
        let slot = frame.locals.count - 1
        var missing: Value?
        var fault: EvaluationFault?
        var trues = 0
        var kept: [Value] = []
        for item in items {
            frame.locals[slot] = item
            let result: Value
            do {
                result = try Evaluator.evaluate(body, &frame)
            } catch {
                // `all` and `exists` absorb a fault as CEL does: a later false (all) or true
                // (exists) element still decides; only when none does, the first fault stands.
                guard macro == .all || macro == .exists else { throw error }
                if fault == nil { fault = error }
                continue
            }
            switch macro {
            case .map:
                if result.isMissing { return result }
                kept.append(result)
            case .filter:
                if result.isMissing { return result }
                if case .bool(true) = result {
                    if counting { trues += 1 } else { kept.append(item) }
                }
            case .all:
                if result == .bool(false) { return result }
                if result.isMissing { missing = .missing(missing ?? .missing([]), result) }
            case .exists:
                if result == .bool(true) { return result }
                if result.isMissing { missing = .missing(missing ?? .missing([]), result) }
            case .existsOne:
                if result.isMissing { missing = .missing(missing ?? .missing([]), result) }
                if result == .bool(true) { trues += 1 }
            }
        }
        if let fault { throw fault }
        if let missing { return missing }
        switch macro {
        case .filter where counting: return .number(Rational(trues))
        case .map, .filter: return .list(kept)
        case .all: return .bool(true)
        case .exists: return .bool(false)
        case .existsOne: return .bool(trues == 1)
        }
    }
}
