import Foundation

/// Type-checks an expression against a scope and compiles it to `Op`s. All type errors of
/// an expression are collected; a wrong operand gets type `any` so it is reported once.
package struct ExpressionCompiler: Sendable {
    package var scope: ExpressionScope

    package init(scope: ExpressionScope) {
        self.scope = scope
    }

    /// Parses, checks and compiles `source`. `expecting` is the type the context needs.
    package func compile(
        _ source: ExpressionSource, expecting: ExprType? = nil
    ) -> Result<CompiledExpression, ExpressionDiagnostics> {
        let expr: Expr
        do {
            expr = try ExpressionParser().parse(source.text)
        } catch {
            return .failure(ExpressionDiagnostics(all: [source.diagnostic(error)]))
        }
        var checker = Checker(scope: scope, source: source)
        let (op, type) = checker.check(expr)
        if let expecting, !expecting.accepts(type) {
            checker.fail(expr, "expected a \(expecting) expression here, but this is a \(type)",
                         help: expecting == .bool && type == .number ? "compare it, e.g. '\(source.text) > 0'" : nil)
        }
        guard checker.errors.isEmpty else { return .failure(ExpressionDiagnostics(all: checker.errors)) }
        return .success(CompiledExpression(source: source, type: type, facts: checker.factsRead.sorted(),
                                                  factSlots: checker.factsRead.sorted().compactMap { scope.facts[$0]?.slot },
                                                  readsAsOf: checker.readsAsOf, op: op, kernel: kernel(op)))
    }
}

extension ExpressionCompiler {
    /// The fast lane for `op`, with the type of every fact slot it may read.
    func kernel(_ op: Op) -> ScalarKernel? {
        var types: [Int: ExprType] = [:]
        var choices: [Int: [[String]?]] = [:]
        for fact in scope.facts.values {
            types[fact.slot] = fact.type
            if !fact.fieldChoices.isEmpty { choices[fact.slot] = fact.fieldChoices }
        }
        return ScalarKernelCompiler(factTypes: types, fieldChoices: choices).kernel(op)
    }
}

/// The diagnostics of an expression that did not compile.
package struct ExpressionDiagnostics: Error, Sendable {
    package var all: [Diagnostic]
}

struct Checker {
    let scope: ExpressionScope
    let source: ExpressionSource
    var errors: [Diagnostic] = []
    var locals: [(name: String, type: ExprType)] = []
    var factsRead = Set<String>()
    var readsAsOf = false

    init(scope: ExpressionScope, source: ExpressionSource) {
        self.scope = scope
        self.source = source
    }

    func at(_ expr: Expr) -> SourceLocation { source.locate(offset: expr.offset, length: expr.length) }

    mutating func fail(_ expr: Expr, _ message: String, help: String? = nil) {
        errors.append(Diagnostic(.error, at: at(expr), message, help: help))
    }

    mutating func check(_ expr: Expr) -> (Op, ExprType) {
        switch expr.kind {
        case .number(let text):
            guard let value = DecimalMath.parse(text) else {
                fail(expr, "number \(text) has more than 38 digits")
                return (.constant(.number(0)), .number)
            }
            return (.constant(.number(value)), .number)
        case .string(let value): return (.constant(.string(value)), .string)
        case .bool(let value): return (.constant(.bool(value)), .bool)
        case .duration(let value): return (.constant(.duration(value)), .duration)
        case .identifier(let name): return identifier(name, expr)
        case .select(let target, let name): return select(target, name, expr)
        case .index(let target, let index): return self.index(target, index, expr)
        case .call(let name, let target, let args): return call(name, target: target, args, expr)
        case .unary(let op, let operand): return unary(op, operand, expr)
        case .binary(let op, let left, let right): return binary(op, left, right, expr)
        case .conditional(let c, let t, let e):
            let (cOp, cType) = check(c)
            if !ExprType.bool.accepts(cType) { fail(c, "the condition of '? :' must be a bool, not a \(cType)") }
            let (tOp, tType) = check(t)
            let (eOp, eType) = check(e)
            if !tType.accepts(eType) {
                fail(expr, "the two branches of '? :' have different types: \(tType) and \(eType)")
                return (.conditional(cOp, tOp, eOp), .any)
            }
            if case .bool(let b)? = cOp.constantValue { return (b ? tOp : eOp, tType.unified(with: eType)) }
            return (.conditional(cOp, tOp, eOp), tType.unified(with: eType))
        case .list(let elements):
            var ops: [Op] = []
            var elementType = ExprType.any
            for element in elements {
                let (op, type) = check(element)
                if !elementType.accepts(type) {
                    fail(element, "list elements must have one type: this is a \(type), the others \(elementType)")
                }
                elementType = elementType.unified(with: type)
                ops.append(op)
            }
            let constants = ops.compactMap(\.constantValue)
            if constants.count == ops.count { return (.constant(.list(constants)), .list(elementType)) }
            return (.list(ops), .list(elementType))
        }
    }

