import Foundation
@testable import KaoheCore
import PropertyBased
import Testing

/// Exact numbers: what a person computes by hand, whatever the order of operations.
@Suite("Rational numbers")
struct RationalTests {
    static func r(_ text: String) -> Rational { Rational(parsing: text) ?? Rational(-999_999) }

    @Test("1.5 × (6/16) / 0.9 is exactly 0.625 in every order, and shows as 0.63")
    func orderOfOperations() {
        let points = Self.r("1.5"), of = Rational(6), over = Rational(16), fullAt = Self.r("0.9")
        let orders = [points * (of / over) / fullAt, points * of / over / fullAt, of / over / fullAt * points,
                      points * of / (over * fullAt), (of / over) / fullAt * points]
        for value in orders {
            #expect(value == Self.r("0.625"))
            #expect(DecimalMath.format(value, decimals: 2) == "0.63")
        }
    }

    @Test("thirds add up to exactly one; what does not terminate keeps 36 significant digits")
    func thirds() {
        let third = Rational(1) / 3
        #expect(third + third + third == 1)
        #expect(third * 3 == 1)
        #expect(third.decimalText == "0.333333333333333333333333333333333333")
        #expect((Rational(2) / 3).decimalText == "0.666666666666666666666666666666666667")
        #expect((Rational(200) / 3).decimalText == "66.6666666666666666666666666666666667")
        #expect(!third.terminates && Self.r("0.625").terminates)
    }

    @Test("half-up rounding (四舍五入) away from zero at exactly .5, at any scale")
    func rounding() {
        #expect(Self.r("2.345").rounded(scale: 2) == Self.r("2.35"))
        #expect(Self.r("-2.345").rounded(scale: 2) == Self.r("-2.35"))
        #expect(Self.r("2.3449999").rounded(scale: 2) == Self.r("2.34"))
        #expect(Self.r("89.995").rounded(scale: 2) == 90)
        #expect((Rational(2) / 3).rounded(scale: 2) == Self.r("0.67"))
        #expect(Self.r("0.5").rounded(scale: 0) == 1)
        #expect(DecimalMath.format(Rational(77), decimals: 2) == "77.00")
        #expect(DecimalMath.format(Self.r("75.5"), decimals: 2) == "75.50")
    }

    @Test("parsing takes plain decimals only, up to 38 significant digits", arguments: [
        ("12", "12"), ("-0.5", "-0.5"), ("+3.25", "3.25"), ("0.000", "0"), ("007.10", "7.1"),
        ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
    ])
    func parsing(_ text: String, _ printed: String) throws {
        let value = try #require(Rational(parsing: text))
        #expect(value.decimalText == printed)
    }

    @Test("what is not a plain decimal is refused", arguments: ["", "-", ".5", "5.", "1e3", "NaN", "inf", "1.2.3", "0x10", "1 2",
                                                                  "123456789012345678901234567890123456789"])
    func refused(_ text: String) {
        #expect(Rational(parsing: text) == nil)
    }

    @Test("exact arithmetic agrees with Foundation wherever Foundation is exact (short terminating values)")
    func agreesWithFoundation() async {
        let mantissas = Gen.int(in: -2_000_000_000...2_000_000_000)
        await propertyCheck(count: 1000, input: mantissas, Gen.int(in: 0...8), mantissas, Gen.int(in: 0...8)) { m, s, n, t in
            let a = Rational(mantissa: Int64(m), exponent: -s) ?? 0, b = Rational(mantissa: Int64(n), exponent: -t) ?? 0
            let x = a.decimal, y = b.decimal
            #expect((a + b).decimal == x + y, "\(a) + \(b)")
            #expect((a - b).decimal == x - y, "\(a) - \(b)")
            #expect((a * b).decimal == x * y, "\(a) * \(b)")
            #expect(Rational.compare(a, b) == (x < y ? -1 : x == y ? 0 : 1), "\(a) <=> \(b)")
            #expect(Rational(parsing: a.decimalText) == a)
            if !b.isZero {
                let q = a / b
                #expect(q * b == a, "(\(a) / \(b)) × \(b)")
                if q.terminates { #expect(q.decimal == x / y, "\(a) / \(b)") }
            }
            for scale in [0, 2, 4] {
                var input = x, expected = Decimal()
                NSDecimalRound(&expected, &input, scale, .plain)
                #expect(a.rounded(scale: scale).decimal == expected, "round(\(a), \(scale))")
            }
        }
    }

    @Test("field laws hold exactly: (a + b) + c = a + (b + c), a × (b + c) = a × b + a × c, (a / b) × b = a")
    func laws() async {
        let small = Gen.int(in: -1_000_000...1_000_000), denominators = Gen.int(in: 1...997)
        await propertyCheck(count: 1000, input: small, denominators, small, denominators, small) { p, q, u, v, w in
            let a = Rational(p, q), b = Rational(u, v), c = Rational(w, 7)
            #expect((a + b) + c == a + (b + c))
            #expect(a * (b + c) == a * b + a * c)
            if !b.isZero { #expect(a / b * b == a) }
            #expect((a < b) == (Rational.compare(a, b) < 0))
        }
    }

    @Test("results past 128 bits keep at least 28 significant digits; past 10^38 they saturate")
    func beyond128Bits() {
        // Denominators that multiply past 128 bits: the sum is kept to 36 digits.
        let tiny = Rational(1) / Self.r("99999999999999999999999999999999999989")
        let sum = tiny + Rational(1) / 7
        #expect(sum.decimalText.hasPrefix("0.1428571428571428571428571428"))
        let big = Self.r("12345678901234567890123456789012345678")
        #expect((big * big).magnitude > Rational.limit)
        #expect((big * big).decimalText == "99999999999999999999999999999999999999")
        #expect((-big * big).decimalText == "-99999999999999999999999999999999999999")
    }

    @Test("comparisons of close values are exact (no rounding in the 34th digit)")
    func closeComparisons() {
        let a = Rational(704) / 9, b = Rational(7040) / 90 + Rational(1) / Self.r("10000000000000000000000000000000000")
        #expect(a < b)
        #expect(Rational(704) / 9 == Rational(7040) / 90)
    }
}
