/// Builds a ``ScalarKernel`` from an expression's operations, once, when the expression is
/// compiled; nil when some part is outside what kernels do (division, strings other than
/// equality, pack functions, nested list macros…), and the careful evaluator then always runs.
///
/// Every piece mirrors the careful evaluator's rule for its operation exactly where it answers,
/// and answers nil where the careful evaluator would give a missing value or a fault.
struct ScalarKernelCompiler {
    /// The type of each fact slot.
    let factTypes: [Int: ExprType]
    /// For a list of records, each field's allowed values when it is an enumeration (a table
    /// of the fast lane keeps such a field as the value's index among them).
    let fieldChoices: [Int: [[String]?]]
    /// The variable of the list macro being compiled, with its element type and list fact.
    var local: (index: Int, element: ExprType, slot: Int)?

    init(factTypes: [Int: ExprType], fieldChoices: [Int: [[String]?]] = [:]) {
        self.factTypes = factTypes
        self.fieldChoices = fieldChoices
    }

    typealias Text = @Sendable (KernelInput) -> String?
    typealias Span = @Sendable (KernelInput) -> Duration?

    /// A compiled part of an expression, by what it gives.
    enum Piece {
        case scalar(ScalarKernel.Kind, ScalarKernel.Function)
        case text(Text)
        case span(Span)
        /// A list fact, read only by `size()` and the list macros.
        case list(slot: Int, element: ExprType)
    }

    /// The kernel of a whole expression, when its value is a number, bool or date.
    func kernel(_ op: Op) -> ScalarKernel? {
        guard case .scalar(let kind, let run)? = piece(op) else { return nil }
        return ScalarKernel(kind: kind, run: run)
    }

    func piece(_ op: Op) -> Piece? {
        switch op {
        case .constant(let value): return constant(value)
        case .fact(let slot):
            guard let type = factTypes[slot] else { return nil }
            if case .list(let element) = type { return .list(slot: slot, element: element) }
            if let kind = Self.scalarKind(type) { return .scalar(kind) { $0.facts[slot].scalar } }
            return reader(type) { $0.facts[slot] }
        case .local(let index):
            guard let local, local.index == index else { return nil }
            return reader(local.element) { $0.element?.pointee ?? .missing([]) }
        case .field(.local(let index), let field):
            guard let local, local.index == index, case .record(let record) = local.element,
                  record.types.indices.contains(field) else { return nil }
            if let kind = Self.scalarKind(record.types[field]) {
                return .scalar(kind) { $0.scalarField(field) }
            }
            return reader(record.types[field]) { $0.field(field) }
        case .asOf: return .scalar(.date) { $0.asOf }
        case .periodFrom: return .scalar(.date) { $0.period?.from.ordinal }
        case .periodTo: return .scalar(.date) { $0.period?.to.ordinal }
        case .hasFact(let slot): return .scalar(.bool) { $0.facts[slot].isMissing ? 0 : 1 }
        case .not(let inner):
            guard case .scalar(.bool, let f)? = piece(inner) else { return nil }
            return .scalar(.bool) { input in f(input).map { $0 == 0 ? 1 : 0 } }
        case .negate(let inner):
            switch piece(inner) {
            case .scalar(.number, let f)?:
                return .scalar(.number) { input in f(input).flatMap { Self.checked(Int(0).subtractingReportingOverflow($0)) } }
            case .span(let f)?: return .span { f($0)?.negated }
            default: return nil
            }
        case .and(let l, let r): return logical(l, r, decisive: 0)
        case .or(let l, let r): return logical(l, r, decisive: 1)
        case .compare(let op, let l, let r, _): return compare(op, l, r)
        case .arithmetic(let op, let l, let r, _): return arithmetic(op, l, r)
        case .conditional(let c, let t, let e):
            guard case .scalar(.bool, let cf)? = piece(c), case .scalar(let kind, let tf)? = piece(t),
                  case .scalar(let other, let ef)? = piece(e), other == kind else { return nil }
            return .scalar(kind) { input in cf(input).flatMap { $0 != 0 ? tf(input) : ef(input) } }
        case .coalesce(let l, _):
            // A left side the kernel knows is not missing, so `??` gives it.
            guard case .scalar? = piece(l) else { return nil }
            return piece(l)
        case .builtin(let builtin, let ops, _): return self.builtin(builtin, ops)
        case .macro(let macro, let list, let body, let index): return self.macro(macro, list, body, index)
        case .countWhere(let list, let body, let index): return self.macro(.filter, list, body, index)
        case .index, .contains, .function, .list, .field: return nil
        }
    }

