import Foundation

/// Exact decimal arithmetic without Foundation's general algorithms (which allocate arrays for
/// every operation: a division costs about 3 µs) for the values scores are made of: at most 18
/// significant digits. Each operation reads both operands' digits (`DecimalDigits`), works in
/// 64-bit integers with overflow checks, and builds the result's storage directly; whenever a
/// value is long, an operation overflows, or a quotient does not terminate within 18 digits, it
/// hands the operands to Foundation, so results are always exactly Foundation's.
enum DecimalArithmetic {
    /// Whether values can be built from their digits on this platform (checked once, with
    /// `DecimalMath.fastFormatWorks`, against Foundation's own parsing).
    static let works: Bool = {
        guard DecimalMath.fastFormatWorks else { return false }
        let posix = Locale(identifier: "en_US_POSIX")
        for (mantissa, exponent, negative, text) in [(UInt64(0), 0, false, "0"), (1, 0, false, "1"), (125, -1, false, "12.5"),
                                                   (5, -1, true, "-0.5"), (65536, 0, false, "65536"), (4294967296, 0, false, "4294967296"),
                                                   (123456789000001, -6, false, "123456789.000001"), (7, 3, false, "7000")] {
            guard let built = make(negative: negative, mantissa: mantissa, exponent: exponent),
                  let parsed = Decimal(string: text, locale: posix), built == parsed, parsed == built,
                  DecimalMath.slowFormat(built) == text, built.hashValue == parsed.hashValue else { return false }
        }
        return true
    }()

    static let powers: [UInt64] = (0...19).map { exponent in (0..<exponent).reduce(UInt64(1)) { value, _ in value * 10 } }

    /// A Decimal with these digits, laid out as `DecimalDigits` reads it; nil past 64 bits of
    /// mantissa or the exponent's range.
    static func make(negative: Bool, mantissa: UInt64, exponent: Int) -> Decimal? {
        guard exponent >= -128, exponent <= 127 else { return nil }
        var value = Decimal()
        guard mantissa != 0 else { return value }
        var words = 0
        var rest = mantissa
        while rest != 0 {
            words += 1
            rest >>= 16
        }
        withUnsafeMutableBytes(of: &value) { raw in
            raw[0] = UInt8(bitPattern: Int8(exponent))
            raw[1] = UInt8(words << 4) | (negative ? 0x08 : 0)
            for word in 0..<words {
                let bits = UInt16(truncatingIfNeeded: mantissa >> (16 * word))
                raw[4 + 2 * word] = UInt8(truncatingIfNeeded: bits)
                raw[5 + 2 * word] = UInt8(truncatingIfNeeded: bits >> 8)
            }
        }
        return value
    }

    /// A signed mantissa and exponent, when the mantissa fits in Int64.
    static func parts(_ value: Decimal) -> (mantissa: Int64, exponent: Int)? {
        guard works, let digits = DecimalDigits(value), digits.mantissa <= UInt64(Int64.max) else { return nil }
        let mantissa = Int64(digits.mantissa)
        return (digits.negative ? -mantissa : mantissa, digits.mantissa == 0 ? 0 : digits.exponent)
    }

    static func make(_ mantissa: Int64, _ exponent: Int) -> Decimal? {
        make(negative: mantissa < 0, mantissa: mantissa.magnitude, exponent: exponent)
    }

    /// `value × 10^places`, or nil on overflow.
    static func scaled(_ value: Int64, by places: Int) -> Int64? {
        // 10^19 does not fit in Int64 (a comparison across 19 decimal places trapped; found by fuzzing).
        guard places >= 0, places < powers.count, let factor = Int64(exactly: powers[places]) else { return nil }
        let (result, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : result
    }

    /// Both mantissas at the smaller exponent.
    static func aligned(_ a: (mantissa: Int64, exponent: Int), _ b: (mantissa: Int64, exponent: Int)) -> (Int64, Int64, Int)? {
        if a.exponent == b.exponent { return (a.mantissa, b.mantissa, a.exponent) }
        if a.exponent > b.exponent {
            guard let x = scaled(a.mantissa, by: a.exponent - b.exponent) else { return nil }
            return (x, b.mantissa, b.exponent)
        }
        guard let y = scaled(b.mantissa, by: b.exponent - a.exponent) else { return nil }
        return (a.mantissa, y, a.exponent)
    }

    static func add(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = parts(a), let y = parts(b), let (p, q, exponent) = aligned(x, y) {
            let (sum, overflow) = p.addingReportingOverflow(q)
            if !overflow, let result = make(sum, exponent) { return result }
        }
        return a + b
    }

    static func subtract(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = parts(a), let y = parts(b), let (p, q, exponent) = aligned(x, y) {
            let (difference, overflow) = p.subtractingReportingOverflow(q)
            if !overflow, let result = make(difference, exponent) { return result }
        }
        return a - b
    }

    static func multiply(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = parts(a), let y = parts(b) {
            let (product, overflow) = x.mantissa.multipliedReportingOverflow(by: y.mantissa)
            if !overflow, let result = make(product, x.exponent + y.exponent) { return result }
        }
        return a * b
    }

    /// The exact quotient when it has at most 18 digits; Foundation's otherwise (and for b = 0).
    static func divide(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = parts(a), let y = parts(b), y.mantissa != 0 {
            // Try more decimals until the division leaves no remainder.
            for extra in 0...18 {
                guard let numerator = scaled(x.mantissa, by: extra) else { break }
                let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: y.mantissa)
                if remainder == 0 {
                    if let result = make(quotient, x.exponent - y.exponent - extra) { return result }
                    break
                }
            }
        }
        return a / b
    }

    /// -1, 0 or 1.
    static func compare(_ a: Decimal, _ b: Decimal) -> Int {
        if let x = parts(a), let y = parts(b) {
            if (x.mantissa < 0) != (y.mantissa < 0) { return x.mantissa < 0 ? -1 : 1 }
            if let (p, q, _) = aligned(x, y) { return p < q ? -1 : p == q ? 0 : 1 }
        }
        return a < b ? -1 : a == b ? 0 : 1
    }
}
