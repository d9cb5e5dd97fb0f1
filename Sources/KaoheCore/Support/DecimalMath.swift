/// Number helpers for people: exact parsing, half-up rounding at output, printing without
/// trailing zeros. Scores never pass through binary floating point (see `Rational`).
public enum DecimalMath {
    /// Parses a plain decimal literal (`12`, `-0.5`, `3.25`); nil for anything else,
    /// including exponents, NaN, infinity and more than 38 significant digits.
    public static func parse(_ text: some StringProtocol) -> Rational? { Rational(parsing: text) }

    /// Rounds half-up (四舍五入, away from zero at .5) to `scale` decimals.
    public static func round(_ value: Rational, scale: Int = 2) -> Rational { value.rounded(scale: scale) }

    /// Shortest form: `77`, `75.5`, `33.33`.
    public static func format(_ value: Rational) -> String { value.decimalText }

    /// Fixed decimals: `77.00`.
    public static func format(_ value: Rational, decimals: Int) -> String {
        var text = value.rounded(scale: decimals).decimalText
        guard decimals > 0 else { return text }
        if !text.contains(".") { text += "." }
        let fraction = text.split(separator: ".", omittingEmptySubsequences: false)[1].count
        return text + String(repeating: "0", count: Swift.max(0, decimals - fraction))
    }

    /// Whether `value` has no fractional part.
    public static func isWhole(_ value: Rational) -> Bool { value.isWhole }

    /// The integer value, if whole and within Int range.
    public static func int(_ value: Rational) -> Int? { value.int }

    /// The smaller of `a` and `b`.
    public static func min(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }
    /// The larger of `a` and `b`.
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a > b ? a : b }
}