    func constant(_ value: Value) -> Piece? {
        switch value {
        case .string(let text): return .text { _ in text }
        case .duration(let span): return .span { _ in span }
        default:
            guard let scalar = value.scalar, let kind = Self.kindOf(value) else { return nil }
            return .scalar(kind) { _ in scalar }
        }
    }

    /// Reads a fact, field or element of `type` through `read`.
    func reader(_ type: ExprType, _ read: @escaping @Sendable (KernelInput) -> Value) -> Piece? {
        switch type {
        case .number: return .scalar(.number) { read($0).scalar }
        case .bool: return .scalar(.bool) { read($0).scalar }
        case .date: return .scalar(.date) { read($0).scalar }
        case .string: return .text { read($0).string }
        case .duration:
            return .span { input in
                if case .duration(let span) = read(input) { return span }
                return nil
            }
        default: return nil
        }
    }

    static func scalarKind(_ type: ExprType) -> ScalarKernel.Kind? {
        switch type {
        case .number: return .number
        case .bool: return .bool
        case .date: return .date
        default: return nil
        }
    }

    static func kindOf(_ value: Value) -> ScalarKernel.Kind? {
        switch value {
        case .number: return .number
        case .bool: return .bool
        case .date: return .date
        default: return nil
        }
    }

    /// `&&` (decisive 0) and `||` (decisive 1), as ``Evaluator/logical(_:_:decisive:_:)``: a
    /// decisive side decides whatever the other is.
    func logical(_ l: Op, _ r: Op, decisive: Int) -> Piece? {
        guard case .scalar(.bool, let lf)? = piece(l), case .scalar(.bool, let rf)? = piece(r) else { return nil }
        return .scalar(.bool) { input in
            let left = lf(input)
            if left == decisive { return decisive }
            guard let right = rf(input) else { return nil }
            if right == decisive { return decisive }
            return left == nil ? nil : 1 - decisive
        }
    }

    func compare(_ op: ComparisonOperator, _ l: Op, _ r: Op) -> Piece? {
        switch (piece(l), piece(r)) {
        case (.scalar(let kind, let lf)?, .scalar(let other, let rf)?) where kind == other:
            // Bools are equal or not; they have no order (the careful evaluator faults).
            guard kind != .bool || op == .equal || op == .notEqual else { return nil }
            if let constant = r.constantValue?.scalar {
                return .scalar(.bool) { input in lf(input).map { Self.holds(op, $0, constant) ? 1 : 0 } }
            }
            return .scalar(.bool) { input in
                guard let a = lf(input), let b = rf(input) else { return nil }
                return Self.holds(op, a, b) ? 1 : 0
            }
        case (.text(let lf)?, .text(let rf)?):
            guard op == .equal || op == .notEqual else { return nil }
            let wanted = op == .equal
            // A record's text field against a constant (`m.type == 'committee'`), read in place.
            if case .field(.local(let index), let field) = l, let local, local.index == index, case .string(let constant)? = r.constantValue {
                // In a table's row the field is an index among the allowed values: the set of
                // indices whose value equals the constant, as bits, answers without text.
                let allowed = fieldChoices[local.slot].flatMap { $0.indices.contains(field) ? $0[field] : nil }
                if let allowed, allowed.count <= 64 {
                    var equal: UInt64 = 0
                    for (position, value) in allowed.enumerated() where value == constant { equal |= 1 << UInt64(position) }
                    let matches = equal
                    return .scalar(.bool) { input in
                        if let row = input.row {
                            let cell = row[field]
                            guard cell >= 0, cell < 64 else { return nil }
                            return ((matches >> UInt64(cell)) & 1 == 1) == wanted ? 1 : 0
                        }
                        guard let text = input.textField(field) else { return nil }
                        return (text == constant) == wanted ? 1 : 0
                    }
                }
                return .scalar(.bool) { input in
                    guard let text = input.textField(field) else { return nil }
                    return (text == constant) == wanted ? 1 : 0
                }
            }
            return .scalar(.bool) { input in
                guard let a = lf(input), let b = rf(input) else { return nil }
                return (a == b) == wanted ? 1 : 0
            }
        default:
            return nil
        }
    }

