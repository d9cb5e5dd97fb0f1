import Foundation
import Yams

/// Reads YAML documents with limits, so that no file can make Kaohe hang, crash or exhaust
/// memory: a size cap, libyaml's nesting cap, a cap on nodes after alias expansion, strict UTF-8.
public struct YAMLReader: Sendable {
    public struct Limits: Sendable {
        public var maxBytes: Int = 8 << 20
        public var maxNodes: Int = 1_000_000
        public var maxNodesWithAliases: Int = 100_000
        public var maxDepth: Int = 200

        public init() {}
    }

    public var limits = Limits()

    public init() {}

    /// Reads the file at `path`; records its text in `sources` for diagnostics.
    public func read(
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
    public func parse(
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
        let scan = Self.prescan(body)
        if scan.depth > limits.maxDepth {
            diagnostics.error(
                SourceLocation(file: path, line: scan.depthAt.line, column: scan.depthAt.column),
                "nesting deeper than \(limits.maxDepth) levels", help: "a rules file never needs this; check the file is what you meant to load")
            return []
        }
        if let at = scan.complexKeyAt {
            diagnostics.error(
                SourceLocation(file: path, line: at.line, column: at.column),
                "a list, a mapping or an alias used as a mapping key is not allowed in Kaohe files",
                help: "keys are plain names, like 'points:'")
            return []
        }
        var documents: [YAMLNode] = []
        do {
            let parser = try Parser(yaml: body, resolver: .basic)
            let end = TextEnd(body)
            // Aliases can multiply a small text into a huge tree; a file that uses them gets a
            // tighter budget, so an alias bomb is refused quickly.
            var budget = scan.aliases > 0 ? min(limits.maxNodes, limits.maxNodesWithAliases) : limits.maxNodes
            while let root = try parser.nextRoot() {
                var converter = Converter(path: path, budget: budget, maxDepth: limits.maxDepth, end: end)
                guard let node = converter.convert(root, depth: 0) else {
                    diagnostics.error(
                        converter.failure ?? SourceLocation(file: path, line: 1, column: 1),
                        converter.failureMessage)
                    return []
                }
                budget = converter.budget
                documents.append(node)
            }
        } catch let error as YamlError {
            diagnostics.append(YAMLErrorTranslator.diagnostic(for: error, path: path, text: body))
            return []
        } catch {
            diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "cannot parse YAML: \(error)")
            return []
        }
        return documents
    }

