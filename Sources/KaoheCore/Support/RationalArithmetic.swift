import Foundation

/// Arithmetic and order on `Rational`: exact, with Foundation's `Decimal` only for results that
/// do not fit 128 bits (see `Rational`).
extension Rational: Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible, AdditiveArithmetic {
    public init(integerLiteral value: Int) {
        self.init(value)
    }

    public var description: String { decimalText }

    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator {
            let (sum, overflow) = a.numerator.addingReportingOverflow(b.numerator)
            // Whole numbers need no reducing (most points are whole).
            if !overflow, a.denominator == 1 { return Rational(reduced: sum, 1) }
            if !overflow, let value = Rational(sum, over: a.denominator) { return value }
        } else if let value = combine(a, b, subtracting: false) {
            return value
        }
        return viaDecimal(a, b) { $0 + $1 }
    }

    public static func - (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator {
            let (difference, overflow) = a.numerator.subtractingReportingOverflow(b.numerator)
            if !overflow, a.denominator == 1 { return Rational(reduced: difference, 1) }
            if !overflow, let value = Rational(difference, over: a.denominator) { return value }
        } else if let value = combine(a, b, subtracting: true) {
            return value
        }
        return viaDecimal(a, b) { $0 - $1 }
    }

    public static func * (a: Rational, b: Rational) -> Rational {
        if a.denominator == 1, b.denominator == 1 {
            let (product, overflow) = a.numerator.multipliedReportingOverflow(by: b.numerator)
            if !overflow { return Rational(reduced: product, 1) }
        }
        // Cross-reduce first, so the products stay as small as they can; in 64 bits when every
        // part fits (the products of two 64-bit parts always fit in 128).
        if let an = Int64(exactly: a.numerator), let ad = Int64(exactly: a.denominator),
           let bn = Int64(exactly: b.numerator), let bd = Int64(exactly: b.denominator),
           let g1 = Int64(exactly: gcd64(an.magnitude, bd.magnitude)), let g2 = Int64(exactly: gcd64(bn.magnitude, ad.magnitude)),
           g1 > 0, g2 > 0 {
            return Rational(reduced: Int128(an / g1) * Int128(bn / g2), Int128(ad / g2) * Int128(bd / g1))
        }
        let g1 = Int128(gcd(a.numerator.magnitude, b.denominator.magnitude)), g2 = Int128(gcd(b.numerator.magnitude, a.denominator.magnitude))
        if g1 > 0, g2 > 0 {
            let (n, o1) = (a.numerator / g1).multipliedReportingOverflow(by: b.numerator / g2)
            let (d, o2) = (a.denominator / g2).multipliedReportingOverflow(by: b.denominator / g1)
            if !o1, !o2 { return Rational(reduced: n, d) }
        } else {
            return .zero
        }
        return viaDecimal(a, b) { $0 * $1 }
    }

    /// The quotient; dividing by zero gives zero (callers that can meet a zero divisor check for
    /// it first and report it: the evaluator's division by zero is a rule error).
    public static func / (a: Rational, b: Rational) -> Rational {
        guard !b.isZero else { return .zero }
        guard b.numerator != .min else { return viaDecimal(a, b) { $0 / $1 } }
        let inverse = Rational(reduced: b.numerator < 0 ? 0 - b.denominator : b.denominator,
                               b.numerator < 0 ? 0 - b.numerator : b.numerator)
        return a * inverse
    }

    public static prefix func - (a: Rational) -> Rational {
        a.numerator == .min ? viaDecimal(a) { -$0 } : Rational(reduced: 0 - a.numerator, a.denominator)
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }
    public static func /= (a: inout Rational, b: Rational) { a = a / b }

    public static func < (a: Rational, b: Rational) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1, exactly (the cross products in 256 bits).
    public static func compare(_ a: Rational, _ b: Rational) -> Int {
        if a.denominator == b.denominator { return a.numerator < b.numerator ? -1 : a.numerator == b.numerator ? 0 : 1 }
        let left = a.numerator.multipliedFullWidth(by: b.denominator), right = b.numerator.multipliedFullWidth(by: a.denominator)
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        return left.low < right.low ? -1 : left.low == right.low ? 0 : 1
    }

    /// a ± b over a common denominator, or nil when it does not fit.
    static func combine(_ a: Rational, _ b: Rational, subtracting: Bool) -> Rational? {
        let g = Int128(gcd(a.denominator.magnitude, b.denominator.magnitude))
        let (left, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator / g)
        let (right, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator / g)
        let (denominator, o3) = a.denominator.multipliedReportingOverflow(by: b.denominator / g)
        guard !o1, !o2, !o3 else { return nil }
        let (numerator, o4) = subtracting ? left.subtractingReportingOverflow(right) : left.addingReportingOverflow(right)
        guard !o4 else { return nil }
        return Rational(numerator, over: denominator)
    }

    // MARK: - Beyond 128 bits

    /// The value as a Foundation `Decimal` (38 significant digits).
    var decimal: Decimal {
        let posix = Locale(identifier: "en_US_POSIX")
        let n = Decimal(string: String(numerator), locale: posix) ?? 0
        if denominator == 1 { return n }
        return n / (Decimal(string: String(denominator), locale: posix) ?? 1)
    }

    /// A Decimal back as a Rational, kept to 36 significant digits so that it fits.
    init(approximating value: Decimal) {
        var input = value
        var rounded = Decimal()
        // Digits before the point decide how many after it keep 36 significant ones.
        let magnitude = value.magnitude
        var integerDigits = 0
        var probe = magnitude
        while probe >= 1, integerDigits < 40 {
            probe /= 10
            integerDigits += 1
        }
        NSDecimalRound(&rounded, &input, max(0, min(38, 36 - integerDigits)), .plain)
        // Past 38 digits before the point nothing fits: saturate (the evaluator reports any
        // value past `Rational.limit` as a rule error, so a saturated value is never a score).
        let saturated = Rational(reduced: Rational.powers[38] - 1, 1)
        self = Rational(parsing: Self.plain(rounded)) ?? (value < 0 ? -saturated : saturated)
    }

    /// A Decimal written without exponent.
    static func plain(_ value: Decimal) -> String {
        var text = value.description
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text
    }

    static func viaDecimal(_ a: Rational, _ b: Rational, _ operation: (Decimal, Decimal) -> Decimal) -> Rational {
        Rational(approximating: operation(a.decimal, b.decimal))
    }

    static func viaDecimal(_ a: Rational, _ operation: (Decimal) -> Decimal) -> Rational {
        Rational(approximating: operation(a.decimal))
    }

    static func decimalRound(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}
