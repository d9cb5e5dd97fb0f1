import Foundation

/// Reads YAML documents with limits, so that no file can make Kaohe hang, crash or exhaust
/// memory: a size cap, a nesting cap, a cap on nodes after alias expansion, strict UTF-8. The
/// documents are composed from libyaml's events by `YAMLComposer`.
package struct YAMLReader: Sendable {
    package struct Limits: Sendable {
        package var maxBytes: Int = 8 << 20
        package var maxNodes: Int = 1_000_000
        package var maxNodesWithAliases: Int = 100_000
        package var maxDepth: Int = 200

        package init() {}
    }

    package var limits = Limits()

    package init() {}

    /// Reads the file at `path`; records its text in `sources` for diagnostics.
    package func read(
        path: String, sources: inout SourceStore, diagnostics: inout Diagnostics
    ) -> [YAMLNode] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if let problem = FileKind.problemReadingFile(at: path) {
            diagnostics.error(start, problem)
            return []
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
           size > limits.maxBytes {
            diagnostics.error(start, "file is \(Self.megabytes(size)), larger than the \(Self.megabytes(limits.maxBytes)) limit for one document",
                              help: "split it into several files, or pass a batch as JSON Lines")
            return []
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            diagnostics.error(start, "cannot read the file (permission denied?)")
            return []
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limits.maxBytes + 1)) ?? Data()
        if data.count > limits.maxBytes {
            diagnostics.error(start, "file is larger than the \(Self.megabytes(limits.maxBytes)) limit for one document")
            return []
        }
        return parse(data: data, path: path, sources: &sources, diagnostics: &diagnostics)
    }

    /// A lone carriage return (old Mac line ends) as a line feed: YAML counts it as a line break,
    /// so diagnostics' line numbers only match the quoted lines if we do too (found by fuzzing).
    /// CRLF stays as it is; the byte count and every column are unchanged.
    static func lineFeeds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A) {
            bytes[index] = 0x0A
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses bytes that came from `path` (or from a string in tests).
    package func parse(
        data: Data, path: String, sources: inout SourceStore, diagnostics: inout Diagnostics
    ) -> [YAMLNode] {
        guard let decoded = decodeUTF8(data, path: path, diagnostics: &diagnostics) else {
            // Keep a readable copy so the diagnostic can still quote the line.
            sources.add(path: path, text: String(decoding: data, as: UTF8.self))
            return []
        }
        let text = Self.lineFeeds(decoded)
        sources.add(path: path, text: text)
        return parse(text: text, path: path, diagnostics: &diagnostics)
    }

    func parse(text: String, path: String, diagnostics: inout Diagnostics) -> [YAMLNode] {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        return YAMLComposer(path: path, text: body, limits: limits).compose(diagnostics: &diagnostics) ?? []
    }

    /// Strict UTF-8: the first invalid byte is reported with its line and column.
    func decodeUTF8(_ data: Data, path: String, diagnostics: inout Diagnostics) -> String? {
        if let text = String(validating: data, as: UTF8.self) { return text }
        let bytes = [UInt8](data)
        let (index, line, column) = Self.firstInvalidByte(bytes)
        let byte = index < bytes.count ? String(format: "0x%02X", bytes[index]) : "end of file"
        diagnostics.error(
            SourceLocation(file: path, line: line, column: column),
            "invalid UTF-8 (byte \(byte) at offset \(index))",
            help: "save the file as UTF-8; files saved as GBK/GB2312 must be converted first")
        return nil
    }

    /// Where the first byte that is not valid UTF-8 is: its offset (`bytes.count` when the text
    /// ends inside a character), and its line and column counted in characters.
    static func firstInvalidByte(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 { break }
            if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (index, line, column)
    }

    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let slice = Array(bytes[index..<(index + length)])
        return String(validating: slice, as: UTF8.self) == nil ? 0 : length
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

/// The last line of a text, to keep libyaml's positions inside it: libyaml may place an empty
/// document or the end of the stream on the line after a text without a final line break.
struct TextEnd {
    let lines: Int
    let lastLength: Int

    init(_ text: String) {
        var lines = 1, length = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lines += 1; length = 0 } else { length += 1 }
        }
        self.lines = lines
        self.lastLength = length
    }

    func clamp(line: Int, column: Int) -> (Int, Int) {
        line > lines ? (lines, lastLength + 1) : (line, column)
    }
}