    /// Strict UTF-8: the first invalid byte is reported with its line and column.
    func decodeUTF8(_ data: Data, path: String, diagnostics: inout Diagnostics) -> String? {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var line = 1, column = 1, index = 0
        let bytes = [UInt8](data)
        while index < bytes.count {
            let length = Self.validSequenceLength(bytes, at: index)
            if length == 0 { break }
            if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        let byte = index < bytes.count ? String(format: "0x%02X", bytes[index]) : "end of file"
        diagnostics.error(
            SourceLocation(file: path, line: line, column: column),
            "invalid UTF-8 (byte \(byte) at offset \(index))",
            help: "save the file as UTF-8; files saved as GBK/GB2312 must be converted first")
        return nil
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

    /// What a scan of the raw text finds before libyaml sees it.
    struct Prescan {
        var depth = 0
        var depthAt = (line: 1, column: 1)
        /// Where a complex key (a list, mapping or alias used as a mapping key) is written.
        var complexKeyAt: (line: Int, column: Int)?
        /// How many aliases (`*name`) the text uses.
        var aliases = 0
    }

    /// Scans the text outside quotes and comments for the deepest `[`/`{` or indentation nesting (a cheap
    /// guard before libyaml's own, which allows 1000 levels) and for complex mapping keys,
    /// which Kaohe files never need and which would make an alias bomb expand while keys are
    /// compared for duplicates.
    static func prescan(_ text: String) -> Prescan {
        // Over UTF-8 bytes: every character that matters here is ASCII, and a column counts
        // Unicode scalars (continuation bytes 0x80–0xBF do not start one).
        let space = UInt8(ascii: " "), dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":"), newline = UInt8(ascii: "\n")
        var result = Prescan()
        var depth = 0, line = 1, column = 0
        var quote: UInt8?
        var comment = false
        var lineStart = true
        var previous = newline
        var pendingKeyEnd = false
        var inAlias = false
        var indents: [Int] = []
        for byte in text.utf8 {
            if byte & 0xC0 == 0x80 { continue }
            column += 1
            if byte == newline {
                line += 1; column = 0; comment = false; quote = nil; lineStart = true; previous = newline
                pendingKeyEnd = false; inAlias = false
                continue
            }
            defer { previous = byte }
            if comment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            if pendingKeyEnd {
                if byte == space { continue }
                if byte == colon, result.complexKeyAt == nil { result.complexKeyAt = (line, column) }
                pendingKeyEnd = false
            }
            if inAlias {
                let nameByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                    || byte == dash || byte == UInt8(ascii: "_")
                if nameByte { continue }
                inAlias = false
                if byte == space { pendingKeyEnd = true; continue }
                if byte == colon, result.complexKeyAt == nil { result.complexKeyAt = (line, column) }
            }
            let tokenStart = previous == space || previous == UInt8(ascii: "\t") || previous == UInt8(ascii: "[")
                || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") || previous == colon || previous == newline
            if lineStart {
                if byte == space || byte == dash { continue }
                lineStart = false
                if byte == UInt8(ascii: "?"), result.complexKeyAt == nil { result.complexKeyAt = (line, column) }
                // Block nesting by indentation: each deeper indent opens a level. libyaml would
                // get there too, but slowly.
                if byte != UInt8(ascii: "#"), depth == 0 {
                    let indent = column - 1
                    while let last = indents.last, last >= indent { indents.removeLast() }
                    indents.append(indent)
                    if indents.count > result.depth { result.depth = indents.count; result.depthAt = (line, column) }
                }
            }
            switch byte {
            case UInt8(ascii: "#") where previous == space || previous == newline || previous == UInt8(ascii: "\t"): comment = true
            case UInt8(ascii: "'") where tokenStart, UInt8(ascii: "\"") where tokenStart: quote = byte
            case UInt8(ascii: "*") where tokenStart:
                inAlias = true
                result.aliases += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > result.depth { result.depth = depth; result.depthAt = (line, column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                pendingKeyEnd = true
            default: break
            }
        }
        return result
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

/// Converts Yams nodes to located `YAMLNode`s, counting every node visited after alias
/// expansion so that an alias bomb stops at the budget instead of exhausting memory.
private struct Converter {
    let path: String
    var budget: Int
    let maxDepth: Int
    var failure: SourceLocation?
    var failureMessage = ""

    let limit: Int
    let end: TextEnd

    init(path: String, budget: Int, maxDepth: Int, end: TextEnd) {
        self.limit = budget
        self.path = path
        self.budget = budget
        self.maxDepth = maxDepth
        self.end = end
    }

    mutating func convert(_ node: Node, depth: Int) -> YAMLNode? {
        let (line, column) = end.clamp(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        let location = SourceLocation(file: path, line: line, column: column)
        budget -= 1
        if budget < 0 {
            failure = location
            failureMessage = "document expands to more than \(limit) nodes (an alias bomb?); refusing to load it"
            return nil
        }
        if depth > maxDepth {
            failure = location
            failureMessage = "nesting deeper than \(maxDepth) levels"
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, Self.style(scalar.style)), at: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for element in sequence {
                guard let converted = convert(element, depth: depth + 1) else { return nil }
                items.append(converted)
            }
            return YAMLNode(.sequence(items), at: location)
        case .mapping(let mapping):
            var pairs: [YAMLNode.Pair] = []
            for (key, value) in mapping {
                guard let k = convert(key, depth: depth + 1), let v = convert(value, depth: depth + 1) else {
                    return nil
                }
                pairs.append(YAMLNode.Pair(key: k, value: v))
            }
            return YAMLNode(.mapping(pairs), at: location)
        case .alias:
            failure = location
            failureMessage = "unresolved YAML alias"
            return nil
        }
    }

    static func style(_ style: Node.Scalar.Style) -> YAMLNode.ScalarStyle {
        switch style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        default: return .plain
        }
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
