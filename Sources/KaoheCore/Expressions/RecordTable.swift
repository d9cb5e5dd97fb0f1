/// A list fact's records as the fast lane decodes them: one row of whole numbers a record, in
/// one array, instead of a `Value` and an array for every record. A cell holds a whole number
/// as itself, a bool as 0 or 1, a date as its day ordinal and an enumeration's value as its
/// index among the allowed values; ``absent`` marks an optional field the record leaves out.
///
/// Expression kernels read the rows in place; everything else sees the list as ``value``,
/// made when first asked for (``Frame/materialize()``, ``SelfAssessment/facts``), equal to
/// what the careful path decodes from the same line.
package final class RecordTable: Sendable {
    /// The slot of the list fact in the unit's facts.
    let slot: Int
    let layout: RecordLayout
    let cells: [Int]

    /// The cell of an optional field the record leaves out (no JSON number the fast lane reads
    /// is this small, and no day ordinal).
    static let absent = Int.min

    init(slot: Int, layout: RecordLayout, cells: [Int]) {
        self.slot = slot
        self.layout = layout
        self.cells = cells
    }

    /// How many records the list has.
    var count: Int { cells.count / layout.width }

    /// The list as the careful path gives it: records with their fields by name.
    var value: Value {
        let width = layout.width
        var records: [Value] = []
        records.reserveCapacity(count)
        for row in 0..<count {
            var fields: [Value] = []
            fields.reserveCapacity(width)
            for field in 0..<width {
                fields.append(layout.value(of: cells[row * width + field], field: field))
            }
            records.append(.record(names: layout.names, values: fields))
        }
        return .list(records)
    }
}

/// What the cells of a table's rows stand for, field by field: made once per plan for a list
/// fact that can be read as a table.
final class RecordLayout: Sendable {
    /// How a field's cells are read.
    enum Cell: Sendable {
        case whole, bool, date
        /// An enumeration's value, by its index among these values (their texts alongside).
        case choice(values: [Value], texts: [String])
    }

    let names: [String]
    let cells: [Cell]
    /// What each optional field reads as when a record leaves it out (nil for a required one).
    let absent: [Value?]
    var width: Int { names.count }

    init(names: [String], cells: [Cell], absent: [Value?]) {
        self.names = names
        self.cells = cells
        self.absent = absent
    }

    /// What a cell of `field` stands for.
    func value(of cell: Int, field: Int) -> Value {
        if cell == RecordTable.absent { return absent[field] ?? .missing([names[field]]) }
        switch cells[field] {
        case .whole: return .number(Rational(cell))
        case .bool: return .bool(cell != 0)
        case .date: return .date(Day(ordinal: cell))
        case .choice(let values, _): return values[cell]
        }
    }

    /// The text of a cell of `field`, when the field is an enumeration and the record gives it.
    func text(of cell: Int, field: Int) -> String? {
        guard cell != RecordTable.absent, case .choice(_, let texts) = cells[field] else { return nil }
        return texts[cell]
    }
}

/// The record tables of one unit's facts, by slot (usually none or one).
package struct FactTables: Sendable {
    var tables: [RecordTable] = []

    package init() {}

    init(_ tables: [RecordTable]) {
        self.tables = tables
    }

    var isEmpty: Bool { tables.isEmpty }

    /// The table of list fact `slot`, if the fast lane made one.
    func table(_ slot: Int) -> RecordTable? {
        for table in tables where table.slot == slot { return table }
        return nil
    }

    /// `facts` with each table's list in its slot.
    func materialized(_ facts: [Value]) -> [Value] {
        var facts = facts
        for table in tables { facts[table.slot] = table.value }
        return facts
    }
}
