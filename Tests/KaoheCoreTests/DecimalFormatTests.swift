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
