/// Static types of the expression language. `int` and `decimal` facts are both `number`
/// (decimals throughout); `any` stands for the element of an empty list and for a type
/// already reported as wrong, so one mistake does not cascade.
public indirect enum ExprType: Sendable, Hashable, CustomStringConvertible {
    case number
    case bool
    case string
    case date
    case duration
    case list(ExprType)
    case record(RecordType)
    case any

    public var description: String {
        switch self {
        case .number: return "number"
        case .bool: return "bool"
        case .string: return "string"
        case .date: return "date"
        case .duration: return "duration"
        case .list(let element): return "list(\(element))"
        case .record(let record): return "record{" + record.names.joined(separator: ", ") + "}"
        case .any: return "any"
        }
    }

    /// Whether a value of type `other` may stand where `self` is expected.
    func accepts(_ other: ExprType) -> Bool {
        switch (self, other) {
        case (.any, _), (_, .any): return true
        case (.list(let a), .list(let b)): return a.accepts(b)
        default: return self == other
        }
    }

    /// The more specific of two compatible types.
    func unified(with other: ExprType) -> ExprType {
        if case .any = self { return other }
        if case .list(let a) = self, case .list(let b) = other { return .list(a.unified(with: b)) }
        return self
    }
}

/// The fields of a record (an element of a `type: list` fact), in declaration order.
public struct RecordType: Sendable, Hashable {
    public var names: [String]
    public var types: [ExprType]

    /// A record type with these fields.
    public init(names: [String], types: [ExprType]) {
        self.names = names
        self.types = types
    }

    /// The position of field `name`.
    public func index(of name: String) -> Int? { names.firstIndex(of: name) }
}