    static func holds(_ op: ComparisonOperator, _ a: Int, _ b: Int) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    func arithmetic(_ op: ArithmeticOperator, _ l: Op, _ r: Op) -> Piece? {
        switch (piece(l), piece(r)) {
        case (.scalar(.number, let lf)?, .scalar(.number, let rf)?):
            let combine: @Sendable (Int, Int) -> (partialValue: Int, overflow: Bool)
            switch op {
            case .add: combine = { $0.addingReportingOverflow($1) }
            case .subtract: combine = { $0.subtractingReportingOverflow($1) }
            case .multiply: combine = { $0.multipliedReportingOverflow(by: $1) }
            case .divide, .remainder: return nil
            }
            return .scalar(.number) { input in
                guard let a = lf(input), let b = rf(input) else { return nil }
                return Self.checked(combine(a, b))
            }
        case (.scalar(.date, let df)?, .span(let sf)?) where op == .add || op == .subtract:
            let subtracting = op == .subtract
            return .scalar(.date) { input in
                guard let day = df(input), let span = sf(input) else { return nil }
                return Day(ordinal: day).adding(subtracting ? span.negated : span)?.ordinal
            }
        case (.span(let sf)?, .scalar(.date, let df)?) where op == .add:
            return .scalar(.date) { input in
                guard let span = sf(input), let day = df(input) else { return nil }
                return Day(ordinal: day).adding(span)?.ordinal
            }
        default:
            return nil
        }
    }

    func builtin(_ builtin: Builtin, _ ops: [Op]) -> Piece? {
        let pieces = ops.map(piece)
        switch (builtin, pieces.first ?? nil) {
        case (.size, .list(let slot, _)?) where pieces.count == 1:
            return .scalar(.number) { input in
                if let table = input.table(slot) { return table.count }
                guard case .list(let items) = input.facts[slot] else { return nil }
                return items.count
            }
        case (.min, _), (.max, _):
            var functions: [ScalarKernel.Function] = []
            for piece in pieces {
                guard case .scalar(.number, let f)? = piece else { return nil }
                functions.append(f)
            }
            guard !functions.isEmpty else { return nil }
            let arguments = functions
            let smallest = builtin == .min
            return .scalar(.number) { input in
                var result: Int?
                for f in arguments {
                    guard let n = f(input) else { return nil }
                    result = result.map { smallest ? Swift.min($0, n) : Swift.max($0, n) } ?? n
                }
                return result
            }
        case (.years, .scalar(.number, let f)?), (.months, .scalar(.number, let f)?), (.days, .scalar(.number, let f)?):
            guard pieces.count == 1 else { return nil }
            let monthsPerUnit = builtin == .years ? 12 : builtin == .months ? 1 : 0
            return .span { input in
                guard let n = f(input), n.magnitude <= 100_000 else { return nil }
                return monthsPerUnit == 0 ? Duration(days: n) : Duration(months: monthsPerUnit * n)
            }
        case (.daysBetween, .scalar(.date, let af)?), (.yearsBetween, .scalar(.date, let af)?):
            guard pieces.count == 2, case .scalar(.date, let bf)? = pieces[1] else { return nil }
            let days = builtin == .daysBetween
            return .scalar(.number) { input in
                guard let a = af(input), let b = bf(input) else { return nil }
                return days ? b - a : Day(ordinal: a).wholeYears(to: Day(ordinal: b))
            }
        default:
            return nil
        }
    }

