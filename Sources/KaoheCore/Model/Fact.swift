import Foundation

/// A fact a self-assessment may give, declared under a checklist's `facts:`.
public struct FactSpec: Sendable {
    /// The type a fact is declared with (`type:` in the checklist).
    public indirect enum Kind: Sendable, Equatable {
        case int
        case decimal
        case bool
        case string
        case date
        case duration
        /// A string from a fixed set.
        case enumeration([String])
        /// A list of records with named fields (`fields:`), or of plain values (`of:`).
        case records([FactSpec])
        case list(Kind)
    }

    public var name: String
    public var kind: Kind
    public var title: String?
    public var min: Rational?
    public var max: Rational?
    /// Allowed values for `int`, `decimal` and `string` facts.
    public var oneOf: [Value]?
    /// For a field of a record: whether a record may leave it out (then it reads as missing).
    public var optional = false
    public var location: SourceLocation

    package init(name: String, kind: Kind, title: String? = nil, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.title = title
        self.location = location
    }

    /// The fact's title for people, or its name.
    public var label: String { title ?? name }

    public var exprType: ExprType { Self.exprType(of: kind) }

    static func exprType(of kind: Kind) -> ExprType {
        switch kind {
        case .int, .decimal: return .number
        case .bool: return .bool
        case .string, .enumeration: return .string
        case .date: return .date
        case .duration: return .duration
        case .records(let fields): return .list(.record(RecordType(names: fields.map(\.name), types: fields.map(\.exprType))))
        case .list(let element): return .list(exprType(of: element))
        }
    }

    /// The declared type as written in YAML, for templates and messages.
    public var typeName: String { Self.typeName(kind) }

    static func typeName(_ kind: Kind) -> String {
        switch kind {
        case .int: return "int"
        case .decimal: return "decimal"
        case .bool: return "bool"
        case .string: return "string"
        case .date: return "date"
        case .duration: return "duration"
        case .enumeration(let values): return "enum(" + values.joined(separator: "|") + ")"
        case .records(let fields):
            return "list{" + fields.map { "\($0.name): \(typeName($0.kind))" + ($0.optional ? "?" : "") }.joined(separator: ", ") + "}"
        case .list(let element): return "list(\(typeName(element)))"
        }
    }

    /// Same declaration, ignoring where it was written (an overlay may repeat a fact identically).
    func sameDeclaration(as other: FactSpec) -> Bool {
        kind == other.kind && min == other.min && max == other.max && oneOf == other.oneOf && optional == other.optional
    }
}

extension FactSpec: Equatable {
    public static func == (lhs: FactSpec, rhs: FactSpec) -> Bool {
        lhs.name == rhs.name && lhs.sameDeclaration(as: rhs) && lhs.title == rhs.title
    }
}
