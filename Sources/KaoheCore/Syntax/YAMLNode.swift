/// A YAML node with the place it was written, converted from Yams' tree. Scalars keep their
/// text and style; what they mean (number, date, bool…) is decided by the field that reads them.
public struct YAMLNode: Sendable {
    /// How a scalar was written: plain, or quoted (a quoted `true` is a string).
    public enum ScalarStyle: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A mapping's key and value.
    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    /// A scalar, a sequence, or a mapping (pairs in document order).
    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    public var content: Content
    public var location: SourceLocation

    package init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar's text, if this is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The pairs, if this is a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The elements, if this is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value under a plain key of a mapping (the first, if repeated).
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// True for an unquoted `null`, `~` or empty plain scalar.
    public var isNull: Bool {
        if case .scalar(let text, .plain) = content {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The location spanning the scalar's text (for carets under the whole token).
    public var tokenLocation: SourceLocation {
        guard case .scalar(let text, let style) = content, !text.contains("\n") else { return location }
        let quotes = (style == .singleQuoted || style == .doubleQuoted) ? 2 : 0
        return SourceLocation(
            file: location.file, line: location.line, column: location.column,
            length: text.unicodeScalars.count + quotes)
    }

    /// What a person would call this node's kind, for "expected X, found Y" messages.
    public var kindDescription: String {
        switch content {
        case .scalar(let text, _): return isNull ? "nothing" : "'\(text.prefix(40))'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
