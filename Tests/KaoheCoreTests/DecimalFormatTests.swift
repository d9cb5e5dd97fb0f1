import Foundation
@testable import KaoheCore
import PropertyBased
import Testing

/// The fast Decimal formatter must print exactly what Foundation's description (trimmed) prints.
@Suite("Decimal formatting")
struct DecimalFormatTests {
    @Test("the fast formatter is in use on this platform")
    func fastPathActive() {
        #expect(DecimalMath.fastFormatWorks)
    }

    @Test("fast and Foundation formatting agree on sums, products and quotients")
    func agree() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -10_000_000...10_000_000), Gen.int(in: 1...10_000), Gen.int(in: 0...6)) { a, b, scale in
            let x = Decimal(a) / Decimal(sign: .plus, exponent: scale, significand: 1)
            let y = Decimal(b) / 7
            for value in [x, x + 1, x * 3, x / Decimal(b), DecimalMath.round(y), DecimalMath.round(x * y), -x, x - x] {
                #expect(DecimalMath.format(value) == DecimalMath.slowFormat(value), "\(value)")
            }
        }
    }

    @Test("numbers the fast path does not take still print", arguments: ["1e30", "-123456789012345678901234567890", "0.00000000000000000000001"])
    func slowCases(_ text: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(DecimalMath.format(value) == DecimalMath.slowFormat(value))
    }
}

/// The integer fast path of decimal arithmetic must give exactly Foundation's results.
@Suite("Decimal arithmetic")
struct DecimalArithmeticTests {
    static func value(_ mantissa: Int, _ scale: Int) -> Decimal {
        Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(mantissa.magnitude))
    }

    @Test("the fast path is in use on this platform")
    func active() {
        #expect(DecimalArithmetic.works)
    }

    @Test("add, subtract, multiply, divide, compare and round agree with Foundation")
    func agree() async {
        let mantissas = Gen.int(in: -2_000_000_000...2_000_000_000)
        await propertyCheck(count: 1000, input: mantissas, Gen.int(in: 0...8), mantissas, Gen.int(in: -3...8)) { m, s, n, t in
            let a = Self.value(m, s), b = Self.value(n, t)
            #expect(DecimalArithmetic.add(a, b) == a + b, "\(a) + \(b)")
            #expect(DecimalArithmetic.subtract(a, b) == a - b, "\(a) - \(b)")
            #expect(DecimalArithmetic.multiply(a, b) == a * b, "\(a) * \(b)")
            if b != 0 {
                let quotient = DecimalArithmetic.divide(a, b)
                #expect(quotient == a / b, "\(a) / \(b)")
                #expect(DecimalMath.format(quotient) == DecimalMath.slowFormat(a / b))
            }
            #expect(DecimalArithmetic.compare(a, b) == (a < b ? -1 : a == b ? 0 : 1), "\(a) <=> \(b)")
            for scale in [0, 2, 4] {
                var input = a, expected = Decimal()
                NSDecimalRound(&expected, &input, scale, .plain)
                #expect(DecimalMath.round(a, scale: scale) == expected, "round(\(a), \(scale))")
            }
            let sum = DecimalArithmetic.add(a, b)
            #expect(DecimalMath.format(sum) == DecimalMath.slowFormat(a + b))
        }
    }

    @Test("operands 19 decimal places apart compare without trapping (found by fuzzing)")
    func farApart() throws {
        let a = Decimal(99_990_000), b = try #require(Decimal(string: "0.0000000000000000001", locale: Locale(identifier: "en_US_POSIX")))
        #expect(DecimalArithmetic.compare(a, b) == 1)
        #expect(DecimalArithmetic.add(a, b) == a + b)
        #expect(DecimalMath.round(b, scale: 0) == 0)
    }

    @Test("long values fall back to Foundation", arguments: ["123456789012345678901234567890", "0.0000000000000000000001", "1e40"])
    func long(_ text: String) throws {
        let a = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(DecimalArithmetic.add(a, 1) == a + 1)
        #expect(DecimalArithmetic.divide(a, 3) == a / 3)
        #expect(DecimalArithmetic.multiply(a, a) == a * a)
    }
}
