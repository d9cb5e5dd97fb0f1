import KaoheCore
import PropertyBased
import Testing

/// The byte buffer that result JSON is written into escapes strings exactly as `JSONText`
/// does, wherever in an eight-byte block the byte to escape falls.
@Suite("JSON buffer")
struct JSONBufferTests {
    static let alphabet: [String] = ["a", "Z", "0", " ", "\"", "\\", "\n", "\t", "\r", "\u{01}", "\u{1F}", "\u{7F}", "党", "建", "é", "🇨🇳", "/", "~"]

    @Test("a string is escaped as JSONText.quote escapes it, at every position in a block")
    func escaping() async {
        await propertyCheck(count: 2000, input: Gen.int(in: 0...Int.max)) { seed in
            var state = UInt64(seed)
            func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
            var text = ""
            for _ in 0..<next(40) {
                // Mostly plain letters, so that blocks without a byte to escape occur.
                text += next(4) == 0 ? Self.alphabet[next(Self.alphabet.count)] : Self.alphabet[next(2)]
            }
            var buffer = JSONBuffer()
            buffer.string(text)
            #expect(buffer.text == JSONText.quote(text), "\(text.debugDescription)")
        }
    }

    @Test("scores print in their shortest form, whole or not", arguments: [
        (Rational(4), "4"), (Rational(-3), "-3"), (Rational(0), "0"), (Rational(291, 4), "72.75"), (Rational(1, 3), "0.33"),
        (Rational(-1, 2), "-0.5"), (Rational(Int64.max), "9223372036854775807"),
    ])
    func scores(_ value: Rational, _ expected: String) {
        var buffer = JSONBuffer()
        buffer.score(value)
        #expect(buffer.text == expected)
    }

    @Test("a buffer grows past the room it started with, a byte, a piece or a number at a time", arguments: [1, 4, 16])
    func growth(_ capacity: Int) {
        var small = JSONBuffer(capacity: capacity)
        small.raw("[")
        for n in [0, 7, -12, 1234567890123456789, Int.min + 1, Int.max] {
            small.integer(n)
            small.raw(", ")
        }
        small.raw("null]")
        #expect(small.text == "[0, 7, -12, 1234567890123456789, -9223372036854775807, 9223372036854775807, null]")
        var long = JSONBuffer(capacity: capacity)
        let text = String(repeating: "党建考核", count: 500)
        long.string(text)
        #expect(long.bytes == Array(("\"" + text + "\"").utf8))
    }
}
