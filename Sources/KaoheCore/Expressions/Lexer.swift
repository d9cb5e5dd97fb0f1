/// Splits an expression into tokens. Numbers followed directly by `d`, `w`, `mo` or `y` are
/// duration literals (`30d`, `6mo`, `3y`).
package struct Lexer: Sendable {
    static let symbols = ["&&", "||", "==", "!=", "<=", ">=", "??", "<", ">", "+", "-", "*", "/", "%",
                          "!", "?", ":", "(", ")", "[", "]", "{", "}", ",", "."]
    static let maxLength = 4096

    package init() {}

    package func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= Self.maxLength else {
            throw ExpressionError("expression is longer than \(Self.maxLength) characters", offset: 0)
        }
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if Self.isDigit(c) {
                if c == "0", i + 1 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X" {
                    var end = i + 2
                    while end < scalars.count, Self.isIdentifierPart(scalars[end]) { end += 1 }
                    throw Self.refuse(OutsideSubset.hex, start, end - start)
                }
                while i < scalars.count, Self.isDigit(scalars[i]) { i += 1 }
                if i + 1 < scalars.count, scalars[i] == ".", Self.isDigit(scalars[i + 1]) {
                    i += 1
                    while i < scalars.count, Self.isDigit(scalars[i]) { i += 1 }
                }
                var suffixEnd = i
                while suffixEnd < scalars.count, Self.isIdentifierPart(scalars[suffixEnd]) { suffixEnd += 1 }
                let number = String(String.UnicodeScalarView(scalars[start..<i]))
                if suffixEnd > i, scalars[i] == "e" || scalars[i] == "E" {
                    var end = i + 1
                    if end < scalars.count, scalars[end] == "-" || scalars[end] == "+" { end += 1 }
                    if end < scalars.count, Self.isDigit(scalars[end]) {
                        while end < scalars.count, Self.isIdentifierPart(scalars[end]) { end += 1 }
                        throw Self.refuse(OutsideSubset.exponent, start, end - start)
                    }
                }
                if suffixEnd == i + 1, scalars[i] == "u" || scalars[i] == "U" {
                    throw Self.refuse(OutsideSubset.unsigned, start, suffixEnd - start)
                }
                if suffixEnd > i {
                    let literal = String(String.UnicodeScalarView(scalars[start..<suffixEnd]))
                    guard !number.contains("."), let duration = Duration(literal) else {
                        throw ExpressionError(
                            "'\(literal)' is not a number or a duration", offset: start, length: suffixEnd - start,
                            help: "durations are whole numbers with d (days), w (weeks), mo (months) or y (years), "
                                + "at most \(Duration.largestLiteralCount) days or months: 30d, 6mo, 3y")
                    }
                    tokens.append(Token(kind: .duration(duration), offset: start, length: suffixEnd - start))
                    i = suffixEnd
                } else {
                    tokens.append(Token(kind: .number(number), offset: start, length: i - start))
                }
                continue
            }
            if Self.isIdentifierStart(c) {
                while i < scalars.count, Self.isIdentifierPart(scalars[i]) { i += 1 }
                let name = String(String.UnicodeScalarView(scalars[start..<i]))
                if i < scalars.count, scalars[i] == "'" || scalars[i] == "\"", let refusal = OutsideSubset.stringPrefix(name) {
                    throw Self.refuse(refusal, start, i - start + 1)
                }
                tokens.append(Token(kind: .identifier(name), offset: start, length: i - start))
                continue
            }
            if c == "'" || c == "\"" {
                if i + 2 < scalars.count, scalars[i + 1] == c, scalars[i + 2] == c {
                    throw Self.refuse(OutsideSubset.tripleQuoted, start, 3)
                }
                i += 1
                var value = String.UnicodeScalarView()
                var closed = false
                while i < scalars.count {
                    let s = scalars[i]
                    if s == c { closed = true; i += 1; break }
                    if s == "\\", i + 1 < scalars.count {
                        let next = scalars[i + 1]
                        switch next {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        case "\\", "'", "\"": value.append(next)
                        default:
                            throw ExpressionError("unknown escape '\\\(next)' in a string", offset: i, length: 2,
                                                  help: "escapes are \\n, \\t, \\\\, \\' and \\\"")
                        }
                        i += 2
                        continue
                    }
                    value.append(s)
                    i += 1
                }
                guard closed else {
                    throw ExpressionError("string is not closed", offset: start, length: i - start,
                                          help: "end the string with \(c)")
                }
                tokens.append(Token(kind: .string(String(value)), offset: start, length: i - start))
                continue
            }
            let rest2 = i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
            if Self.symbols.contains(rest2) {
                tokens.append(Token(kind: .symbol(rest2), offset: start, length: 2))
                i += 2
                continue
            }
            let one = String(c)
            if Self.symbols.contains(one) {
                tokens.append(Token(kind: .symbol(one), offset: start, length: 1))
                i += 1
                continue
            }
            var help: String?
            if one == "=" { help = "compare with '==', there is no assignment" }
            if one == "&" || one == "|" { help = "use '\(one)\(one)'" }
            if "（）“”‘’，：".unicodeScalars.contains(c) { help = "this is a full-width character; use its ASCII form" }
            throw ExpressionError("unexpected character '\(one)'", offset: start, help: help)
        }
        tokens.append(Token(kind: .end, offset: scalars.count, length: 1))
        return tokens
    }

    static func refuse(_ refusal: OutsideSubset.Refusal, _ offset: Int, _ length: Int) -> ExpressionError {
        ExpressionError(refusal.message, offset: offset, length: length, help: refusal.help)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }
}
