/// How the fast lane reads one fact's JSON value: the fact's declaration turned, once per plan,
/// into what decoding needs, so that a line is read without copying declarations, making a
/// `String` for an enumeration's value or comparing numbers as fractions. A codec only ever
/// narrows what the fast lane accepts; whatever it refuses goes to the careful path.
indirect enum FactCodec: Sendable {
    /// A whole number within declared whole bounds and choices.
    case whole(WholeBounds)
    case bool
    case date
    /// An enumeration's value, matched on its bytes against each allowed value's.
    case choice(Choices)
    case records(RecordCodec)
    /// A list of plain values, each read by the element's codec.
    case list(FactCodec)
    /// Anything else, read by the general routine with its declaration.
    case declared(FactSpec)

    init(_ spec: FactSpec) {
        switch spec.kind {
        case .int:
            if let bounds = WholeBounds(spec) { self = .whole(bounds) } else { self = .declared(spec) }
        case .bool: self = .bool
        case .date: self = .date
        case .enumeration(let allowed): self = .choice(Choices(allowed))
        case .records(let fields) where fields.count <= 64: self = .records(RecordCodec(fact: spec.name, fields: fields))
        case .list(let element):
            self = .list(FactCodec(FactSpec(name: spec.name, kind: element, title: spec.title, location: spec.location)))
        default: self = .declared(spec)
        }
    }
}

/// The bounds of an `int` fact as 64-bit integers; nil when a bound is not whole.
struct WholeBounds: Sendable {
    var min = Int64.min
    var max = Int64.max
    var oneOf: [Int64]?

    init?(_ spec: FactSpec) {
        func whole(_ n: Rational) -> Int64? { n.denominator == 1 ? Int64(exactly: n.numerator) : nil }
        if let bound = spec.min {
            guard let n = whole(bound) else { return nil }
            min = n
        }
        if let bound = spec.max {
            guard let n = whole(bound) else { return nil }
            max = n
        }
        if let choices = spec.oneOf {
            var numbers: [Int64] = []
            for choice in choices {
                guard case .number(let r) = choice, let n = whole(r) else { return nil }
                numbers.append(n)
            }
            oneOf = numbers
        }
    }

    func admits(_ n: Int64) -> Bool {
        n >= min && n <= max && (oneOf?.contains(n) ?? true)
    }
}

/// An enumeration's allowed values with their UTF-8 bytes.
final class Choices: Sendable {
    let bytes: [[UInt8]]
    let values: [Value]
    let allowed: [String]

    init(_ allowed: [String]) {
        bytes = allowed.map { Array($0.utf8) }
        values = allowed.map { Value.string($0) }
        self.allowed = allowed
    }

    /// The index of the allowed value spelled by `text`'s bytes, or nil.
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        for (index, choice) in bytes.enumerated() where choice.count == text.count {
            let same = choice.withUnsafeBufferPointer { choice in
                for offset in 0..<choice.count where choice[offset] != text[offset] { return false }
                return true
            }
            if same { return index }
        }
        return nil
    }
}

/// The fields of a list fact's records: their keys as bytes, codecs, names, and the value each
/// optional field reads as when a record leaves it out.
final class RecordCodec: Sendable {
    let names: [String]
    let keys: [[UInt8]]
    /// Each key with its quotes, as it stands in JSON.
    let quotedKeys: [[UInt8]]
    let fields: [FactCodec]
    let absent: [Value?]
    let width: Int

    init(fact: String, fields specs: [FactSpec]) {
        names = specs.map(\.name)
        keys = specs.map { Array($0.name.utf8) }
        quotedKeys = specs.map { [UInt8(ascii: "\"")] + Array($0.name.utf8) + [UInt8(ascii: "\"")] }
        fields = specs.map(FactCodec.init)
        absent = specs.map { $0.optional ? Value.missing(["\(fact).\($0.name)"]) : nil }
        width = specs.count
        var cells: [RecordLayout.Cell] = []
        for field in fields {
            switch field {
            case .whole: cells.append(.whole)
            case .bool: cells.append(.bool)
            case .date: cells.append(.date)
            case .choice(let choices): cells.append(.choice(values: choices.values, texts: choices.allowed))
            case .records, .list, .declared: break
            }
        }
        let tabular = !specs.isEmpty && cells.count == specs.count
        layout = tabular ? RecordLayout(names: names, cells: cells, absent: absent) : nil
        compact = tabular ? CompactRecordReader(fields: fields, quotedKeys: quotedKeys) : nil
    }

    /// The quick reader of compactly written records, for a list read as a table.
    let compact: CompactRecordReader?

    /// How a ``RecordTable`` of these records reads its cells; nil unless every field is read
    /// as a whole number, bool, date or enumeration value.
    let layout: RecordLayout?
}