    /// `all`, `exists`, `exists_one` and `size(filter)` over a list fact, one level deep.
    func macro(_ macro: Macro, _ listOp: Op, _ bodyOp: Op, _ index: Int) -> Piece? {
        guard self.local == nil, case .list(let slot, let element)? = piece(listOp) else { return nil }
        var inner = self
        inner.local = (index, element, slot)
        guard case .scalar(.bool, let body)? = inner.piece(bodyOp) else { return nil }
        let records: Bool, tests: RowTests?
        if case .record(let record) = element {
            records = true
            tests = rowTests(bodyOp, local: index, slot: slot, record: record)
        } else {
            records = false
            tests = nil
        }
        switch macro {
        case .exists, .all:
            // A decisive element decides even after an undecided one (the careful evaluator
            // absorbs faults and missing elements the same way); otherwise any undecided one
            // leaves the answer to the careful evaluator.
            let decisive = macro == .exists ? 1 : 0
            return .scalar(.bool) { input in
                var undecided = false, decided = false
                let listed = Self.forEach(input, slot, records: records, body, tests: tests) { answer in
                    guard let answer else { undecided = true; return true }
                    if answer == decisive { decided = true; return false }
                    return true
                }
                guard listed else { return nil }
                return decided ? decisive : undecided ? nil : 1 - decisive
            }
        case .existsOne, .filter:
            let counting = macro == .filter
            return .scalar(counting ? .number : .bool) { input in
                var trues = 0, undecided = false
                let listed = Self.forEach(input, slot, records: records, body, tests: tests) { answer in
                    guard let answer else { undecided = true; return false }
                    trues += answer
                    return true
                }
                guard listed, !undecided else { return nil }
                return counting ? trues : trues == 1 ? 1 : 0
            }
        case .map:
            return nil
        }
    }

    /// Runs `body` on each element of list fact `slot` (each record's fields in place), handing
    /// each answer to `visit` until it says stop; false when the fact is not a list.
    /// A row of a table is answered by `tests` when they can, else by `body`.
    static func forEach(_ input: KernelInput, _ slot: Int, records: Bool, _ body: ScalarKernel.Function, tests: RowTests?,
                        _ visit: (Int?) -> Bool) -> Bool {
        if let table = input.table(slot) {
            var inner = input
            inner.rowLayout = table.layout
            let width = table.layout.width
            table.cells.withUnsafeBufferPointer { cells in
                guard let base = cells.baseAddress else { return }
                let none: [RowTests.Test] = []
                withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, tests?.operands.count ?? 0)) { values in
                    let fused = tests?.resolve(input, into: values) == true
                    (fused ? tests?.tests ?? none : none).withUnsafeBufferPointer { checks in
                        var offset = 0
                        while offset < cells.count {
                            let row = base + offset
                            var answer = fused ? RowTests.answer(row, checks, values) : nil
                            if answer == nil {
                                inner.row = row
                                answer = body(inner)
                            }
                            if !visit(answer) { return }
                            offset += width
                        }
                    }
                }
            }
            return true
        }
        guard case .list(let items) = input.facts[slot] else { return false }
        var inner = input
        items.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for offset in 0..<buffer.count {
                let element = base + offset
                inner.element = element
                let answer: Int?
                if !records {
                    answer = body(inner)
                } else if case .record(_, let values) = element.pointee {
                    answer = values.withUnsafeBufferPointer { fields in
                        inner.record = fields
                        return body(inner)
                    }
                } else {
                    answer = nil
                }
                if !visit(answer) { return }
            }
        }
        return true
    }
}

extension ScalarKernelCompiler {
    /// The result of a 64-bit operation, nil when it overflowed (the careful evaluator then
    /// computes it exactly in 128 bits).
    static func checked(_ result: (partialValue: Int, overflow: Bool)) -> Int? {
        result.overflow ? nil : result.partialValue
    }
}
