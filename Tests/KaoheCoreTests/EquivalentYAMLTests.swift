import Foundation
@testable import KaoheCore
import PropertyBased
import Testing
import Yams

/// The same checklist written in other YAML styles — folded at a narrow width, every string
/// single- or double-quoted (with \u escapes), literal block scalars, flow style — evaluates to
/// byte-identical result JSON with the same fingerprint.
@Suite("Equivalent YAML, identical result")
struct EquivalentYAMLTests {
    enum Style: String, CaseIterable, Sendable {
        case foldedAt12, singleQuoted, doubleQuotedEscaped, literalBlocks, flow
    }

    /// Plain scalars that YAML or Kaohe read as something other than a string keep their style.
    static func looksTyped(_ text: String) -> Bool {
        text.isEmpty || ["true", "false", "null", "~", "True", "False", "Null", "NULL"].contains(text)
            || text.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
            || text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil
    }

    static func node(_ n: YAMLNode, _ style: Style) -> Node {
        switch n.content {
        case .scalar(let text, let original):
            let keep: Node.Scalar.Style = switch original {
            case .plain: .plain
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            }
            let typed = original == .plain && looksTyped(text)
            let chosen: Node.Scalar.Style
            switch style {
            case .foldedAt12, .flow: chosen = keep
            case .singleQuoted: chosen = typed ? .plain : .singleQuoted
            case .doubleQuotedEscaped: chosen = typed ? .plain : .doubleQuoted
            case .literalBlocks: chosen = typed || text.hasSuffix(" ") ? keep : .literal
            }
            return .scalar(.init(text, .implicit, chosen))
        case .sequence(let items):
            return .sequence(.init(items.map { node($0, style) }, .implicit, style == .flow ? .flow : .any))
        case .mapping(let pairs):
            return .mapping(.init(pairs.map { (node($0.key, style), node($0.value, style)) }, .implicit, style == .flow ? .flow : .any))
        }
    }

    /// `text` re-emitted in `style`.
    static func rewrite(_ text: String, _ style: Style) throws -> String {
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        let documents = YAMLReader().parse(data: Data(text.utf8), path: "in.yaml", sources: &sources, diagnostics: &diagnostics)
        try #require(!diagnostics.hasErrors)
        return try serialize(nodes: documents.map { node($0, style) }, width: style == .foldedAt12 ? 12 : 80,
                             allowUnicode: style != .doubleQuotedEscaped, explicitStart: documents.count > 1)
    }

    static func results(_ rules: [(path: String, text: String)], examples: [String], registry: Registry) throws -> [String] {
        let loaded = RulesLoader(registry: registry).load(texts: rules)
        let errors = loaded.diagnostics.all.filter { $0.severity == .error }
        try #require(errors.isEmpty, "\(errors.map { "\($0.location): \($0.message)" })")
        var out: [String] = []
        for example in examples {
            var sources = SourceStore()
            var diagnostics = Diagnostics()
            let nodes = YAMLReader().parse(data: Data(try String(contentsOfFile: example, encoding: .utf8).utf8), path: example,
                                           sources: &sources, diagnostics: &diagnostics)
            guard let id = nodes.first.flatMap({ AssessmentReader.checklistID(of: $0) }), let plan = loaded.rules.plans[id] else { continue }
            let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
            let decoded = evaluator.decode(nodes.map { .init(node: $0, source: example) }, asOf: nil, diagnostics: &diagnostics)
            try #require(!diagnostics.hasErrors)
            out += evaluator.evaluate(decoded).map { ResultJSON.text($0) }
        }
        return out
    }

    static func files(_ folder: String) -> [String] {
        let root = Fixtures.repository.appendingPathComponent(folder).path
        let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { root + "/" + $0 }
    }

    @Test("the bundled rules in every style score the examples byte for byte alike", arguments: Style.allCases)
    func bundled(_ style: Style) throws {
        let registry = try AllPacks.registry()
        let rules = try Self.files("rules").filter { !$0.hasSuffix(".tests.yaml") }.map { ($0, try String(contentsOfFile: $0, encoding: .utf8)) }
        let examples = ["examples/leshan-shizhong", "examples/leshan-shizhong-annual", "examples/maonan"].flatMap(Self.files)
        let original = try Self.results(rules.map { (path: $0.0, text: $0.1) }, examples: examples, registry: registry)
        let rewritten = try rules.map { (path: $0.0, text: try Self.rewrite($0.1, style)) }
        #expect(original.count >= 10)
        #expect(try Self.results(rewritten, examples: examples, registry: registry) == original)
        if style == .foldedAt12 { #expect(rewritten.contains { $0.text.contains("max(0,\n") }, "nothing was folded") }
        if style == .doubleQuotedEscaped { #expect(rewritten.contains { $0.text.contains("\\u") }, "nothing was escaped") }
        let joined = rewritten.map(\.text).joined()
        switch style {
        case .singleQuoted: #expect(joined.contains("'title': '"))
        case .doubleQuotedEscaped: #expect(joined.contains("\"title\": \""))
        case .literalBlocks: #expect(joined.contains(": |-\n"))
        case .flow: #expect(!joined.contains("\n- "), "block sequences left")
        case .foldedAt12: break
        }
    }

    /// (The results carry the fingerprint, so equal results mean an equal fingerprint.)
    @Test("generated checklists in every style give the same results and fingerprint")
    func generated() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            let checklist = GeneratedChecklist(seed: seed)
            let units = (0..<3).map { GeneratedChecklist.unit("u\($0)", seed: seed &+ $0) }
            guard let plan = GeneratedChecklistPropertyTests.load([("gen.yaml", checklist.yaml)])?.plans["gen.base"] else { return }
            let original = GeneratedChecklistPropertyTests.results(plan, units).map { ResultJSON.text($0) }
            for style in Style.allCases {
                guard let text = try? Self.rewrite(checklist.yaml, style),
                      let again = GeneratedChecklistPropertyTests.load([("gen.yaml", text)])?.plans["gen.base"] else {
                    Issue.record("\(style) did not load\n\(checklist.yaml)")
                    continue
                }
                #expect(GeneratedChecklistPropertyTests.results(again, units).map { ResultJSON.text($0) } == original, "\(style)\n\(text)")
            }
        }
    }
}
