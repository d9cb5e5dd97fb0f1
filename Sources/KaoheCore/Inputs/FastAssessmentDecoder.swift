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
    let categories: Set<String>
    let needsCategory: Bool

    package init(plan: ChecklistPlan) {
        self.plan = plan
        names = plan.facts.enumerated().map { (Array($0.element.name.utf8), $0.offset) }
        let weighted = !plan.checklist.weights.isEmpty
        needsCategory = weighted
        categories = Set(plan.checklist.categories.map(\.id.value).filter { !weighted || plan.checklist.weights(for: $0) != nil })
    }

    /// The assessment on `line`, or nil when the careful path must decide.
    package func decode(_ line: String, path: String, number: Int) -> SelfAssessment? {
        var text = line
        return text.withUTF8 { bytes in
            var reader = JSONByteReader(bytes: bytes)
            return decodeDocument(&reader, path: path, number: number)
        }
    }

    func decodeDocument(_ r: inout JSONByteReader, path: String, number: Int) -> SelfAssessment? {
        r.skipSpace()
        let column = r.index + 1
        guard r.take(UInt8(ascii: "{")) else { return nil }
        var seen = Set<String>()
        var unit: Unit?
        var asOf: Day?
        var checklist: String?
        var facts: [Value]?
        var sawVersion = false, sawKind = false
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = r.string(), seen.insert(key).inserted, r.colon() else { return nil }
                switch key {
                case "kaohe":
                    guard r.literal("1") else { return nil }
                    sawVersion = true
                case "kind":
                    guard r.string() == "self-assessment" else { return nil }
                    sawKind = true
                case "checklist":
                    guard let id = r.string(), id == plan.checklist.id else { return nil }
                    checklist = id
                case "unit":
                    guard let decoded = decodeUnit(&r) else { return nil }
                    unit = decoded
                case "as_of":
                    guard let day = r.day() else { return nil }
                    asOf = day
                case "facts":
                    guard let decoded = decodeFacts(&r) else { return nil }
                    facts = decoded
                default:
                    return nil
                }
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return nil }
        }
        r.skipSpace()
        guard r.atEnd, sawVersion, sawKind, let unit, let facts else { return nil }
        return SelfAssessment(source: path, checklist: checklist, unit: unit, asOf: asOf, facts: facts, responses: [:],
                              location: SourceLocation(file: path, line: number, column: column))
    }

    func decodeUnit(_ r: inout JSONByteReader) -> Unit? {
        guard r.take(UInt8(ascii: "{")) else { return nil }
        var id: String?, name: String?, category: String?
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = r.string(), r.colon(), let value = r.string() else { return nil }
                switch key {
                case "id" where id == nil && Self.isPlainIdentifier(value): id = value
                case "name" where name == nil: name = value
                case "category" where category == nil && categories.contains(value): category = value
                default: return nil
                }
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return nil }
        }
        guard let id, category != nil || !needsCategory else { return nil }
        return Unit(id: id, name: name ?? id, category: category)
    }

    func decodeFacts(_ r: inout JSONByteReader) -> [Value]? {
        var values = plan.facts.map { Value.missing([$0.name]) }
        var given = Array(repeating: false, count: values.count)
        guard r.take(UInt8(ascii: "{")) else { return nil }
        if r.take(UInt8(ascii: "}")) { return values }
        repeat {
            guard let slot = factSlot(&r), !given[slot], r.colon() else { return nil }
            given[slot] = true
            if r.literal("null") { continue }
            guard let value = decodeValue(&r, as: plan.facts[slot], field: nil) else { return nil }
            values[slot] = value
        } while r.comma()
        guard r.take(UInt8(ascii: "}")) else { return nil }
        return values
    }

    /// The slot of the fact named by the next JSON string (escape-free), or nil.
    func factSlot(_ r: inout JSONByteReader) -> Int? {
        guard let range = r.stringRange() else { return nil }
        return names.first { r.spells($0.bytes, at: range) }?.slot
    }

    func decodeValue(_ r: inout JSONByteReader, as fact: FactSpec, field: String?) -> Value? {
        switch fact.kind {
        case .int, .decimal:
            guard let number = r.number(), fact.kind == .decimal || number.isWhole else { return nil }
            let value = number.decimal
            return fact.breach(number: value) == nil ? .number(value) : nil
        case .bool:
            if r.literal("true") { return .bool(true) }
            if r.literal("false") { return .bool(false) }
            return nil
        case .string, .enumeration:
            guard let text = r.string(), fact.breach(text: text) == nil else { return nil }
            return .string(text)
        case .date:
            guard let day = r.day() else { return nil }
            return .date(day)
        case .duration:
            guard let duration = r.string().flatMap({ Duration($0) }) else { return nil }
            return .duration(duration)
        case .list(let element):
            guard r.take(UInt8(ascii: "[")) else { return nil }
            var items: [Value] = []
            if r.take(UInt8(ascii: "]")) { return .list(items) }
            let spec = FactSpec(name: fact.name, kind: element, title: fact.title, location: fact.location)
            repeat {
                guard let value = decodeValue(&r, as: spec, field: nil) else { return nil }
                items.append(value)
            } while r.comma()
            return r.take(UInt8(ascii: "]")) ? .list(items) : nil
        case .records(let fields):
            guard r.take(UInt8(ascii: "[")) else { return nil }
            var records: [Value] = []
            if r.take(UInt8(ascii: "]")) { return .list(records) }
            let names = fields.map(\.name)
            let keys = fields.map { Array($0.name.utf8) }
            repeat {
                guard let record = decodeRecord(&r, fields: fields, names: names, keys: keys, fact: fact.name) else { return nil }
                records.append(record)
            } while r.comma()
            return r.take(UInt8(ascii: "]")) ? .list(records) : nil
        }
    }

    /// One record of a list fact, its fields in declared order; one array made per record.
    func decodeRecord(_ r: inout JSONByteReader, fields: [FactSpec], names: [String], keys: [[UInt8]], fact: String) -> Value? {
        guard r.take(UInt8(ascii: "{")), fields.count <= 64 else { return nil }
        var values = Array(repeating: Value.bool(false), count: fields.count)
        var given: UInt64 = 0
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = r.stringRange(), let index = keys.firstIndex(where: { r.spells($0, at: key) }),
                      given & (1 << UInt64(index)) == 0, r.colon(), !r.peekLiteral("null"),
                      let value = decodeValue(&r, as: fields[index], field: names[index]) else { return nil }
                values[index] = value
                given |= 1 << UInt64(index)
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return nil }
        }
        for (index, field) in fields.enumerated() where given & (1 << UInt64(index)) == 0 {
            guard field.optional else { return nil }
            values[index] = .missing(["\(fact).\(field.name)"])
        }
        return .record(names: names, values: values)
    }

    /// Letters, digits, '-', '_' and '.' in ASCII: the ids the careful path certainly accepts.
    static func isPlainIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
