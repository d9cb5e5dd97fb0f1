/// Wording of an explanation made once per plan (`党员规模 = `, ` ≥ 50 → 4 分`), kept with its
/// bytes as they stand inside a JSON string, so that a line is written without escaping again.
package final class Phrase: Sendable {
    package let text: String
    /// The UTF-8 bytes of `text` escaped for a JSON string with the opening quote, with the
    /// closing one, and with both: a line's start, its end, and a whole line.
    let opening: [UInt8]
    let closing: [UInt8]
    let quoted: [UInt8]

    init(_ text: String) {
        self.text = text
        var buffer = JSONBuffer(capacity: text.utf8.count + 2)
        buffer.string(text)
        quoted = buffer.bytes
        opening = Array(quoted.dropLast())
        closing = Array(quoted.dropFirst())
    }
}

/// The one value of a unit inside a line of the plan's wording.
package enum LineValue: Sendable, Equatable {
    /// A number, shown rounded to 2 decimals (`ExplanationWording.number`).
    case number(Rational)
    case day(Day)
    /// How many entries a list has.
    case count(Int)

    var text: String {
        switch self {
        case .number(let n): return ExplanationWording.number(n)
        case .day(let d): return d.description
        case .count(let n): return String(n)
        }
    }
}

/// One line of an item's explanation, kept as the plan's wording plus the unit's value until
/// an output shows it: scoring a unit builds no text for the lines the plan already words, and
/// JSON output copies their escaped bytes. Lines worded case by case are kept as text.
package enum ExplanationLine: Sendable {
    case text(String)
    /// A line that is all the plan's wording (`条件 … 成立 → 4 分`).
    case phrase(Phrase)
    /// The plan's wording before a value, the value, and the wording after it, if any.
    case valued(Phrase, LineValue, Phrase?)

    /// The line as people read it.
    package var text: String {
        switch self {
        case .text(let text): return text
        case .phrase(let phrase): return phrase.text
        case .valued(let head, let value, let tail): return head.text + value.text + (tail?.text ?? "")
        }
    }
}

extension ExplanationLine: Equatable {
    /// Lines are equal when they read the same. Lines of the same wording and value, or of
    /// different lengths, are told apart without making their text.
    package static func == (a: ExplanationLine, b: ExplanationLine) -> Bool {
        switch (a, b) {
        case (.phrase(let x), .phrase(let y)) where x === y: return true
        case (.valued(let h1, let v1, let t1), .valued(let h2, let v2, let t2)) where h1 === h2 && t1 === t2 && v1 == v2: return true
        default: return a.utf8Count == b.utf8Count && a.text == b.text
        }
    }

    /// The length of the line's text in UTF-8 bytes.
    var utf8Count: Int {
        switch self {
        case .text(let text): return text.utf8.count
        case .phrase(let phrase): return phrase.text.utf8.count
        case .valued(let head, let value, let tail): return head.text.utf8.count + value.text.utf8.count + (tail?.text.utf8.count ?? 0)
        }
    }
}

extension JSONBuffer {
    /// Appends an explanation line as a JSON string.
    mutating func line(_ line: ExplanationLine) {
        switch line {
        case .text(let text): string(text)
        case .phrase(let phrase):
            verbatim(phrase.quoted)
        case .valued(let head, let value, let tail):
            verbatim(head.opening)
            lineValue(value)
            if let tail { verbatim(tail.closing) } else { raw("\"") }
        }
    }

    /// Appends the text of a value in a line (digits and `-`, `.`: nothing to escape).
    mutating func lineValue(_ value: LineValue) {
        switch value {
        case .number(let n):
            if n.denominator == 1, let whole = Int(exactly: n.numerator) { integer(whole) } else { verbatim(Array(value.text.utf8)) }
        case .count(let n): integer(n)
        case .day(let d): dayText(d)
        }
    }
}
