/// A fast JSON reader producing the same located `YAMLNode`s as the YAML path, for JSON Lines
/// batches (where libyaml's generality costs more than the scoring). Strings become quoted
/// scalars, numbers and literals plain ones; positions are exact (columns in Unicode scalars).
package struct JSONNodeParser {
    let bytes: [UInt8]
    let path: String
    var index = 0
    var line: Int
    var lineStart = 0
    var depth = 0
    /// Whether the text is pure ASCII (then a column is a byte offset).
    let ascii: Bool
    static let maxDepth = 200

    package struct Failure: Error {
        package var message: String
        package var location: SourceLocation
    }

    package init(text: String, path: String, firstLine: Int) {
        self.bytes = Array(text.utf8)
        self.path = path
        self.line = firstLine
        self.ascii = bytes.allSatisfy { $0 < 0x80 }
    }

    /// The whole text as one JSON value.
    package mutating func parseDocument() throws(Failure) -> YAMLNode {
        skipSpace()
        let node = try value()
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the JSON value") }
        return node
    }

    /// Where the last column was counted, so that counting goes on from there: a result file is
    /// often one long line, and counting from the line's start each time was quadratic (an import
    /// of 1,500 findings spent 50 s here).
    var counted = (lineStart: 0, index: 0, column: 1)

    /// Column (1-based, in Unicode scalars) of the current byte.
    var column: Int {
        mutating get {
            if ascii { return index - lineStart + 1 }
            if counted.lineStart != lineStart || counted.index > index { counted = (lineStart, lineStart, 1) }
            while counted.index < index {
                if bytes[counted.index] & 0xC0 != 0x80 { counted.column += 1 }
                counted.index += 1
            }
            return counted.column
        }
    }

    var here: SourceLocation { mutating get { SourceLocation(file: path, line: line, column: column) } }

    mutating func fail(_ message: String) -> Failure { Failure(message: "JSON syntax: \(message)", location: here) }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    mutating func value() throws(Failure) -> YAMLNode {
        guard index < bytes.count else { throw fail("the value ends too early") }
        let at = here
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(at)
        case UInt8(ascii: "["): return try array(at)
        case UInt8(ascii: "\""):
            let text = try string()
            return YAMLNode(.scalar(text, .doubleQuoted), at: at)
        default:
            let start = index
            while index < bytes.count, !Self.delimiters.contains(bytes[index]) { index += 1 }
            guard index > start, let text = String(validating: bytes[start..<index], as: UTF8.self) else {
                throw fail("expected a value")
            }
            guard text == "true" || text == "false" || text == "null" || text.first.map({ $0 == "-" || $0.isNumber }) == true else {
                throw Failure(message: "JSON syntax: '\(text)' is not a JSON value", location: at)
            }
            return YAMLNode(.scalar(text == "null" ? "" : text, .plain), at: at)
        }
    }

    static let delimiters: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D]

    mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth { throw fail("nesting deeper than \(Self.maxDepth) levels") }
    }

    mutating func object(_ at: SourceLocation) throws(Failure) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        index += 1
        var pairs: [YAMLNode.Pair] = []
        var seen = Set<String>()
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return YAMLNode(.mapping([]), at: at)
        }
        while true {
            skipSpace()
            let keyAt = here
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
            let key = try string()
            if !seen.insert(key).inserted {
                throw Failure(message: "duplicate key '\(key)' in the same object", location: keyAt)
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
            index += 1
            skipSpace()
            let item = try value()
            pairs.append(.init(key: YAMLNode(.scalar(key, .doubleQuoted), at: keyAt), value: item))
            skipSpace()
            guard index < bytes.count else { throw fail("the object is not closed") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return YAMLNode(.mapping(pairs), at: at) }
            throw fail("expected ',' or '}'")
        }
    }

    mutating func array(_ at: SourceLocation) throws(Failure) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [YAMLNode] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return YAMLNode(.sequence([]), at: at)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw fail("the list is not closed") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return YAMLNode(.sequence(items), at: at) }
            throw fail("expected ',' or ']'")
        }
    }

    mutating func string() throws(Failure) -> String {
        index += 1
        var scratch: [UInt8] = []
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scratch.append(contentsOf: bytes[start..<index])
                index += 1
                guard let text = String(validating: scratch, as: UTF8.self) else { throw fail("invalid UTF-8 in a string") }
                return text
            }
            if byte == 0x0A { throw fail("a string cannot span lines") }
            if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: bytes[start..<index])
                guard index + 1 < bytes.count else { break }
                let escape = bytes[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""): scratch.append(escape)
                case UInt8(ascii: "\\"): scratch.append(escape)
                case UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count, let hex = String(validating: bytes[index..<(index + 4)], as: UTF8.self),
                          let code = UInt32(hex, radix: 16) else { throw fail("bad \\u escape") }
                    index += 4
                    var value = code
                    if (0xD800...0xDBFF).contains(code), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                       bytes[index + 1] == UInt8(ascii: "u"), let lowHex = String(validating: bytes[(index + 2)..<(index + 6)], as: UTF8.self),
                       let low = UInt32(lowHex, radix: 16), (0xDC00...0xDFFF).contains(low) {
                        value = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                    guard let scalar = Unicode.Scalar(value) else { throw fail("bad \\u escape") }
                    scratch.append(contentsOf: Array(String(scalar).utf8))
                default:
                    throw fail("unknown escape in a string")
                }
                start = index
                continue
            }
            index += 1
        }
        throw fail("the string is not closed")
    }
}
