import Foundation
import KaoheBundledPacks
@testable import KaoheCore
import Testing

/// A self-assessment written as YAML and the JSON the API gives for it read the same: every
/// example unit scores byte for byte alike from either.
@Suite("YAML drafts as JSON")
struct YAMLJSONTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var examples: [String] {
        let root = repository.appendingPathComponent("examples")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "yaml" && !$0.path.contains("district-pack") && !$0.path.contains("/sheets/") }
            .map(\.path).sorted()
    }

    @Test("every example self-assessment scores the same from its JSON", arguments: examples)
    func sameResult(_ path: String) throws {
        let engine = try Engine(packs: BundledPacks.all)
        let rules = try engine.rules(at: [Self.repository.appendingPathComponent("rules").path])
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        guard yaml.contains("kind: self-assessment") else { return }
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let node = try #require(YAMLReader().parse(data: Data(yaml.utf8), path: path, sources: &sources, diagnostics: &diagnostics).first)
        let json = node.json
        var parser = JSONNodeParser(text: json, path: "json", firstLine: 1)
        #expect(throws: Never.self) { try parser.parseDocument() }
        let fromYAML = ResultJSON.render(try engine.evaluate(rules, text: yaml, path: path).batch)
        let fromJSON = ResultJSON.render(try engine.evaluate(rules, text: json, path: path + ".json").batch)
        #expect(fromJSON == fromYAML)
    }

    @Test("scalars keep their kind: plain null, booleans and numbers unquoted, the rest as strings")
    func scalars() throws {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let yaml = "a: ~\nb: true\nc: 12.50\nd: 007\ne: 2026-11-30\nf: '12'\ng: 支委会\nh: |\n  两行\n  文字\ni: []\nj: -0.5\n"
        let node = try #require(YAMLReader().parse(data: Data(yaml.utf8), path: "t.yaml", sources: &sources, diagnostics: &diagnostics).first)
        #expect(node.json == """
            {
              "a": null,
              "b": true,
              "c": 12.50,
              "d": 7,
              "e": "2026-11-30",
              "f": "12",
              "g": "支委会",
              "h": "两行\\n文字\\n",
              "i": [],
              "j": -0.5
            }

            """)
    }
}
