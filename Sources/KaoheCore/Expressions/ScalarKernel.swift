/// The fast lane of expression evaluation: an expression whose value and every intermediate
/// value is a whole number, a bool or a date, run as a tree of closures over 64-bit integers
/// (bools as 0 and 1, dates as day ordinals) that reads the unit's facts in place, with no
/// `Value` made, copied or released on the way and no allocation.
///
/// A kernel answers only when it is certain: whenever a fact is missing, a number is not whole,
/// an operation would overflow 64 bits or a rule would fault, it answers nil, and the careful
/// evaluator (``Evaluator``) evaluates the expression again and gives the missing value or the
/// fault with its wording. So the two lanes agree by construction on every answer the kernel
/// gives (a test runs both on the benchmark units and on generated facts).
struct ScalarKernel: Sendable {
    /// What the integer a kernel gives stands for.
    enum Kind: Sendable, Equatable {
        case number, bool, date
    }

    let kind: Kind
    let run: Function

    /// A kernel's body: the integer value, or nil for "ask the careful evaluator".
    typealias Function = @Sendable (KernelInput) -> Int?

    /// The expression's value for `frame`, or nil when the careful evaluator must decide.
    func value(_ frame: Frame) -> Value? {
        guard let answer = integer(frame) else { return nil }
        switch kind {
        case .number: return .number(Rational(answer))
        case .bool: return .bool(answer != 0)
        case .date: return .date(Day(ordinal: answer))
        }
    }

    /// The kernel's integer for `frame` (what it stands for is ``kind``), or nil when the
    /// careful evaluator must decide.
    func integer(_ frame: Frame) -> Int? {
        frame.facts.withUnsafeBufferPointer { facts in
            frame.tables.tables.withUnsafeBufferPointer { tables in
                run(KernelInput(facts: facts, tables: tables, asOf: frame.asOf.ordinal, period: frame.period))
            }
        }
    }
}

/// What a kernel reads, valid for one call: the unit's facts in place, the assessment date and
/// period, and inside a list macro the element it is at (and, for a record, its fields).
struct KernelInput {
    var facts: UnsafeBufferPointer<Value>
    /// The list facts the fast lane read as tables (their slots in `facts` hold placeholders).
    var tables: UnsafeBufferPointer<RecordTable>
    var asOf: Int
    var period: (from: Day, to: Day)?
    var element: UnsafePointer<Value>?
    var record: UnsafeBufferPointer<Value>
    /// Inside a macro over a table: the row's cells, and what they mean.
    var row: UnsafePointer<Int>?
    unowned(unsafe) var rowLayout: RecordLayout?

    init(facts: UnsafeBufferPointer<Value>, tables: UnsafeBufferPointer<RecordTable> = UnsafeBufferPointer(start: nil, count: 0),
         asOf: Int, period: (from: Day, to: Day)?) {
        self.facts = facts
        self.tables = tables
        self.asOf = asOf
        self.period = period
        element = nil
        record = UnsafeBufferPointer(start: nil, count: 0)
        row = nil
        rowLayout = nil
    }

    /// The table of list fact `slot`, if it is one.
    func table(_ slot: Int) -> RecordTable? {
        for table in tables where table.slot == slot { return table }
        return nil
    }

    /// Field `field` of the current record as a kernel's integer (nil when absent or not scalar).
    func scalarField(_ field: Int) -> Int? {
        if let row {
            let cell = row[field]
            return cell == RecordTable.absent ? nil : cell
        }
        return record.count > field ? record[field].scalar : nil
    }

    /// Field `field` of the current record as a value.
    func field(_ field: Int) -> Value {
        if let row, let rowLayout { return rowLayout.value(of: row[field], field: field) }
        return record.count > field ? record[field] : .missing([])
    }

    /// Field `field` of the current record when it is text.
    func textField(_ field: Int) -> String? {
        if let row, let rowLayout { return rowLayout.text(of: row[field], field: field) }
        guard record.count > field, case .string(let text) = record[field] else { return nil }
        return text
    }
}

extension Value {
    /// The value as a kernel's integer: a whole number within 64 bits, a bool as 0 or 1, a date
    /// as its ordinal; nil for anything else (a missing fact, 2.5, a string, a list).
    var scalar: Int? {
        switch self {
        case .number(let n): return n.denominator == 1 ? Int(exactly: n.numerator) : nil
        case .bool(let b): return b ? 1 : 0
        case .date(let d): return d.ordinal
        default: return nil
        }
    }
}
