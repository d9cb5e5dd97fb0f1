/// The text of every file read in a run, so diagnostics can quote the offending line.
public struct SourceStore: Sendable {
    private var lines: [String: [Substring]] = [:]

    public init() {}

    public mutating func add(path: String, text: String) {
        lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    public mutating func merge(_ other: SourceStore) {
        lines.merge(other.lines) { current, _ in current }
    }

    /// Line `number` (1-based) of `path`, without its line ending.
    public func line(_ number: Int, of path: String) -> String? {
        guard let fileLines = lines[path], number >= 1, number <= fileLines.count else { return nil }
        var line = fileLines[number - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }
}
