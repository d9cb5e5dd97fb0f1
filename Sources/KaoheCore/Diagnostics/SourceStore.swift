/// The text of every file read in a run, so diagnostics can quote the offending line.
public struct SourceStore: Sendable {
    private var texts: [String: String] = [:]
    /// Single lines of files too large to keep (a streamed batch keeps only the lines with errors).
    private var lines: [String: [Int: String]] = [:]

    /// An empty store.
    public init() {}

    package mutating func add(path: String, line number: Int, text: String) {
        lines[path, default: [:]][number] = text
    }

    /// Keeps the text; lines are found only when a diagnostic quotes one (most runs quote none).
    public mutating func add(path: String, text: String) {
        texts[path] = text
    }

    /// Every whole text kept, by path.
    package var files: [(path: String, text: String)] { texts.map { ($0.key, $0.value) } }

    package mutating func merge(_ other: SourceStore) {
        texts.merge(other.texts) { current, _ in current }
        lines.merge(other.lines) { current, other in current.merging(other) { a, _ in a } }
    }

    /// Line `number` (1-based) of `path`, without its line ending.
    public func line(_ number: Int, of path: String) -> String? {
        if let single = lines[path]?[number] { return single.hasSuffix("\r") ? String(single.dropLast()) : single }
        guard let text = texts[path], number >= 1 else { return nil }
        var current = 1
        var start = text.utf8.startIndex
        if number > 1 {
            for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\n") {
                current += 1
                if current == number {
                    start = text.utf8.index(after: index)
                    break
                }
            }
            guard current == number else { return nil }
        }
        let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.utf8.endIndex
        var line = Substring(text.utf8[start..<end])
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }
}
