import Foundation

/// An exact number: a fraction of 128-bit integers in lowest terms. Every score, fact and
/// expression value is one, so that 1.5 × (6/16) / 0.9 is exactly 0.625 whatever the order of
/// operations, and rounds to 0.63 as a person computing by hand gets it (SPEC §2.2).
///
/// Arithmetic is exact as long as numerator and denominator fit in 128 bits, which every
/// realistic score does. An operation whose exact result would not fit is carried out in
/// Foundation's `Decimal` (38 digits) and kept to 36 significant digits: never binary floating
/// point, never fewer than the 28 digits the specification asks for.
public struct Rational: Sendable, Hashable {
    /// The numerator, carrying the sign.
    public private(set) var numerator: Int128
    /// The denominator, always positive; 1 for a whole number.
    public private(set) var denominator: Int128

    /// `numerator / denominator` already in lowest terms with a positive denominator.
    init(reduced numerator: Int128, _ denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `numerator / denominator`, reduced; nil for a zero denominator or when the reduced
    /// denominator cannot be made positive.
    public init?(_ numerator: Int128, over denominator: Int128) {
        guard denominator != 0 else { return nil }
        guard let (n, d) = Self.reduce(numerator, denominator) else { return nil }
        self.init(reduced: n, d)
    }

    /// `numerator / denominator` for constants written in code (`Rational(3, 5)` is 0.6); the
    /// denominator must not be zero.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "a Rational constant with a zero denominator")
        self = Rational(Int128(numerator), over: Int128(denominator)) ?? .zero
    }

    /// The whole number `value`.
    public init(_ value: Int) {
        self.init(reduced: Int128(value), 1)
    }

    /// The whole number `value`.
    public init(_ value: Int64) {
        self.init(reduced: Int128(value), 1)
    }

    /// `mantissa × 10^exponent`, exactly; nil when it does not fit.
    public init?(mantissa: Int64, exponent: Int) {
        if exponent >= 0 {
            guard let scale = Self.power(exponent) else { return nil }
            let (n, overflow) = Int128(mantissa).multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            self.init(reduced: n, 1)
        } else {
            guard let scale = Self.power(-exponent), let (n, d) = Self.reduce(Int128(mantissa), scale) else { return nil }
            self.init(reduced: n, d)
        }
    }

    /// 0.
    public static let zero = Rational(reduced: 0, 1)
    /// The largest magnitude an expression may compute (10^30): past it the evaluator reports a
    /// rule error rather than compute with numbers no checklist means.
    public static let limit = Rational(reduced: powers[30], 1)
    /// 1.
    public static let one = Rational(reduced: 1, 1)

