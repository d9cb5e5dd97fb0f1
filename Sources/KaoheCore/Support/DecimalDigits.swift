import Foundation

/// Formatting a `Decimal` without Foundation's general (and slow) `description`: reads the
/// value's sign, exponent and up to 64 bits of mantissa from its storage (as swift-foundation lays
/// it out: an exponent byte; a byte of length (high nibble), sign (0x08) and compact (0x04) bits;
/// two reserved bytes; eight little-endian 16-bit mantissa words).
/// That layout is not public API, so `DecimalMath.fastFormatWorks` checks this reader against
/// `description` on sample values once; if they ever disagree every number takes the slow path.
struct DecimalDigits {
    var negative: Bool
    var mantissa: UInt64
    var exponent: Int

    init?(_ value: Decimal) {
        let parts: (Bool, UInt64, Int)? = withUnsafeBytes(of: value) { raw in
            guard raw.count == 20 else { return nil }
            let exponent = Int(Int8(bitPattern: raw[0]))
            let length = Int(raw[1] >> 4)
            let negative = raw[1] & 0x08 != 0
            // Length 0 is zero (or NaN when negative); more than four words does not fit 64 bits.
            guard length <= 4, !(length == 0 && negative) else { return nil }
            var mantissa: UInt64 = 0
            var word = length - 1
            while word >= 0 {
                mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
                word -= 1
            }
            return (negative, mantissa, exponent)
        }
        guard let parts else { return nil }
        (negative, mantissa, exponent) = parts
    }

    /// `77`, `-0.5`, `33.33`: no exponent, no trailing zeros; nil when the digits would be long.
    var text: String? {
        guard exponent > -20, exponent < 20 else { return nil }
        if mantissa == 0 { return "0" }
        var digits = String(mantissa)
        if exponent > 0 {
            digits += String(repeating: "0", count: exponent)
        } else if exponent < 0 {
            let decimals = -exponent
            if digits.utf8.count <= decimals { digits = String(repeating: "0", count: decimals - digits.utf8.count + 1) + digits }
            let split = digits.utf8.count - decimals
            var fraction = digits.utf8.dropFirst(split)
            while fraction.last == UInt8(ascii: "0") { fraction = fraction.dropLast() }
            let whole = String(decoding: digits.utf8.prefix(split), as: UTF8.self)
            digits = fraction.isEmpty ? whole : whole + "." + String(decoding: fraction, as: UTF8.self)
        }
        return negative ? "-" + digits : digits
    }
}

extension DecimalMath {
    /// Whether `DecimalDigits` reads this platform's Decimal storage correctly (checked once).
    static let fastFormatWorks: Bool = {
        let samples = ["0", "1", "-1", "7", "77", "100", "12.5", "-0.5", "0.01", "33.33", "75.75", "1000000", "123456789.0001",
                       "65535", "65536", "4294967296", "18446744073709551", "0.000001", "-98765.4321"]
        for text in samples {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return false }
            guard let fast = DecimalDigits(value)?.text, fast == slowFormat(value) else { return false }
            // Values made by arithmetic, not only by parsing.
            let computed = value * 3 / 4 + 1
            if let fast = DecimalDigits(computed)?.text, fast != slowFormat(computed) { return false }
        }
        return true
    }()
}
