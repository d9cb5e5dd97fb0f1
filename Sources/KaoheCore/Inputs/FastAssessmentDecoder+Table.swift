extension FastAssessmentDecoder {
    /// A list of records whose fields are all whole numbers, bools, dates or enumeration
    /// values, as a ``RecordTable``: each record's fields go straight into its row of cells.
    func decodeTable(_ r: inout JSONByteReader, _ codec: RecordCodec, _ layout: RecordLayout, slot: Int) -> RecordTable? {
        guard r.take(UInt8(ascii: "[")) else { return nil }
        var cells: [Int] = []
        cells.reserveCapacity(codec.width * 32)
        if !r.take(UInt8(ascii: "]")) {
            var months = MonthCache()
            let read = codec.compact.map { compact in
                compact.withBuffers { tables in
                    readRows(&r, codec, into: &cells) { compact.read(&$0, tables, into: &$1, months: &months) }
                }
            } ?? readRows(&r, codec, into: &cells) { _, _ in false }
            guard read, r.take(UInt8(ascii: "]")) else { return nil }
        }
        return RecordTable(slot: slot, layout: layout, cells: cells)
    }

    /// The records of a list up to its `]`, each read by `quick` if it can and by
    /// ``decodeRow(_:_:into:)`` otherwise.
    @inline(__always)
    func readRows(_ r: inout JSONByteReader, _ codec: RecordCodec, into cells: inout [Int],
                  quick: (inout JSONByteReader, inout [Int]) -> Bool) -> Bool {
        repeat {
            guard quick(&r, &cells) || decodeRow(&r, codec, into: &cells) else { return false }
        } while r.comma()
        return true
    }

    /// One record as a row. A record with every field, in declared order, is read by matching
    /// each key's bytes where it is expected; any other record is read key by key.
    func decodeRow(_ r: inout JSONByteReader, _ codec: RecordCodec, into cells: inout [Int]) -> Bool {
        let start = r.index
        let rowStart = cells.count
        if decodeFullRow(&r, codec, into: &cells) { return true }
        r.index = start
        cells.removeSubrange(rowStart...)
        return decodeRowByKey(&r, codec, into: &cells)
    }

    /// A record with every field in declared order; false at the first thing out of that order.
    /// (A `null` is refused by every cell's reader, and then by ``decodeRowByKey``.)
    func decodeFullRow(_ r: inout JSONByteReader, _ codec: RecordCodec, into cells: inout [Int]) -> Bool {
        guard r.take(UInt8(ascii: "{")) else { return false }
        for field in 0..<codec.width {
            guard field == 0 || r.comma(), r.takeBytes(codec.quotedKeys[field]), r.colon(),
                  let cell = Self.decodeCell(&r, codec.fields[field]) else { return false }
            cells.append(cell)
        }
        return r.take(UInt8(ascii: "}"))
    }

    /// A record read key by key: fields in declared order are appended as read; otherwise the
    /// record is read again in any order.
    func decodeRowByKey(_ r: inout JSONByteReader, _ codec: RecordCodec, into cells: inout [Int]) -> Bool {
        let start = r.index
        let rowStart = cells.count
        guard r.take(UInt8(ascii: "{")) else { return false }
        var next = 0
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = r.stringRange(), let index = codec.keys.firstIndex(where: { r.spells($0, at: key) }) else { return false }
                guard index >= next else {
                    r.index = start
                    cells.removeSubrange(rowStart...)
                    return decodeRowInAnyOrder(&r, codec, into: &cells)
                }
                while next < index {
                    guard codec.absent[next] != nil else {
                        r.index = start
                        cells.removeSubrange(rowStart...)
                        return decodeRowInAnyOrder(&r, codec, into: &cells)
                    }
                    cells.append(RecordTable.absent)
                    next += 1
                }
                guard r.colon(), !r.peekLiteral("null"), let cell = Self.decodeCell(&r, codec.fields[index]) else { return false }
                cells.append(cell)
                next += 1
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return false }
        }
        while next < codec.width {
            guard codec.absent[next] != nil else { return false }
            cells.append(RecordTable.absent)
            next += 1
        }
        return true
    }

    /// A record whose fields come in any order (each at most once), as a row.
    func decodeRowInAnyOrder(_ r: inout JSONByteReader, _ codec: RecordCodec, into cells: inout [Int]) -> Bool {
        guard r.take(UInt8(ascii: "{")) else { return false }
        let rowStart = cells.count
        cells.append(contentsOf: repeatElement(RecordTable.absent, count: codec.width))
        var given: UInt64 = 0
        if !r.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = r.stringRange(), let index = codec.keys.firstIndex(where: { r.spells($0, at: key) }),
                      given & (1 << UInt64(index)) == 0, r.colon(), !r.peekLiteral("null"),
                      let cell = Self.decodeCell(&r, codec.fields[index]) else { return false }
                cells[rowStart + index] = cell
                given |= 1 << UInt64(index)
            } while r.comma()
            guard r.take(UInt8(ascii: "}")) else { return false }
        }
        for index in 0..<codec.width where given & (1 << UInt64(index)) == 0 {
            guard codec.absent[index] != nil else { return false }
        }
        return true
    }

    /// One field's value as a cell.
    static func decodeCell(_ r: inout JSONByteReader, _ codec: FactCodec) -> Int? {
        switch codec {
        case .whole(let bounds):
            guard let number = r.number(), number.isWhole, bounds.admits(number.mantissa), number.mantissa != RecordTable.absent
            else { return nil }
            return Int(number.mantissa)
        case .bool:
            if r.literal("true") { return 1 }
            if r.literal("false") { return 0 }
            return nil
        case .date:
            return r.day()?.ordinal
        case .choice(let choices):
            return r.choice(choices)
        case .records, .list, .declared:
            return nil
        }
    }
}

extension JSONByteReader {
    /// The index among `choices` of the next string (escape-free), matched on its bytes.
    mutating func choice(_ choices: Choices) -> Int? {
        guard let range = stringRange() else { return nil }
        return choices.index(of: UnsafeBufferPointer(rebasing: bytes[range]))
    }
}
