import Foundation

/// A cursor over one line's UTF-8 bytes with the few JSON pieces the fast lane reads. Every
/// method returns nil or false for anything out of the ordinary (escapes, exponents, more
/// than 18 digits), leaving the careful path to judge it.
struct JSONByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    mutating func skipSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            index += 1
        }
    }

    /// Consumes `byte` (after any space) if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes exactly `expected` (after any space) if it is next.
    mutating func takeBytes(_ expected: [UInt8]) -> Bool {
        skipSpace()
        guard index + expected.count <= bytes.count else { return false }
        let matched = expected.withUnsafeBufferPointer { expected in
            for offset in 0..<expected.count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        if matched { index += expected.count }
        return matched
    }

    /// Consumes exactly the bytes of `pattern` in `range` where the cursor stands (no space
    /// skipped), compared eight at a time.
    @inline(__always)
    mutating func takeExactly(_ pattern: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let count = range.count
        guard count <= bytes.count - index, let base = bytes.baseAddress, let wanted = pattern.baseAddress else { return false }
        let here = UnsafeRawPointer(base + index), there = UnsafeRawPointer(wanted + range.lowerBound)
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                guard here.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        == there.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
                offset += 8
            }
            if offset < count {
                guard here.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                        == there.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) else { return false }
            }
        } else {
            for offset in 0..<count where base[index + offset] != wanted[range.lowerBound + offset] { return false }
        }
        index += count
        return true
    }

    mutating func colon() -> Bool { take(UInt8(ascii: ":")) }
    mutating func comma() -> Bool { take(UInt8(ascii: ",")) }

    /// Consumes a bare word such as `true`, `null` or `1`, which must end there.
    mutating func literal(_ word: StaticString) -> Bool {
        guard peekLiteral(word) else { return false }
        index += word.utf8CodeUnitCount
        return true
    }

    mutating func peekLiteral(_ word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        let after = index + count
        guard after < bytes.count else { return true }
        let next = bytes[after]
        return !(next >= 0x30 && next <= 0x39) && !(next >= 0x41 && next <= 0x5A) && !(next >= 0x61 && next <= 0x7A)
            && next != UInt8(ascii: ".") && next != UInt8(ascii: "_") && next != UInt8(ascii: "-")
    }

    /// The byte range of the next string's contents; nil for a string with an escape or a
    /// control character, or for anything else.
    mutating func stringRange() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        if let base = bytes.baseAddress {
            // Eight bytes at a time while none of them is a quote, a backslash or a control byte.
            while index + 8 <= bytes.count,
                  !ByteScan.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// A `"YYYY-MM-DD"` string as a day, read from its bytes.
    mutating func day() -> Day? {
        skipSpace()
        // `"YYYY-MM-DD"`: ten bytes between quotes, none of which needs an escape.
        if index + 12 <= bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[index + 11] == UInt8(ascii: "\""),
           bytes[index + 5] == UInt8(ascii: "-"), bytes[index + 8] == UInt8(ascii: "-") {
            let at = index + 1
            guard let year = digits(at, 4), let month = digits(at + 5, 2), let day = digits(at + 8, 2) else { return nil }
            index += 12
            return Day(year: year, month: month, day: day)
        }
        guard let range = stringRange() else { return nil }
        guard range.count == 10, bytes[range.lowerBound + 4] == UInt8(ascii: "-"), bytes[range.lowerBound + 7] == UInt8(ascii: "-")
        else { return Day(utf8: UnsafeBufferPointer(rebasing: bytes[range])) }
        let at = range.lowerBound
        guard let year = digits(at, 4), let month = digits(at + 5, 2), let day = digits(at + 8, 2) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// The number `count` decimal digits at `start` spell, or nil when one is not a digit.
    @inline(__always)
    func digits(_ start: Int, _ count: Int) -> Int? {
        var n = 0
        for position in start..<(start + count) {
            let digit = Int(bytes[position]) &- 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            n = n * 10 + digit
        }
        return n
    }


    /// Whether the bytes in `range` spell `name`.
    func spells(_ name: [UInt8], at range: Range<Int>) -> Bool {
        guard range.count == name.count else { return false }
        for offset in 0..<name.count where bytes[range.lowerBound + offset] != name[offset] { return false }
        return true
    }

    mutating func string() -> String? {
        guard let range = stringRange() else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A plain JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, at most 18 digits in all.
    mutating func number() -> PlainNumber? {
        skipSpace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var scale = 0
        var sawPoint = false
        let first = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                guard digits <= 18 else { return nil }
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                if sawPoint { scale += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint, index > first {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0, !sawPoint || scale > 0 else { return nil }
        // A leading zero followed by more digits is not JSON.
        if bytes[first] == 0x30, index > first + 1, bytes[first + 1] != UInt8(ascii: ".") { return nil }
        if index < bytes.count {
            let next = bytes[index]
            if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") || next == UInt8(ascii: ".") { return nil }
        }
        return PlainNumber(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }
}

/// A decimal number as an integer and a count of decimals.
struct PlainNumber {
    var mantissa: Int64
    var scale: Int

    var isWhole: Bool { scale == 0 }

    /// The exact value (at most 18 digits and 38 decimals, so it always fits).
    var decimal: Rational {
        Rational(mantissa: mantissa, exponent: -scale) ?? .zero
    }
}
