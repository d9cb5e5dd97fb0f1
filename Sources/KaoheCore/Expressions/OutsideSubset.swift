/// The constructs of full CEL that Kaohe's expressions leave out, named so that a rule author
/// who writes one learns what it is and what to write instead (SPEC §2.5).
enum OutsideSubset {
    /// A message and a hint for a construct that is not part of the subset.
    struct Refusal {
        var message: String
        var help: String?
    }

    static func refusal(_ construct: String, help: String?) -> Refusal {
        Refusal(message: "\(construct) are not part of Kaohe's expressions", help: help)
    }

    /// A literal prefix right before a quote: `b'…'`, `r'…'`, `rb'…'`.
    static func stringPrefix(_ prefix: String) -> Refusal? {
        switch prefix.lowercased() {
        case "b": return refusal("bytes literals (b'…')", help: "write a string: '…'")
        case "r": return refusal("raw strings (r'…')", help: "write an ordinary string and escape a backslash as \\\\")
        case "br", "rb": return refusal("raw bytes literals (rb'…')", help: "write an ordinary string: '…'")
        default: return nil
        }
    }

    static let tripleQuoted = refusal("triple-quoted strings", help: "write the string on one line, with \\n for a line break")
    static let unsigned = refusal("unsigned integers (12u)", help: "drop the u: numbers are exact decimals")
    static let hex = refusal("hexadecimal literals (0x1F)", help: "write the number in decimal")
    static let exponent = refusal("exponents (1e3)", help: "write the number out: 1000, or 0.001")
    static let maps = refusal("maps ({key: value})", help: "declare a fact of type record, or use a list")

    /// Functions and methods of full CEL, by name, with what to write in Kaohe instead.
    static let functions: [String: String?] = [
        "dyn": "every value has the type its fact declares; drop dyn()",
        "type": "every value has the type its fact declares; compare values, not types",
        "int": "numbers are exact decimals already; to round down to a whole number compare with a threshold instead",
        "uint": "numbers are exact decimals already",
        "double": "numbers are exact decimals already",
        "string": "compare with a string literal, or declare the fact as a string",
        "bool": "declare the fact as a bool",
        "bytes": "write a string: '…'",
        "timestamp": "write a date: date('2026-01-01')",
        "duration": "write a duration literal: 30d, 2w, 6mo, 1y (or days(n), months(n), years(n))",
        "getFullYear": "compare dates, or use years_between(a, b)",
        "getMonth": "compare dates with period.from and period.to, or use days_between(a, b)",
        "getDate": "compare dates, or use days_between(a, b)",
        "getDayOfWeek": nil,
        "contains": "test a list with 'x in list'; strings are compared whole with ==",
        "startsWith": "strings are compared whole with ==; list the allowed values: x in ['…', '…']",
        "endsWith": "strings are compared whole with ==; list the allowed values: x in ['…', '…']",
        "matches": "strings are compared whole with ==; list the allowed values: x in ['…', '…']",
        "lowerAscii": nil, "upperAscii": nil, "replace": nil, "split": nil, "join": nil, "trim": nil,
        "charAt": nil, "indexOf": nil, "lastIndexOf": nil, "substring": nil, "format": nil, "quote": nil,
    ]

    /// The refusal for a call to `name`, when it is a function of full CEL that Kaohe leaves out.
    static func function(_ name: String, method: Bool) -> Refusal? {
        guard let entry = functions[name] else { return nil }
        let what = method ? "the method .\(name)()" : "\(name)()"
        return Refusal(message: "\(what) is not part of Kaohe's expressions", help: entry)
    }
}
