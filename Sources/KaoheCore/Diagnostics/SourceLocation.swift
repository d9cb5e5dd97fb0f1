/// A position in a user's file: 1-based line and column, columns counted in Unicode scalars
/// (as libyaml counts them), and the length of the offending token in scalars.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var length: Int

    /// A place: 1-based line and column (in Unicode scalars), and how many scalars it spans.
    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// `file:line:col`, the form editors and terminals recognise.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// The same place, shifted right by `offset` scalars and spanning `length`.
    public func advanced(by offset: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset, length: length)
    }
}