    mutating func identifier(_ name: String, _ expr: Expr) -> (Op, ExprType) {
        if let index = locals.lastIndex(where: { $0.name == name }) {
            return (.local(index), locals[index].type)
        }
        if let fact = scope.facts[name] {
            factsRead.insert(name)
            return (.fact(fact.slot), fact.type)
        }
        switch name {
        case "as_of":
            readsAsOf = true
            return (.asOf, .date)
        case "period":
            fail(expr, "'period' is a record: use period.from or period.to")
            return (.constant(.missing([])), .any)
        case "null":
            fail(expr, "null is not part of Kaohe's expressions", help: "a fact the unit did not give is missing: test it with has(fact), or give a default with 'fact ?? value'")
            return (.constant(.missing([])), .any)
        case "missing", "nil":
            fail(expr, "there is no '\(name)' literal", help: "test for a missing fact with has(fact), or give a default with 'fact ?? value'")
            return (.constant(.missing([])), .any)
        default:
            let help = Suggestion.didYouMean(name, in: scope.allNames + locals.map(\.name))
            let known = scope.facts.isEmpty ? " (no facts are declared here)" : ""
            fail(expr, "unknown name '\(name)'\(known)", help: help ?? "declare it under 'facts:' in the checklist")
            return (.constant(.missing([])), .any)
        }
    }

    mutating func select(_ target: Expr, _ name: String, _ expr: Expr) -> (Op, ExprType) {
        if case .identifier("period") = target.kind, locals.allSatisfy({ $0.name != "period" }),
           scope.facts["period"] == nil {
            guard scope.hasPeriod else {
                fail(target, "this checklist has no 'period'", help: "add period: {from: …, to: …} to the checklist")
                return (.constant(.missing([])), .date)
            }
            switch name {
            case "from": return (.periodFrom, .date)
            case "to": return (.periodTo, .date)
            default:
                fail(expr, "period has only 'from' and 'to', not '\(name)'", help: Suggestion.didYouMean(name, in: ["from", "to"]))
                return (.constant(.missing([])), .date)
            }
        }
        let (op, type) = check(target)
        switch type {
        case .record(let record):
            guard let index = record.index(of: name) else {
                fail(expr, "no field '\(name)' in this record; its fields are \(record.names.joined(separator: ", "))",
                     help: Suggestion.didYouMean(name, in: record.names))
                return (op, .any)
            }
            return (.field(op, index), record.types[index])
        case .any:
            return (op, .any)
        case .list:
            fail(expr, "'.\(name)' on a list: a list has no fields",
                 help: "use a macro, e.g. \(ExpressionPrinter.print(target)).map(x, x.\(name))")
            return (op, .any)
        default:
            fail(expr, "'.\(name)' on a \(type): only records have fields")
            return (op, .any)
        }
    }

    mutating func index(_ target: Expr, _ index: Expr, _ expr: Expr) -> (Op, ExprType) {
        let (listOp, listType) = check(target)
        let (indexOp, indexType) = check(index)
        if !ExprType.number.accepts(indexType) { fail(index, "a list index must be a number, not a \(indexType)") }
        switch listType {
        case .list(let element): return (.index(listOp, indexOp, at(expr)), element)
        case .any: return (.index(listOp, indexOp, at(expr)), .any)
        default:
            fail(target, "only lists can be indexed, not a \(listType)")
            return (listOp, .any)
        }
    }

