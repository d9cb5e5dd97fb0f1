import Foundation

/// A runtime value. `missing` carries the names of the facts whose absence caused it, so a
/// result can say which material to supply (补充材料).
public enum Value: Sendable, Hashable {
    case number(Rational)
    case bool(Bool)
    case string(String)
    case date(Day)
    case duration(Duration)
    case list([Value])
    case record(names: [String], values: [Value])
    case missing([String])

    /// Whether the value is a missing fact (the unit did not report it).
    public var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// Merges the missing facts of two values.
    static func missing(_ a: Value, _ b: Value) -> Value {
        var names: [String] = []
        if case .missing(let x) = a { names += x }
        if case .missing(let y) = b { names += y }
        return .missing(Array(Set(names)).sorted())
    }

    /// The value as an expression literal: `true`, `3.5`, `'abc'`, `[1, 2]`, `date('2026-01-01')`, `missing`.
    public var literal: String {
        switch self {
        case .number(let n): return DecimalMath.format(n)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return ExpressionPrinter.quote(s)
        case .date(let d): return "date('\(d)')"
        case .duration(let d): return d.description
        case .list(let items): return "[" + items.map(\.literal).joined(separator: ", ") + "]"
        case .record(let names, let values):
            return "{" + zip(names, values).map { "\($0): \($1.literal)" }.joined(separator: ", ") + "}"
        case .missing: return "missing"
        }
    }

    /// The value for a person: numbers and text without quotes, dates as YYYY-MM-DD.
    public var display: String {
        switch self {
        case .string(let s): return s
        case .date(let d): return d.description
        case .list(let items): return "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .missing: return "缺失"
        default: return literal
        }
    }

    /// The value as JSON text.
    public var json: String {
        switch self {
        case .number(let n): return DecimalMath.format(n)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return JSONText.quote(s)
        case .date(let d): return JSONText.quote(d.description)
        case .duration(let d): return JSONText.quote(d.description)
        case .list(let items): return "[" + items.map(\.json).joined(separator: ", ") + "]"
        case .record(let names, let values):
            return "{" + zip(names, values).map { "\(JSONText.quote($0)): \($1.json)" }.joined(separator: ", ") + "}"
        case .missing: return "null"
        }
    }
}

extension Value {
    /// A date value from `YYYY-MM-DD` text; an invalid date gives a missing value, which makes
    /// any example or test built from it fail visibly rather than trap.
    public static func day(_ text: String) -> Value {
        Day(text).map(Value.date) ?? .missing(["invalid date \(text)"])
    }
}

extension Value {
    /// The number, if this is one.
    public var number: Rational? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The text, if this is a string.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The date, if this is one.
    public var day: Day? {
        if case .date(let d) = self { return d }
        return nil
    }

    /// The bool, if this is one.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements, if this is a list.
    public var items: [Value]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// A field of a record by name (`.missing` when absent or not a record).
    public subscript(field name: String) -> Value {
        guard case .record(let names, let values) = self, let index = names.firstIndex(of: name) else { return .missing([name]) }
        return values[index]
    }

    /// A record value from field names and values, for examples and tests.
    public static func record(_ fields: KeyValuePairs<String, Value>) -> Value {
        .record(names: fields.map(\.key), values: fields.map(\.value))
    }
}
