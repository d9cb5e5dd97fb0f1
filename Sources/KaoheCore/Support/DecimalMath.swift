import Foundation

/// Decimal helpers: exact parsing, half-up rounding at output, and printing without
/// trailing zeros. Scores never pass through binary floating point.
public enum DecimalMath {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses a plain decimal literal (`12`, `-0.5`, `3.25`); nil for anything else,
    /// including exponents, NaN, infinity and more than 38 significant digits.
    public static func parse(_ text: some StringProtocol) -> Decimal? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty else { return nil }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || !parts[1].isEmpty else { return nil }
        let digits = parts.joined().drop { $0 == "0" }
        guard digits.count <= 38 else { return nil }
        return Decimal(string: String(text), locale: posix)
    }

    /// Rounds half-up (四舍五入, away from zero at .5) to `scale` decimals.
    public static func round(_ value: Decimal, scale: Int = 2) -> Decimal {
        // Most values already have no more decimals than asked for: nothing to round.
        if fastFormatWorks, let digits = DecimalDigits(value), digits.exponent >= -scale { return value }
        if let (mantissa, exponent) = DecimalArithmetic.parts(value), scale >= 0, -exponent - scale < DecimalArithmetic.powers.count {
            // Half-up in integers: drop the extra digits, then add one away from zero at .5.
            guard let divisor = Int64(exactly: DecimalArithmetic.powers[-exponent - scale]) else { return slowRound(value, scale: scale) }
            let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: divisor)
            let rounded = remainder.magnitude * 2 >= divisor.magnitude ? quotient + (mantissa < 0 ? -1 : 1) : quotient
            if let result = DecimalArithmetic.make(rounded, -scale) { return result }
        }
        return slowRound(value, scale: scale)
    }

    static func slowRound(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// Shortest form: `77`, `75.5`, `33.33`.
    public static func format(_ value: Decimal) -> String {
        if fastFormatWorks, let text = DecimalDigits(value)?.text { return text }
        return slowFormat(value)
    }

    /// Foundation's own rendering, trimmed: the reference the fast path is checked against.
    static func slowFormat(_ value: Decimal) -> String {
        var text = value.description
        if text.utf8.contains(UInt8(ascii: ".")) {
            while text.utf8.last == UInt8(ascii: "0") { text.removeLast() }
            if text.utf8.last == UInt8(ascii: ".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Fixed decimals: `77.00`.
    public static func format(_ value: Decimal, decimals: Int) -> String {
        let rounded = round(value, scale: decimals)
        var text = format(rounded)
        guard decimals > 0 else { return text }
        if !text.contains(".") { text += "." }
        let fraction = text.split(separator: ".", omittingEmptySubsequences: false)[1].count
        return text + String(repeating: "0", count: decimals - fraction)
    }

    public static func isWhole(_ value: Decimal) -> Bool {
        round(value, scale: 0) == value
    }

    /// The integer value, if whole and within Int range.
    public static func int(_ value: Decimal) -> Int? {
        guard isWhole(value), value.magnitude < Decimal(Int64.max) else { return nil }
        return NSDecimalNumber(decimal: value).intValue
    }

    public static func min(_ a: Decimal, _ b: Decimal) -> Decimal { DecimalArithmetic.compare(a, b) < 0 ? a : b }
    public static func max(_ a: Decimal, _ b: Decimal) -> Decimal { DecimalArithmetic.compare(a, b) > 0 ? a : b }
}