    mutating func unary(_ op: String, _ operand: Expr, _ expr: Expr) -> (Op, ExprType) {
        let (inner, type) = check(operand)
        if op == "!" {
            if !ExprType.bool.accepts(type) { fail(operand, "'!' needs a bool, not a \(type)") }
            if case .bool(let b)? = inner.constantValue { return (.constant(.bool(!b)), .bool) }
            return (.not(inner), .bool)
        }
        guard type == .number || type == .duration || type == .any else {
            fail(operand, "'-' needs a number or a duration, not a \(type)")
            return (inner, .any)
        }
        if case .duration(let d)? = inner.constantValue { return (.constant(.duration(d.negated)), .duration) }
        return (.negate(inner), type)
    }

    mutating func binary(_ op: String, _ left: Expr, _ right: Expr, _ expr: Expr) -> (Op, ExprType) {
        let (l, lt) = check(left)
        let (r, rt) = check(right)
        let location = source.locate(offset: expr.operatorOffset ?? expr.offset, length: op.unicodeScalars.count)
        switch op {
        case "&&", "||":
            if !ExprType.bool.accepts(lt) { fail(left, "'\(op)' needs bools, and this is a \(lt)") }
            if !ExprType.bool.accepts(rt) { fail(right, "'\(op)' needs bools, and this is a \(rt)") }
            return (op == "&&" ? .and(l, r) : .or(l, r), .bool)
        case "??":
            if !lt.accepts(rt) { fail(expr, "'??' gives a default of another type: \(lt) ?? \(rt)") }
            return (.coalesce(l, r), lt.unified(with: rt))
        case "in":
            guard case .list(let element) = rt else {
                if rt != .any { fail(right, "'in' needs a list on its right, not a \(rt)") }
                return (.contains(element: l, list: r), .bool)
            }
            if !element.accepts(lt) { fail(left, "a \(lt) is never in a list of \(element)") }
            return (.contains(element: l, list: r), .bool)
        case "==", "!=":
            if !lt.accepts(rt) {
                fail(expr, "cannot compare a \(lt) with a \(rt)", help: Self.comparisonHelp(lt, rt))
                return (.constant(.bool(false)), .bool)
            }
            return fold(.compare(ComparisonOperator(rawValue: op) ?? .equal, l, r, location), .bool)
        case "<", "<=", ">", ">=":
            let ordered: Set<ExprType> = [.number, .string, .date, .duration, .any]
            if !lt.accepts(rt) {
                fail(expr, "cannot compare a \(lt) with a \(rt)", help: Self.comparisonHelp(lt, rt))
            } else if !ordered.contains(lt) || !ordered.contains(rt) {
                fail(expr, "'\(op)' cannot order values of type \(lt == .any ? rt : lt)")
            }
            return fold(.compare(ComparisonOperator(rawValue: op) ?? .less, l, r, location), .bool)
        default:
            let arithmetic = ArithmeticOperator(rawValue: op) ?? .add
            guard let type = arithmeticType(arithmetic, lt, rt) else {
                var help: String?
                if lt == .date && rt == .date && op == "-" { help = "use days_between(a, b) or years_between(a, b)" }
                if lt == .date && rt == .number { help = "add a duration: days(n), months(n) or years(n), or a literal like 30d" }
                fail(expr, "'\(op)' cannot combine a \(lt) and a \(rt)", help: help)
                return (l, .any)
            }
            return fold(.arithmetic(arithmetic, l, r, location), type)
        }
    }

    static func comparisonHelp(_ a: ExprType, _ b: ExprType) -> String? {
        if (a == .date && b == .number) || (a == .number && b == .date) {
            return "to compare with a date literal write date('2026-01-01'); to count days use days_between(a, b)"
        }
        if (a == .date && b == .string) || (a == .string && b == .date) {
            return "write the date as date('2026-01-01')"
        }
        return nil
    }

