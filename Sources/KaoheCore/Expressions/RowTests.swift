/// The body of a list macro over a table when it is tests of the row's own cells joined by
/// `&&` (`m.type == 'committee' && m.date >= as_of - 90d`): each row is answered by reading
/// its cells, without running the body's kernel, and what the tests compare with is worked
/// out once per list instead of once per row.
///
/// Exact by construction: a row whose cell is absent, or holds an enumeration index out of
/// range, is answered by the body's kernel as before; so is a whole list when something a
/// test compares with is missing.
struct RowTests: Sendable {
    enum Test: Sendable {
        /// An enumeration field equal (`wanted`) or not to a constant: bit `i` of `matches` is set
        /// when the field's `i`-th allowed value is that constant.
        case choice(field: Int, matches: UInt64, wanted: Bool)
        /// A whole number, date or bool field against `operands[operand]`.
        case compare(field: Int, op: ComparisonOperator, operand: Int)
        /// A bool field on its own.
        case truthy(field: Int)
    }

    /// What a comparison compares with: a constant, or a value that does not depend on the row.
    enum Operand: Sendable {
        case constant(Int)
        case computed(ScalarKernel.Function)
    }

    let tests: [Test]
    let operands: [Operand]

    /// Writes the operands' values for one list into `values`; false when one is missing.
    func resolve(_ input: KernelInput, into values: UnsafeMutableBufferPointer<Int>) -> Bool {
        for (index, operand) in operands.enumerated() {
            switch operand {
            case .constant(let value): values[index] = value
            case .computed(let function):
                guard let value = function(input) else { return false }
                values[index] = value
            }
        }
        return true
    }

    /// A row's answer by `tests`, 1 or 0; nil when a cell it reads first is absent or out of
    /// range. The first test that fails answers 0, as a false side of `&&` does whatever the
    /// other is.
    @inline(__always)
    static func answer(_ row: UnsafePointer<Int>, _ tests: UnsafeBufferPointer<Test>, _ values: UnsafeMutableBufferPointer<Int>) -> Int? {
        for test in tests {
            switch test {
            case .choice(let field, let matches, let wanted):
                let cell = row[field]
                guard cell >= 0, cell < 64 else { return nil }
                if ((matches >> UInt64(cell)) & 1 == 1) != wanted { return 0 }
            case .compare(let field, let op, let operand):
                let cell = row[field]
                guard cell != RecordTable.absent else { return nil }
                if !ScalarKernelCompiler.holds(op, cell, values[operand]) { return 0 }
            case .truthy(let field):
                let cell = row[field]
                guard cell != RecordTable.absent else { return nil }
                if cell == 0 { return 0 }
            }
        }
        return 1
    }
}

extension ScalarKernelCompiler {
    /// The body `op` of a macro over records of `record`'s type as ``RowTests``, when every
    /// part of it joined by `&&` is one the tests cover; nil otherwise.
    func rowTests(_ op: Op, local index: Int, slot: Int, record: RecordType) -> RowTests? {
        var parts: [Op] = []
        func flatten(_ op: Op) {
            if case .and(let l, let r) = op {
                flatten(l)
                flatten(r)
            } else {
                parts.append(op)
            }
        }
        flatten(op)
        var tests: [RowTests.Test] = []
        var operands: [RowTests.Operand] = []
        /// The field of the macro's own record that `op` reads, if that is all it does.
        func ownField(_ op: Op) -> Int? {
            guard case .field(.local(let local), let field) = op, local == index, record.types.indices.contains(field) else { return nil }
            return field
        }
        for part in parts {
            if let field = ownField(part), record.types[field] == .bool {
                tests.append(.truthy(field: field))
                continue
            }
            guard case .compare(let comparison, let l, let r, _) = part else { return nil }
            var op = comparison, fieldSide = l, other = r
            if ownField(l) == nil {
                op = comparison.mirrored
                fieldSide = r
                other = l
            }
            guard let field = ownField(fieldSide) else { return nil }
            let type = record.types[field]
            if type == .string {
                guard comparison == .equal || comparison == .notEqual, case .string(let constant)? = other.constantValue,
                      let allowed = fieldChoices[slot].flatMap({ $0.indices.contains(field) ? $0[field] : nil }), allowed.count <= 64
                else { return nil }
                var matches: UInt64 = 0
                for (position, value) in allowed.enumerated() where value == constant { matches |= 1 << UInt64(position) }
                tests.append(.choice(field: field, matches: matches, wanted: comparison == .equal))
                continue
            }
            // The other side is compiled outside the macro, so that it cannot read the row.
            guard let kind = Self.scalarKind(type), kind != .bool || op == .equal || op == .notEqual,
                  case .scalar(let otherKind, let function)? = piece(other), otherKind == kind else { return nil }
            if let constant = other.constantValue?.scalar {
                operands.append(.constant(constant))
            } else {
                operands.append(.computed(function))
            }
            tests.append(.compare(field: field, op: op, operand: operands.count - 1))
        }
        return tests.isEmpty ? nil : RowTests(tests: tests, operands: operands)
    }
}

extension ComparisonOperator {
    /// The operator with its sides swapped: `a < b` is `b > a`.
    var mirrored: ComparisonOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}
