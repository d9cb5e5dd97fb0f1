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
    let codec: RecordCodec
    let cells: [Int]

    /// The cell of an optional field the record leaves out (no JSON number the fast lane reads
    /// is this small, and no day ordinal).
    static let absent = Int.min

    init(slot: Int, codec: RecordCodec, cells: [Int]) {
        self.slot = slot
        self.codec = codec
        self.cells = cells
    }

    /// How many records the list has.
    var count: Int { cells.count / codec.width }

    /// The list as the careful path gives it: records with their fields by name.
    var value: Value {
        let width = codec.width
        var records: [Value] = []
        records.reserveCapacity(count)
        for row in 0..<count {
            var fields: [Value] = []
            fields.reserveCapacity(width)
            for field in 0..<width {
                fields.append(codec.value(of: cells[row * width + field], field: field))
            }
            records.append(.record(names: codec.names, values: fields))
        }
        return .list(records)
    }
}

extension RecordCodec {
    /// What a cell of `field` stands for.
    func value(of cell: Int, field: Int) -> Value {
        if cell == RecordTable.absent { return absent[field] ?? .missing([names[field]]) }
        switch fields[field] {
        case .whole: return .number(Rational(cell))
        case .bool: return .bool(cell != 0)
        case .date: return .date(Day(ordinal: cell))
        case .choice(let choices): return choices.values[cell]
        case .records, .list, .declared: return .missing([names[field]])
        }
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
