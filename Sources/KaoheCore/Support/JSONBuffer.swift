/// JSON written straight into one growing byte buffer: constant fragments as ASCII literals,
/// strings escaped on their UTF-8 bytes, scores rounded and printed as digits without making a
/// `String` for each. A result is one buffer and one `String` at the end, instead of a string
/// per object that is copied into its parent.
///
/// The buffer owns its memory and cannot be copied, so an append is a bounds check and a copy,
/// with no check for a shared buffer and no reference counting.
package struct JSONBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes.
    package init(capacity: Int = 1024) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// How many bytes were written so far.
    package var byteCount: Int { count }

    /// Runs `body` on the bytes written so far, without copying them.
    package func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The text written so far.
    package var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let n = bytes.count
        if count + n > capacity { grow(to: count + n) }
        let target = UnsafeMutableRawPointer(base + count)
        if n >= 8, n <= 16 {
            // Most fragments (keys, ids, short titles): two overlapping words, no call to memcpy.
            let from = UnsafeRawPointer(source)
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n < 8 {
            for offset in 0..<n { (base + count)[offset] = source[offset] }
        } else {
            (base + count).update(from: source, count: n)
        }
        count += n
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    private mutating func grow(to needed: Int) {
        let larger = Swift.max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// Appends ASCII text as it is: keys, punctuation, literals.
    package mutating func raw(_ fragment: StaticString) {
        fragment.withUTF8Buffer { put($0) }
    }

    /// Appends `text` as it is (already JSON). (Named apart from `raw(_:)`, which a string
    /// literal would otherwise not pick: Swift prefers `String` for a literal.)
    package mutating func verbatim(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }

    /// Appends bytes that are already JSON (a phrase's escaped bytes).
    package mutating func verbatim(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    /// Appends a day's text, `2026-11-29` (no quotes: nothing in it needs escaping).
    package mutating func dayText(_ day: Day) {
        let (y, m, d) = day.components
        guard (0...9999).contains(y) else { return verbatim(day.description) }
        digits(y, 4)
        put(UInt8(ascii: "-"))
        digits(m, 2)
        put(UInt8(ascii: "-"))
        digits(d, 2)
    }

    /// Appends a day as a JSON string.
    package mutating func day(_ day: Day) {
        put(0x22)
        dayText(day)
        put(0x22)
    }

    /// Appends `value` (0 or more) as exactly `width` digits, padded with zeros.
    mutating func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            put(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends `text` as a JSON string. Eight bytes at a time are checked for a byte that needs
    /// escaping (a control character, `"` or `\`); runs without one are copied whole.
    package mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            put(0x22)
            var plainFrom = 0
            var index = 0
            let count = utf8.count
            if let base = utf8.baseAddress {
                while index < count {
                    if index + 8 <= count, !ByteScan.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                        index += 8
                        continue
                    }
                    let byte = utf8[index]
                    if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                        put(UnsafeBufferPointer(rebasing: utf8[plainFrom..<index]))
                        escape(byte)
                        plainFrom = index + 1
                    }
                    index += 1
                }
            }
            put(UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
            put(0x22)
        }
    }


    /// Appends `text` as a JSON string, or `null` when there is none.
    package mutating func string(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// Appends `elements` as a JSON array, each written by `element`, separated by `, `.
    package mutating func array<Element>(_ elements: [Element], _ element: (inout JSONBuffer, Element) -> Void) {
        raw("[")
        for (index, value) in elements.enumerated() {
            if index > 0 { raw(", ") }
            element(&self, value)
        }
        raw("]")
    }

    /// Appends `texts` as a JSON array of strings.
    package mutating func strings(_ texts: [String]) {
        array(texts) { $0.string($1) }
    }

    /// Appends a score rounded half-up to 2 decimals, in its shortest form (`77`, `75.5`).
    package mutating func score(_ value: Rational) {
        if value.denominator == 1, let whole = Int(exactly: value.numerator) {
            integer(whole)
            return
        }
        let rounded = DecimalMath.round(value)
        if let hundredths = rounded.hundredths {
            integer(hundredths / 100, negative: hundredths < 0)
            let fraction = Int(hundredths.magnitude % 100)
            if fraction != 0 {
                put(UInt8(ascii: "."))
                put(UInt8(ascii: "0") + UInt8(fraction / 10))
                if fraction % 10 != 0 { put(UInt8(ascii: "0") + UInt8(fraction % 10)) }
            }
        } else {
            verbatim(DecimalMath.format(rounded))
        }
    }

    /// Appends a score, or `null` when there is none.
    package mutating func score(_ value: Rational?) {
        if let value { score(value) } else { raw("null") }
    }

    /// Appends a whole number's digits.
    package mutating func integer(_ value: Int) {
        integer(value, negative: value < 0)
    }

    /// The digits of `value`'s magnitude, after a minus sign when `negative` (which also covers
    /// −0.5, whose whole part is 0).
    private mutating func integer(_ value: Int, negative: Bool) {
        if negative { put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 1
        while magnitude / scale >= 10 {
            scale *= 10
            digits += 1
        }
        if count + digits > capacity { grow(to: count + digits) }
        for position in 0..<digits {
            base[count + digits - 1 - position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            raw("\\u00")
            put(hex[Int(byte >> 4)])
            put(hex[Int(byte & 0x0F)])
        }
    }
}

extension Rational {
    /// The value in hundredths when that is whole and fits an `Int` (a rounded score), else nil.
    var hundredths: Int? {
        guard denominator == 1 || denominator == 2 || denominator == 4 || denominator == 5 || denominator == 10
            || denominator == 20 || denominator == 25 || denominator == 50 || denominator == 100 else { return nil }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 100 / denominator)
        guard !overflow else { return nil }
        return Int(exactly: scaled)
    }
}
