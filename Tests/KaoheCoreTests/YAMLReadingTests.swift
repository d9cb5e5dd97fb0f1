import Foundation
import KaoheCore
import Testing

/// What the YAML reader reads, beyond the official suite: the shapes rule files take when an
/// editor or a YAML library folds them, and the refusals Kaohe makes on purpose.
@Suite("YAML reading")
struct YAMLReadingTests {
    static func read(_ text: String) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        let documents = YAMLReader().parse(data: Data(text.utf8), path: "r.yaml", sources: &sources, diagnostics: &diagnostics)
        return (documents, diagnostics.sorted)
    }

    @Test("continuation lines may begin with '? ', '?? ', '- ', ': ' or '#' (inside quotes)", arguments: [
        ("score:\n  expr: '(n > 3\n    ? 2 : 0)'\n", "(n > 3 ? 2 : 0)"),
        ("score:\n  expr: \"(n > 3\n    ? 2 : 0)\"\n", "(n > 3 ? 2 : 0)"),
        ("score:\n  expr: x\n    ?? 0\n", "x ?? 0"),
        ("score:\n  expr: 'a\n    - b'\n", "a - b"),
        ("score:\n  expr: \"a\n    : b\n    # c\"\n", "a : b # c"),
        ("score:\n  expr: 'size(m)\n    # not a comment'\n", "size(m) # not a comment"),
        ("score:\n  expr: \"[1,\n    [2]]\"\n", "[1, [2]]"),
    ])
    func foldedScalars(_ text: String, _ expected: String) {
        let (documents, diagnostics) = Self.read(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(documents.first?["score"]?["expr"]?.scalar == expected)
    }

    @Test("every duplicate key of a file is reported, each with where it was first given")
    func duplicates() {
        let (_, diagnostics) = Self.read("a: 1\nb:\n  x: 1\n  x: 2\na: 3\nc: [ {k: 1, k: 2} ]\n")
        #expect(diagnostics.map(\.message) == ["duplicate key 'x' in the same mapping", "duplicate key 'a' in the same mapping",
                                               "duplicate key 'k' in the same mapping"])
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["4:3", "5:1", "6:13"])
        #expect(diagnostics.map { $0.notes.first.map { "\($0.location.line):\($0.location.column)" } ?? "" } == ["3:3", "1:1", "6:7"])
    }

    @Test("a list, a mapping or an alias as a key is refused where it is written", arguments: [
        ("a: 1\n? [x, y]\n: 2\n", "a list used as a mapping key", "2:3"),
        ("a: 1\n[x, y]: 2\n", "a list used as a mapping key", "2:1"),
        ("a: 1\n{x: 1}: 2\n", "a mapping used as a mapping key", "2:1"),
        ("a: &k name\n*k : 2\n", "an alias used as a mapping key", "2:1"),
    ])
    func complexKeys(_ text: String, _ message: String, _ at: String) {
        let (documents, diagnostics) = Self.read(text)
        #expect(documents.isEmpty)
        #expect(diagnostics.map(\.message) == ["\(message) is not allowed in Kaohe files"])
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == [at])
    }

    @Test("tags are refused with their place; aliases of values still work")
    func tagsAndAliases() {
        let (_, tagged) = Self.read("points: !!str 6\nlist: !custom [1]\n")
        #expect(tagged.map(\.message) == ["YAML tags ('!!str') are not used in Kaohe files", "YAML tags ('!custom') are not used in Kaohe files"])
        #expect(tagged.map(\.location.line) == [1, 2])
        let (documents, diagnostics) = Self.read("base: &b {points: 2}\nitem: *b\n")
        #expect(diagnostics.isEmpty)
        #expect(documents.first?["item"]?["points"]?.scalar == "2")
    }
}
