@testable import KaoheCore
import Testing

/// Positions in JSON: columns count Unicode scalars, on long lines too (a result file is often
/// one line of megabytes, and each position is counted on from the last one).
@Suite("JSON positions")
struct JSONNodeParserTests {
    @Test("columns on a long non-ASCII line and on the lines after it")
    func columns() throws {
        let entries = (0..<2_000).map { #"{"单位": "区民政局\#($0)", "n": \#($0)}"# }.joined(separator: ", ")
        let text = "[" + entries + "]\n" + #"{"问题": "整改", "n": tru}"#
        var parser = JSONNodeParser(text: text, path: "r.json", firstLine: 1)
        let first = try parser.parseDocumentPrefix()
        #expect(first.sequence?.count == 2_000)
        // The 2,000th entry's value of "n": count the scalars before it.
        let last = try #require(first.sequence?.last?["n"])
        let before = text.prefix { $0 != "\n" }
        let expected = before.unicodeScalars.count - #"1999}]"#.count + 1
        #expect(last.location.column == expected)
        #expect(throws: JSONNodeParser.Failure.self) { try parser.parseRest() }
        do {
            _ = try parser.parseRest()
        } catch {
            #expect(error.location.line == 2)
            #expect(error.location.column == #"{"问题": "整改", "n": "#.unicodeScalars.count + 1)
        }
    }
}

extension JSONNodeParser {
    /// The first value, leaving the parser after it.
    mutating func parseDocumentPrefix() throws(Failure) -> YAMLNode {
        skipSpace()
        let node = try value()
        skipSpace()
        return node
    }

    /// The next value from a fresh start on the same text: a second parse of the rest.
    mutating func parseRest() throws(Failure) -> YAMLNode {
        var copy = self
        return try copy.value()
    }
}