    // MARK: - Properties

    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }
    public var isWhole: Bool { denominator == 1 }
    public var magnitude: Rational { Rational(reduced: numerator < 0 ? 0 - numerator : numerator, denominator) }

    /// The whole part, rounded toward zero (7/2 → 3, −7/2 → −3).
    public var truncated: Rational { Rational(reduced: numerator / denominator, 1) }

    /// The value as an `Int`, when it is whole and fits.
    public var int: Int? { isWhole ? Int(exactly: numerator) : nil }

    /// Whether the value has a finite decimal expansion (its denominator is 2^a·5^b).
    public var terminates: Bool { Self.decimalScale(of: denominator) != nil }

    // MARK: - Rounding

    /// Rounded half-up (四舍五入: away from zero at .5) to `scale` decimals.
    public func rounded(scale: Int = 2) -> Rational {
        guard scale >= 0, let factor = Self.power(scale) else { return self }
        if let decimals = Self.decimalScale(of: denominator), decimals <= scale { return self }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: factor)
        if overflow { return Self.viaDecimal(self) { value in Self.decimalRound(value, scale: scale) } }
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator)
        let up = remainder.magnitude >= denominator.magnitude - remainder.magnitude
        let rounded = up ? quotient + (scaled < 0 ? -1 : 1) : quotient
        return Rational(rounded, over: factor) ?? self
    }

    // MARK: - Parsing and printing

    /// Parses a plain decimal literal (`12`, `-0.5`, `3.25`); nil for anything else, including
    /// exponents, NaN, infinity and more than 38 significant digits.
    public init?(parsing text: some StringProtocol) {
        var negative = false
        var numerator: Int128 = 0
        var decimals = 0, digits = 0
        var seenPoint = false, seenDigit = false, digitsAfterPoint = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: "+") where index == 0: continue
            case UInt8(ascii: "."):
                guard !seenPoint, seenDigit else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                if seenPoint { decimals += 1; digitsAfterPoint = true }
                if numerator != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 38 else { return nil }
                numerator = numerator * 10 + Int128(byte - UInt8(ascii: "0"))
            default:
                return nil
            }
        }
        guard seenDigit, !seenPoint || digitsAfterPoint, let scale = Self.power(decimals) else { return nil }
        guard let value = Rational(negative ? 0 - numerator : numerator, over: scale) else { return nil }
        self = value
    }

    /// The shortest exact decimal (`77`, `75.5`, `0.625`) when the value terminates within 38
    /// decimals; otherwise 36 significant digits, rounded half-up (2/3 is
    /// 0.666666666666666666666666666666666667).
    public var decimalText: String {
        if denominator == 1 { return Int64(exactly: numerator).map { String($0) } ?? String(numerator) }
        if let decimals = Self.decimalScale(of: denominator), decimals <= 38, let factor = Self.power(decimals) {
            let (digits, overflow) = numerator.multipliedReportingOverflow(by: factor / denominator)
            if !overflow { return Self.place(digits, decimals: decimals) }
        }
        // Not terminating: as many decimals as keep 36 significant digits.
        let whole = numerator.magnitude / UInt128(denominator)
        let integerDigits = whole > 0 ? String(whole).count : -Self.leadingZeros(self)
        let scale = max(0, min(38, 36 - integerDigits))
        var text = rounded(scale: scale).decimalText
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text
    }

    /// `digits / 10^decimals` written out with a decimal point, trailing zeros dropped.
    static func place(_ digits: Int128, decimals: Int) -> String {
        var text = String(digits.magnitude)
        if decimals > 0 {
            if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return digits < 0 ? "-" + text : text
    }

    /// How many zeros follow the decimal point before the first significant digit of a value
    /// below 1 (0.004 → 2).
    static func leadingZeros(_ value: Rational) -> Int {
        var zeros = 0
        var numerator = value.numerator.magnitude
        let denominator = value.denominator.magnitude
        while zeros < 38 {
            let (next, overflow) = numerator.multipliedReportingOverflow(by: 10)
            if overflow || next >= denominator { break }
            numerator = next
            zeros += 1
        }
        return zeros
    }

    // MARK: - Helpers

    static let powers: [Int128] = (0...38).map { exponent in (0..<exponent).reduce(Int128(1)) { value, _ in value * 10 } }

    /// 10^exponent, when it fits.
    static func power(_ exponent: Int) -> Int128? {
        exponent >= 0 && exponent < powers.count ? powers[exponent] : nil
    }

    /// The number of decimals of 1/denominator when it terminates (denominator = 2^a·5^b).
    static func decimalScale(of denominator: Int128) -> Int? {
        var d = denominator.magnitude
        let twos = d.trailingZeroBitCount
        d >>= twos
        var fives = 0
        while d % 5 == 0 {
            d /= 5
            fives += 1
        }
        return d == 1 ? max(twos, fives) : nil
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if let x = UInt64(exactly: a), let y = UInt64(exactly: b) { return UInt128(gcd64(x, y)) }
        return binaryGCD(a, b)
    }

    /// The same in 64 bits, where every score lives (a 128-bit division is a library call).
    static func gcd64(_ a: UInt64, _ b: UInt64) -> UInt64 { binaryGCD(a, b) }

    /// Stein's binary gcd, for either width.
    static func binaryGCD<T: FixedWidthInteger & UnsignedInteger>(_ a: T, _ b: T) -> T {
        if a == 0 { return b }
        if b == 0 { return a }
        var x = a, y = b
        let shift = (x | y).trailingZeroBitCount
        x >>= x.trailingZeroBitCount
        repeat {
            y >>= y.trailingZeroBitCount
            if x > y { swap(&x, &y) }
            y -= x
        } while y != 0
        return x << shift
    }

    /// `n / d` in lowest terms with `d > 0`; nil when that cannot be represented.
    static func reduce(_ n: Int128, _ d: Int128) -> (Int128, Int128)? {
        if d == 1 { return (n, 1) }
        if n == 0 { return (0, 1) }
        if d > 0, let n64 = Int64(exactly: n), let d64 = Int64(exactly: d), let g = Int64(exactly: gcd64(n64.magnitude, d64.magnitude)) {
            return (Int128(n64 / g), Int128(d64 / g))
        }
        let divisor = gcd(n.magnitude, d.magnitude)
        guard let g = Int128(exactly: divisor) else { return nil }
        var numerator = n / g, denominator = d / g
        if denominator < 0 {
            guard numerator != .min, denominator != .min else { return nil }
            numerator = 0 - numerator
            denominator = 0 - denominator
        }
        return (numerator, denominator)
    }
}
