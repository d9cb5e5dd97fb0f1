import Foundation

/// The fast lane for JSON Lines batches: decodes one line straight from its bytes into a
/// `SelfAssessment` for a compiled checklist, without building a located node tree. It accepts
/// only lines it can decode with certainty (plain JSON, declared facts of the right types within
/// their ranges, no responses or projects) and otherwise returns nil, so that the careful path
/// (`JSONNodeParser` + `SelfAssessmentParser`) decodes the line again and reports every problem
/// with its position. For a line both accept, both give the same assessment (a test checks it).
package struct FastAssessmentDecoder: Sendable {
    let plan: ChecklistPlan
    /// Fact names as bytes, with their slots, for a look-up without making strings.
    let names: [(bytes: [UInt8], slot: Int)]
    /// Every fact's name in quotes, as JSON spells a key, end to end, and where each slot's is:
    /// the key a line is expected to give next is matched with a few comparisons of words.
    let quotedNames: [UInt8]
    let quotedRanges: [Range<Int>]
    /// How each fact slot's value is read.
    let codecs: [FactCodec]
    /// What each slot holds when the unit does not give the fact.
    let absentFacts: [Value]
    /// The categories a unit may name, as bytes, with the checklist's own strings.
    let categories: [(bytes: [UInt8], id: String)]
    let needsCategory: Bool
    let checklistID: [UInt8]

    package init(plan: ChecklistPlan) {
        self.plan = plan
        names = plan.facts.enumerated().map { (Array($0.element.name.utf8), $0.offset) }
        var quoted: [UInt8] = [], ranges: [Range<Int>] = []
        for (bytes, _) in names {
            let start = quoted.count
            quoted += [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
            // A name that would need an escape in JSON is never matched this way.
            ranges.append(bytes.contains(where: CompactRecordReader.needsEscape) ? start..<start : start..<quoted.count)
        }
        quotedNames = quoted
        quotedRanges = ranges
        codecs = plan.facts.map(FactCodec.init)
        absentFacts = plan.facts.map { Value.missing([$0.name]) }
        let weighted = !plan.checklist.weights.isEmpty
        needsCategory = weighted
        categories = plan.checklist.categories.map(\.id.value).filter { !weighted || plan.checklist.weights(for: $0) != nil }
            .map { (Array($0.utf8), $0) }
        checklistID = Array(plan.checklist.id.utf8)
    }

    /// The assessment on `line`, or nil when the careful path must decide.
    package func decode(_ line: String, path: String, number: Int) -> SelfAssessment? {
        var text = line
        return text.withUTF8 { bytes in
            var reader = JSONByteReader(bytes: bytes)
            return decodeDocument(&reader, path: path, number: number)
        }
    }

    /// The assessment on a line given as its bytes (valid UTF-8), or nil when the careful path
    /// must decide.
    package func decode(bytes: UnsafeBufferPointer<UInt8>, path: String, number: Int) -> SelfAssessment? {
        var reader = JSONByteReader(bytes: bytes)
        return decodeDocument(&reader, path: path, number: number)
    }

    /// The top-level keys of a self-assessment line.
    static let documentKeys: [[UInt8]] = ["kaohe", "kind", "checklist", "unit", "as_of", "facts"].map { Array($0.utf8) }
    static let selfAssessment = Array("self-assessment".utf8)

    func decodeDocument(_ r: inout JSONByteReader, path: String, number: Int) -> SelfAssessment? {
        r.skipSpace()
        let column = r.index + 1
        guard r.take(UInt8(ascii: "{")) else { return nil }
        var seen: UInt8 = 0
        var unit: Unit?
        var asOf: Day?
        var checklist: String?
        var facts: (values: [Value], tables: FactTables)?
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let range = r.stringRange(), let key = Self.documentKeys.firstIndex(where: { r.spells($0, at: range) }),
                      seen & (1 << key) == 0, r.colon() else { return nil }
                seen |= 1 << key
                switch key {
                case 0:
                    guard r.literal("1") else { return nil }
                case 1:
                    guard let kind = r.stringRange(), r.spells(Self.selfAssessment, at: kind) else { return nil }
                case 2:
                    guard let id = r.stringRange(), r.spells(checklistID, at: id) else { return nil }
                    checklist = plan.checklist.id
                case 3:
                    guard let decoded = decodeUnit(&r) else { return nil }
                    unit = decoded
                case 4:
                    guard let day = r.day() else { return nil }
                    asOf = day
                default:
                    guard let decoded = decodeFacts(&r) else { return nil }
                    facts = decoded
                }
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return nil }
        }
        r.skipSpace()
        guard r.atEnd, seen & 0b11 == 0b11, let unit, let facts else { return nil }
        return SelfAssessment(source: path, checklist: checklist, unit: unit, asOf: asOf, facts: facts.values, tables: facts.tables,
                              responses: [:], location: SourceLocation(file: path, line: number, column: column))
    }

    static let unitKeys: [[UInt8]] = ["id", "name", "category"].map { Array($0.utf8) }

    func decodeUnit(_ r: inout JSONByteReader) -> Unit? {
        guard r.take(UInt8(ascii: "{")) else { return nil }
        var id: String?, name: String?, category: String?
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let range = r.stringRange(), let key = Self.unitKeys.firstIndex(where: { r.spells($0, at: range) }),
                      r.colon() else { return nil }
                switch key {
                case 0:
                    guard id == nil, let value = r.string(), Self.isPlainIdentifier(value) else { return nil }
                    id = value
                case 1:
                    guard name == nil, let value = r.string() else { return nil }
                    name = value
                default:
                    guard category == nil, let value = r.stringRange(),
                          let known = categories.first(where: { r.spells($0.bytes, at: value) }) else { return nil }
                    category = known.id
                }
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return nil }
        }
        guard let id, category != nil || !needsCategory else { return nil }
        return Unit(id: id, name: name ?? id, category: category)
    }

    /// The facts object: each slot's value, and the tables of the list facts read as tables.
    func decodeFacts(_ r: inout JSONByteReader) -> (values: [Value], tables: FactTables)? {
        var values = absentFacts
        var tables: [RecordTable] = []
        var given = Set<Int>()
        var givenLow: UInt64 = 0
        guard r.take(UInt8(ascii: "{")) else { return nil }
        if r.take(UInt8(ascii: "}")) { return (values, FactTables()) }
        var expected = 0
        repeat {
            guard let slot = factSlot(&r, expected: expected), r.colon() else { return nil }
            expected = slot + 1
            if slot < 64 {
                guard givenLow & (1 << UInt64(slot)) == 0 else { return nil }
                givenLow |= 1 << UInt64(slot)
            } else {
                guard given.insert(slot).inserted else { return nil }
            }
            if r.literal("null") { continue }
            if case .records(let codec) = codecs[slot], let layout = codec.layout {
                guard let table = decodeTable(&r, codec, layout, slot: slot) else { return nil }
                tables.append(table)
                // The slot holds a placeholder until the list is asked for (`FactTables`).
                values[slot] = .list([])
                continue
            }
            guard let value = decode(&r, codecs[slot]) else { return nil }
            values[slot] = value
        } while r.comma()
        guard r.take(UInt8(ascii: "}")) else { return nil }
        return (values, FactTables(tables))
    }

    /// The slot of the fact named by the next JSON string (escape-free), or nil. Facts mostly
    /// come in declared order, so the slot after the previous one is tried first.
    func factSlot(_ r: inout JSONByteReader, expected: Int) -> Int? {
        r.skipSpace()
        if expected < quotedRanges.count, !quotedRanges[expected].isEmpty,
           quotedNames.withUnsafeBufferPointer({ r.takeExactly($0, quotedRanges[expected]) }) {
            return names[expected].slot
        }
        guard let range = r.stringRange() else { return nil }
        if expected < names.count, r.spells(names[expected].bytes, at: range) { return names[expected].slot }
        return names.first { r.spells($0.bytes, at: range) }?.slot
    }

    /// One value by its codec.
    func decode(_ r: inout JSONByteReader, _ codec: FactCodec) -> Value? {
        switch codec {
        case .whole(let bounds):
            guard let number = r.number(), number.isWhole, bounds.admits(number.mantissa) else { return nil }
            return .number(Rational(number.mantissa))
        case .bool:
            if r.literal("true") { return .bool(true) }
            if r.literal("false") { return .bool(false) }
            return nil
        case .date:
            return r.day().map(Value.date)
        case .choice(let choices):
            guard let index = r.choice(choices) else { return nil }
            return choices.values[index]
        case .records(let codec):
            guard r.take(UInt8(ascii: "[")) else { return nil }
            var records: [Value] = []
            if r.take(UInt8(ascii: "]")) { return .list(records) }
            repeat {
                guard let record = decodeRecord(&r, codec) else { return nil }
                records.append(record)
            } while r.comma()
            return r.take(UInt8(ascii: "]")) ? .list(records) : nil
        case .list(let element):
            guard r.take(UInt8(ascii: "[")) else { return nil }
            var items: [Value] = []
            if r.take(UInt8(ascii: "]")) { return .list(items) }
            repeat {
                guard let value = decode(&r, element) else { return nil }
                items.append(value)
            } while r.comma()
            return r.take(UInt8(ascii: "]")) ? .list(items) : nil
        case .declared(let spec):
            return decodeValue(&r, as: spec)
        }
    }

    /// One record of a list fact, its fields in declared order; one array made per record.
    /// Fields written in declared order are appended as read; otherwise the record is read
    /// again into placeholders.
    func decodeRecord(_ r: inout JSONByteReader, _ codec: RecordCodec) -> Value? {
        let start = r.index
        guard r.take(UInt8(ascii: "{")) else { return nil }
        var values: [Value] = []
        values.reserveCapacity(codec.fields.count)
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = r.stringRange(), let index = codec.keys.firstIndex(where: { r.spells($0, at: key) }) else { return nil }
                guard index >= values.count else {
                    r.index = start
                    return decodeRecordInAnyOrder(&r, codec)
                }
                while values.count < index {
                    guard let absent = codec.absent[values.count] else {
                        r.index = start
                        return decodeRecordInAnyOrder(&r, codec)
                    }
                    values.append(absent)
                }
                guard r.colon(), !r.peekLiteral("null"), let value = decode(&r, codec.fields[index]) else { return nil }
                values.append(value)
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return nil }
        }
        while values.count < codec.fields.count {
            guard let absent = codec.absent[values.count] else { return nil }
            values.append(absent)
        }
        return .record(names: codec.names, values: values)
    }

    /// A record whose fields come in any order (each at most once).
    func decodeRecordInAnyOrder(_ r: inout JSONByteReader, _ codec: RecordCodec) -> Value? {
        guard r.take(UInt8(ascii: "{")) else { return nil }
        var values = Array(repeating: Value.bool(false), count: codec.fields.count)
        var given: UInt64 = 0
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = r.stringRange(), let index = codec.keys.firstIndex(where: { r.spells($0, at: key) }),
                      given & (1 << UInt64(index)) == 0, r.colon(), !r.peekLiteral("null"),
                      let value = decode(&r, codec.fields[index]) else { return nil }
                values[index] = value
                given |= 1 << UInt64(index)
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return nil }
        }
        for index in values.indices where given & (1 << UInt64(index)) == 0 {
            guard let absent = codec.absent[index] else { return nil }
            values[index] = absent
        }
        return .record(names: codec.names, values: values)
    }

    /// A value of the kinds no codec of its own reads: decimals, strings, durations, and whole
    /// numbers with bounds that are not whole.
    func decodeValue(_ r: inout JSONByteReader, as fact: FactSpec) -> Value? {
        switch fact.kind {
        case .int, .decimal:
            guard let number = r.number(), fact.kind == .decimal || number.isWhole else { return nil }
            let value = number.decimal
            return fact.breach(number: value) == nil ? .number(value) : nil
        case .string, .enumeration:
            guard let text = r.string(), fact.breach(text: text) == nil else { return nil }
            return .string(text)
        case .duration:
            guard let duration = r.string().flatMap({ Duration($0) }) else { return nil }
            return .duration(duration)
        case .bool, .date, .records, .list:
            // Read by codecs of their own; a record of more than 64 fields is left to the careful path.
            return nil
        }
    }

    /// Letters, digits, '-', '_' and '.' in ASCII: the ids the careful path certainly accepts.
    static func isPlainIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
