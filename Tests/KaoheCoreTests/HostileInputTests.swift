import Foundation
import KaoheCommon
import KaoheCore
import Testing

/// Files built to hurt a YAML loader end in one clear error, quickly, without a crash.
@Suite("Hostile YAML")
struct HostileInputTests {
    static func temporaryFile(_ name: String, _ data: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Loads `data` as a rules file; returns the diagnostics and the seconds it took.
    static func load(_ data: Data) throws -> (messages: [String], seconds: Double) {
        let path = try temporaryFile("hostile.yaml", data)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let start = Date()
        let result = RulesLoader(registry: try AllPacks.registry()).load(paths: [path])
        let seconds = Date().timeIntervalSince(start)
        return (result.diagnostics.sorted.filter { $0.severity == .error }.map(\.message), seconds)
    }

    @Test("a billion-laughs alias bomb is refused")
    func billionLaughs() throws {
        var text = "kaohe: 1\nkind: checklist\nid: t.bomb\na0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let (messages, seconds) = try Self.load(Data(text.utf8))
        #expect(messages.contains { $0.contains("alias bomb") }, "\(messages)")
        #expect(seconds < TimeLimit.seconds(1))
    }

    @Test("an alias bomb used as a mapping key is refused too")
    func aliasKeyBomb() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "? *a7\n: boom\n"
        let (messages, seconds) = try Self.load(Data(text.utf8))
        #expect(!messages.isEmpty)
        #expect(seconds < TimeLimit.seconds(1))
    }

    @Test("10,000 levels of flow nesting are refused", arguments: ["[", "{a: "])
    func flowNesting(_ opener: String) throws {
        let closer = opener == "[" ? "]" : "}"
        let text = "kaohe: 1\nkind: checklist\nid: t.deep\nx: " + String(repeating: opener, count: 10_000) + "1"
            + String(repeating: closer, count: 10_000) + "\n"
        let (messages, seconds) = try Self.load(Data(text.utf8))
        #expect(messages.contains { $0.contains("nesting deeper than") }, "\(messages)")
        #expect(seconds < TimeLimit.seconds(1))
    }

    @Test("10,000 levels of block nesting are refused")
    func blockNesting() throws {
        // Compact nested block sequences: "- - - … x" nests one level per dash.
        let text = "kaohe: 1\nkind: checklist\nid: t.deep\nx:\n  " + String(repeating: "- ", count: 10_000) + "x\n"
        let (messages, seconds) = try Self.load(Data(text.utf8))
        #expect(messages.contains { $0.contains("nesting") }, "\(messages)")
        #expect(seconds < TimeLimit.seconds(1))
    }

    @Test("deep block nesting by indentation is refused")
    func indentedNesting() throws {
        var text = "kaohe: 1\nkind: checklist\nid: t.deep\n"
        for level in 0..<1_500 {
            text += String(repeating: " ", count: level) + "k\(level):\n"
        }
        let (messages, seconds) = try Self.load(Data(text.utf8))
        #expect(messages.contains { $0.contains("nesting") }, "\(messages)")
        #expect(seconds < TimeLimit.seconds(1))
    }

    @Test("invalid UTF-8 is reported with its position")
    func invalidUTF8() throws {
        var data = Data("kaohe: 1\nkind: checklist\nid: t.bytes\ntitle: 乐山".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        let (messages, _) = try Self.load(data)
        #expect(messages == ["invalid UTF-8 (byte 0xC3 at offset 50)"])
    }

    @Test("a GBK-encoded file gets a hint to convert it")
    func gbk() throws {
        let data = Data([0x6B, 0x61, 0x6F, 0x68, 0x65, 0x3A, 0x20, 0x31, 0x0A, 0xC0, 0xD6, 0xC9, 0xBD])
        let (messages, _) = try Self.load(data)
        #expect(messages.first?.hasPrefix("invalid UTF-8") == true)
    }

    @Test("a 50 MB file is refused before it is read")
    func hugeFile() throws {
        let line = Data("# 注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释\n".utf8)
        var data = Data(capacity: 50 << 20)
        while data.count < 50 << 20 { data.append(line) }
        let (messages, seconds) = try Self.load(data)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("larger than the 8.0 MB limit") == true)
        #expect(seconds < TimeLimit.seconds(1))
    }

    @Test("an empty file and a file of only comments are reported (a file saved empty by mistake)")
    func emptyFiles() throws {
        let expected = ["the rules file holds no document (it is empty or only comments)"]
        #expect(try Self.load(Data()).messages == expected)
        #expect(try Self.load(Data("# nothing here\n".utf8)).messages == expected)
    }

    @Test("a syntax error at the end of a file without a final line break points into the file (found by fuzzing)")
    func errorPastTheLastLine() throws {
        let path = try Self.temporaryFile("x.yaml", Data("- just\ncti".utf8))
        let result = RulesLoader(registry: .empty).load(paths: [path])
        let error = try #require(result.diagnostics.sorted.first { $0.severity == .error })
        #expect(error.location.line == 2 && error.location.column == 4)
        #expect(DiagnosticRenderer(sources: result.sources).render(error).contains("  cti\n     ^"))
    }

    @Test("old Mac line ends (a lone CR) count as line breaks, so errors quote the right line (found by fuzzing)")
    func loneCarriageReturns() throws {
        let path = try Self.temporaryFile("cr.yaml", Data("kaohe: 1\rkind: checklist\rid: [\r".utf8))
        let result = RulesLoader(registry: .empty).load(paths: [path])
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(result.sources.line(error.location.line, of: path) != nil, "\(error.location): \(error.message)")
        }
    }

    @Test("a token of zero-width characters is underlined without crashing (found by fuzzing)")
    func zeroWidthToken() throws {
        var sources = SourceStore()
        sources.add(path: "z.yaml", text: "members: \u{200B}\u{200B}\u{200B}\n")
        var diagnostics = Diagnostics()
        diagnostics.error(SourceLocation(file: "z.yaml", line: 1, column: 10, length: 3), "expected a number")
        let text = DiagnosticRenderer(sources: sources).render(diagnostics.sorted)
        #expect(text.hasPrefix("z.yaml:1:10: error: expected a number\n"))
    }

    @Test("a folder that links to itself ends in one located error, not an endless walk")
    func symlinkLoop() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("again").path, withDestinationPath: folder.path)
        let result = RulesLoader(registry: .empty).load(paths: [folder.path])
        // It ends (no endless walk) with one located error at the link.
        #expect(result.diagnostics.sorted.filter { $0.severity == .error }.map(\.location.file) == [folder.appendingPathComponent("again").path])
    }
}
