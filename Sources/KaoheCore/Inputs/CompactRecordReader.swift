/// The quickest reading of one record of a list fact: a record written compactly, the way
/// `JSON.stringify`, Python's `json.dumps(separators=…)` and most exporters write it
/// (`{"type":"committee","date":"2026-01-01"}`), with every field in declared order.
///
/// Each field's key is matched together with the punctuation around it (`{"type":`,
/// `,"date":`) and each enumeration value together with its quotes, so a record costs a few
/// comparisons of bytes instead of a scan per string. Anything else — a space, another order,
/// a field left out or given as `null`, an escape, an unknown key — makes ``read(_:_:into:months:)``
/// give up and put everything back, and the record goes to
/// ``FastAssessmentDecoder/decodeRow(_:_:into:)``, which reads any of those.
/// Made once per plan, with the record's ``RecordCodec``.
struct CompactRecordReader: Sendable {
    /// How one field's value is read.
    enum Kind: Sendable {
        /// An enumeration's value, matched against the spellings in `choices`.
        case choice
        /// A `"YYYY-MM-DD"` date.
        case date
        /// Anything else the table holds (a whole number, a bool), read by its codec.
        case other
    }

    struct Field: Sendable {
        /// Where the field's head (`{"type":` for the first, `,"date":` after) is in ``bytes``.
        var head: Range<Int>
        var kind: Kind
        /// For a choice: its spellings in ``spellings``.
        var choices: Range<Int>
    }

    /// An allowed value in quotes, as compact JSON spells it, and its first eight bytes as a
    /// word (with a mask when it is shorter), to rule most values out with one comparison.
    struct Spelling: Sendable {
        var bytes: Range<Int>
        var word: UInt64
        var mask: UInt64
        /// The value's index among the allowed values (the cell).
        var index: Int
    }

    /// Every head, the closing `}` and every spelling, end to end.
    let bytes: [UInt8]
    let fields: [Field]
    let spellings: [Spelling]
    /// The record's codecs, for fields of kind ``Kind/other``.
    let codecs: [FactCodec]
    /// Where the closing `}` is in ``bytes``.
    let closing: Int

    /// A reader for records of these fields (their codecs, and their keys in quotes), or nil
    /// when a field is not one a table holds.
    init?(fields codecs: [FactCodec], quotedKeys: [[UInt8]]) {
        var bytes: [UInt8] = []
        var fields: [Field] = []
        var spellings: [Spelling] = []
        for (offset, field) in codecs.enumerated() {
            let headStart = bytes.count
            bytes.append(offset == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            bytes += quotedKeys[offset]
            bytes.append(UInt8(ascii: ":"))
            let head = headStart..<bytes.count
            switch field {
            case .choice(let choices):
                let first = spellings.count
                for (index, value) in choices.bytes.enumerated() where !value.contains(where: Self.needsEscape) {
                    let start = bytes.count
                    bytes.append(UInt8(ascii: "\""))
                    bytes += value
                    bytes.append(UInt8(ascii: "\""))
                    spellings.append(Self.spelling(bytes[start...], at: start, index: index))
                }
                fields.append(Field(head: head, kind: .choice, choices: first..<spellings.count))
            case .date:
                fields.append(Field(head: head, kind: .date, choices: 0..<0))
            case .whole, .bool:
                fields.append(Field(head: head, kind: .other, choices: 0..<0))
            case .records, .list, .declared:
                return nil
            }
        }
        closing = bytes.count
        bytes.append(UInt8(ascii: "}"))
        self.bytes = bytes
        self.fields = fields
        self.spellings = spellings
        self.codecs = codecs
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    static func spelling(_ quoted: ArraySlice<UInt8>, at start: Int, index: Int) -> Spelling {
        var word: UInt64 = 0, mask: UInt64 = 0
        for (shift, byte) in quoted.prefix(8).enumerated() {
            word |= UInt64(byte) << UInt64(8 * shift)
            mask |= 0xFF << UInt64(8 * shift)
        }
        return Spelling(bytes: start..<(start + quoted.count), word: word, mask: mask, index: index)
    }

    /// The reader's tables as buffers, taken once per list (see ``withBuffers(_:)``).
    struct Buffers {
        var pattern: UnsafeBufferPointer<UInt8>
        var fields: UnsafeBufferPointer<Field>
        var spellings: UnsafeBufferPointer<Spelling>
    }

    func withBuffers<T>(_ body: (Buffers) -> T) -> T {
        bytes.withUnsafeBufferPointer { pattern in
            fields.withUnsafeBufferPointer { fields in
                spellings.withUnsafeBufferPointer { spellings in
                    body(Buffers(pattern: pattern, fields: fields, spellings: spellings))
                }
            }
        }
    }

    /// Reads one compact record at the cursor into `cells` (a row); false, with the cursor and
    /// `cells` as they were, for anything it does not read.
    func read(_ r: inout JSONByteReader, _ tables: Buffers, into cells: inout [Int], months: inout MonthCache) -> Bool {
        let start = r.index, rowStart = cells.count
        var complete = true
        for offset in 0..<tables.fields.count {
            let field = tables.fields[offset]
            guard r.takeExactly(tables.pattern, field.head) else {
                complete = false
                break
            }
            let cell: Int?
            switch field.kind {
            case .choice: cell = choice(&r, tables, field.choices)
            case .date: cell = r.compactDay(months: &months)
            case .other: cell = FastAssessmentDecoder.decodeCell(&r, codecs[offset])
            }
            guard let cell else {
                complete = false
                break
            }
            cells.append(cell)
        }
        if complete, r.takeExactly(tables.pattern, closing..<(closing + 1)) { return true }
        r.index = start
        cells.removeSubrange(rowStart...)
        return false
    }

    /// The index of the allowed value whose quoted spelling is at the cursor.
    @inline(__always)
    func choice(_ r: inout JSONByteReader, _ tables: Buffers, _ range: Range<Int>) -> Int? {
        guard let base = r.bytes.baseAddress, r.index + 8 <= r.bytes.count else { return nil }
        let word = UnsafeRawPointer(base + r.index).loadUnaligned(as: UInt64.self)
        for offset in range {
            let spelling = tables.spellings[offset]
            if word & spelling.mask == spelling.word, r.takeExactly(tables.pattern, spelling.bytes) { return spelling.index }
        }
        return nil
    }
}