    func arithmeticType(_ op: ArithmeticOperator, _ l: ExprType, _ r: ExprType) -> ExprType? {
        switch (op, l, r) {
        case (_, .any, .any): return .any
        case (_, .number, .number), (_, .number, .any), (_, .any, .number): return .number
        case (.add, .string, .string): return .string
        case (.add, .date, .duration), (.add, .duration, .date), (.subtract, .date, .duration): return .date
        case (.add, .duration, .duration), (.subtract, .duration, .duration): return .duration
        case (.add, .date, .any), (.subtract, .date, .any), (.add, .any, .date): return .date
        case (.add, .list(let a), .list(let b)) where a.accepts(b): return .list(a.unified(with: b))
        default: return nil
        }
    }

    /// Folds an operation whose operands are all constants (a fault is left for run time,
    /// where it is reported as the rule's error with its location).
    mutating func fold(_ op: Op, _ type: ExprType) -> (Op, ExprType) {
        var frame = Frame(facts: [], asOf: Day(ordinal: 0), period: nil)
        switch op {
        case .arithmetic(_, let l, let r, _), .compare(_, let l, let r, _):
            guard l.constantValue != nil, r.constantValue != nil,
                  let value = try? Evaluator.evaluate(op, &frame), !value.isMissing else { return (op, type) }
            return (.constant(value), type)
        default:
            return (op, type)
        }
    }

    mutating func call(_ name: String, target: Expr?, _ args: [Expr], _ expr: Expr) -> (Op, ExprType) {
        if let macro = Macro(rawValue: name), let target {
            return self.macro(macro, target, args, expr)
        }
        if name == "has" && target == nil {
            guard args.count == 1 else {
                fail(expr, "has() takes exactly one fact name")
                return (.constant(.bool(false)), .bool)
            }
            if case .identifier(let fact) = args[0].kind, let entry = scope.facts[fact],
               !locals.contains(where: { $0.name == fact }) {
                factsRead.insert(fact)
                return (.hasFact(entry.slot), .bool)
            }
            if case .select = args[0].kind {
                _ = check(args[0])
                return (.constant(.bool(true)), .bool)
            }
            _ = check(args[0])
            fail(args[0], "has() takes a fact name, like has(study_sessions)")
            return (.constant(.bool(false)), .bool)
        }
        var all = args
        if let target { all.insert(target, at: 0) }
        if let builtin = Builtin(rawValue: name) {
            guard target == nil || builtin == .size else {
                fail(expr, "\(name)() is a function, not a method: write \(name)(…)")
                return (.constant(.missing([])), .any)
            }
            return self.builtin(builtin, all, expr)
        }
        if let function = scope.functions[name] {
            return self.function(function, all, expr)
        }
        if Macro(rawValue: name) != nil {
            fail(expr, "\(name) is a list macro: write list.\(name)(x, condition)")
            return (.constant(.missing([])), .any)
        }
        if let refusal = OutsideSubset.function(name, method: target != nil) {
            fail(expr, refusal.message, help: refusal.help)
            return (.constant(.missing([])), .any)
        }
        let names = Builtin.allCases.map(\.rawValue) + Array(scope.functions.keys) + ["has"]
        fail(expr, "unknown function '\(name)'", help: Suggestion.didYouMean(name, in: names))
        return (.constant(.missing([])), .any)
    }

    mutating func function(_ function: ExpressionFunction, _ args: [Expr], _ expr: Expr) -> (Op, ExprType) {
        guard args.count == function.parameters.count else {
            fail(expr, "\(function.name)() takes \(function.parameters.count) argument(s), not \(args.count)")
            return (.constant(.missing([])), function.result)
        }
        var ops: [Op] = []
        for (arg, expected) in zip(args, function.parameters) {
            let (op, type) = check(arg)
            if !expected.accepts(type) { fail(arg, "\(function.name)() expects a \(expected) here, not a \(type)") }
            ops.append(op)
        }
        return (.function(function, ops, at(expr)), function.result)
    }

    mutating func builtin(_ builtin: Builtin, _ args: [Expr], _ expr: Expr) -> (Op, ExprType) {
        let checked = args.map { check($0) }
        let ops = checked.map(\.0), types = checked.map(\.1)
        let location = at(expr)
        func arity(_ n: Int) -> Bool {
            guard args.count == n else {
                fail(expr, "\(builtin.rawValue)() takes \(n) argument\(n == 1 ? "" : "s"), not \(args.count)")
                return false
            }
            return true
        }
        func expect(_ i: Int, _ type: ExprType) {
            if !type.accepts(types[i]) { fail(args[i], "\(builtin.rawValue)() expects a \(type) here, not a \(types[i])") }
        }
        let result: ExprType
        switch builtin {
        case .size:
            guard arity(1) else { return (.constant(.missing([])), .number) }
            switch types[0] {
            case .list, .string, .any: break
            default: fail(args[0], "size() takes a list or a string, not a \(types[0])")
            }
            result = .number
        case .min, .max:
            if args.count == 1 {
                if case .list(let element) = types[0], ExprType.number.accepts(element) {} else if types[0] != .any {
                    fail(args[0], "\(builtin.rawValue)() of one argument takes a list of numbers")
                }
            } else if args.isEmpty {
                fail(expr, "\(builtin.rawValue)() needs at least one argument")
            } else {
                for i in args.indices { expect(i, .number) }
            }
            result = .number
        case .sum:
            guard arity(1) else { return (.constant(.missing([])), .number) }
            expect(0, .list(.number))
            result = .number
        case .yearsBetween, .daysBetween:
            guard arity(2) else { return (.constant(.missing([])), .number) }
            expect(0, .date)
            expect(1, .date)
            result = .number
        case .years, .months, .days:
            guard arity(1) else { return (.constant(.missing([])), .duration) }
            expect(0, .number)
            result = .duration
        case .date:
            guard arity(1) else { return (.constant(.missing([])), .date) }
            guard case .string(let text) = args[0].kind else {
                fail(args[0], "date() takes a literal like date('2026-01-01')")
                return (.constant(.missing([])), .date)
            }
            guard let day = Day(text) else {
                fail(args[0], "'\(text)' is not a valid date", help: "write YYYY-MM-DD with a day that exists in that month")
                return (.constant(.missing([])), .date)
            }
            return (.constant(.date(day)), .date)
        }
        var op = Op.builtin(builtin, ops, location)
        // size(list.filter(x, p)) counts without making the filtered list.
        if builtin == .size, ops.count == 1, case .macro(.filter, let list, let body, let local) = ops[0] {
            op = .countWhere(list: list, body: body, local: local)
        }
        if ops.allSatisfy({ $0.constantValue != nil }) {
            var frame = Frame(facts: [], asOf: Day(ordinal: 0), period: nil)
            if let value = try? Evaluator.evaluate(op, &frame), !value.isMissing { return (.constant(value), result) }
        }
        return (op, result)
    }

    mutating func macro(_ macro: Macro, _ target: Expr, _ args: [Expr], _ expr: Expr) -> (Op, ExprType) {
        let (listOp, listType) = check(target)
        guard args.count == 2, case .identifier(let variable) = args[0].kind else {
            fail(expr, "\(macro.rawValue) takes a variable and an expression: list.\(macro.rawValue)(x, …)")
            return (listOp, .any)
        }
        let element: ExprType
        switch listType {
        case .list(let e): element = e
        case .any: element = .any
        default:
            fail(target, "\(macro.rawValue) works on lists, not on a \(listType)")
            element = .any
        }
        locals.append((variable, element))
        let (body, bodyType) = check(args[1])
        let local = locals.count - 1
        locals.removeLast()
        switch macro {
        case .map:
            return (.macro(macro, list: listOp, body: body, local: local), .list(bodyType))
        case .filter:
            if !ExprType.bool.accepts(bodyType) { fail(args[1], "the condition of filter must be a bool, not a \(bodyType)") }
            return (.macro(macro, list: listOp, body: body, local: local), listType)
        case .all, .exists, .existsOne:
            if !ExprType.bool.accepts(bodyType) { fail(args[1], "the condition of \(macro.rawValue) must be a bool, not a \(bodyType)") }
            return (.macro(macro, list: listOp, body: body, local: local), .bool)
        }
    }
}
