import Foundation
@testable import KaoheCore
import Testing
import Yams

/// The official YAML test suite (Fixtures/yaml-test-suite, MIT): for every case, Kaohe's reading
/// gives the answer libyaml alone gives — the same data where libyaml reads the text, or a
/// located refusal where Kaohe refuses a feature on purpose (tags, complex or alias keys,
/// duplicate keys) — and never refuses or changes what libyaml reads.
@Suite("YAML test suite")
struct YAMLSuiteTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var id: String
        var title: String
        var tags: [String]
        var yaml: String
        var error: Bool
        var testDescription: String { "\(id) \(title)" }
    }

    /// How one case came out.
    enum Outcome: String, CaseIterable {
        case agree = "agree"
        case refusedByDesign = "refused by design"
        case libyamlFailure = "libyaml's own failure"
    }

    static let cases: [Case] = {
        guard let text = try? String(contentsOfFile: Fixtures.path("yaml-test-suite/cases.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }()

    /// A JSON value of the suite's expected data.
    indirect enum JSON: Decodable, Sendable {
        case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let string = try? container.decode(String.self) { self = .string(string) }
            else if let array = try? container.decode([JSON].self) { self = .array(array) }
            else { self = .object(try container.decode([String: JSON].self)) }
        }
    }

    struct Expected: Decodable { var id: String; var json: [JSON]? }

    /// The suite's expected JSON documents of a case, by id (none where JSON cannot show them).
    static let expected: [String: [JSON]] = {
        guard let text = try? String(contentsOfFile: Fixtures.path("yaml-test-suite/cases.jsonl"), encoding: .utf8) else { return [:] }
        var table: [String: [JSON]] = [:]
        for line in text.split(separator: "\n") {
            guard let entry = try? JSONDecoder().decode(Expected.self, from: Data(line.utf8)), let json = entry.json else { continue }
            table[entry.id] = json
        }
        return table
    }()

    /// What Kaohe refuses on purpose, by its message.
    static let byDesign = ["used as a mapping key", "YAML tags", "duplicate key", "names no anchor"]

    /// libyaml alone, through Yams' own composer: the documents, or nil when it refuses the text.
    static func libyaml(_ text: String) -> [Node]? {
        do {
            let parser = try Parser(yaml: text, resolver: .basic)
            var nodes: [Node] = []
            while let node = try parser.nextRoot() { nodes.append(node) }
            return nodes
        } catch YamlError.duplicatedKeysInMapping {
            // Yams' check, not libyaml's: libyaml reads the text; there is no reference tree.
            return []
        } catch {
            return nil
        }
    }

    static func kaohe(_ text: String) -> (documents: [YAMLNode], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        let documents = YAMLReader().parse(data: Data(text.utf8), path: "case.yaml", sources: &sources, diagnostics: &diagnostics)
        return (documents, diagnostics)
    }

    /// Whether our node is Yams' node: same kinds, texts, styles, order.
    static func same(_ ours: YAMLNode, _ theirs: Node) -> Bool {
        switch (ours.content, theirs) {
        case (.scalar(let text, let style), .scalar(let scalar)):
            let styles: [Node.Scalar.Style: YAMLNode.ScalarStyle] = [.singleQuoted: .singleQuoted, .doubleQuoted: .doubleQuoted,
                                                                     .literal: .literal, .folded: .folded]
            return text == scalar.string && style == (styles[scalar.style] ?? .plain)
        case (.sequence(let items), .sequence(let sequence)):
            return items.count == sequence.count && zip(items, sequence).allSatisfy { same($0, $1) }
        case (.mapping(let pairs), .mapping(let mapping)):
            let theirs = Array(mapping)
            return pairs.count == theirs.count && zip(pairs, theirs).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return false
        }
    }

    /// Whether our node means the suite's JSON value (YAML's core schema for plain scalars).
    static func means(_ node: YAMLNode, _ json: JSON) -> Bool {
        switch (node.content, json) {
        case (.mapping(let pairs), .object(let object)):
            guard pairs.count == object.count else { return false }
            return pairs.allSatisfy { pair in pair.key.scalar.flatMap { object[$0] }.map { means(pair.value, $0) } ?? false }
        case (.sequence(let items), .array(let array)):
            return items.count == array.count && zip(items, array).allSatisfy { means($0, $1) }
        case (.scalar, .null):
            return node.isNull
        case (.scalar(let text, .plain), .bool(let value)):
            return ["true", "True", "TRUE", "false", "False", "FALSE"].contains(text) && text.lowercased() == String(value)
        case (.scalar(let text, .plain), .number(let value)):
            return Double(text) == value || Int(text.replacingOccurrences(of: "0o", with: ""), radix: text.hasPrefix("0o") ? 8 : 10).map(Double.init) == value
        case (.scalar(let text, _), .string(let string)):
            return text == string
        default:
            return false
        }
    }

    static func outcome(_ suiteCase: Case) -> (Outcome, problem: String?) {
        let reference = libyaml(suiteCase.yaml)
        let (documents, diagnostics) = kaohe(suiteCase.yaml)
        let messages = diagnostics.sorted.map(\.message)
        let refused = diagnostics.hasErrors
        guard let reference else {
            // libyaml refuses the text: so must we (we cannot read what it cannot).
            if !refused { return (.agree, "libyaml refuses it, Kaohe read it") }
            return (suiteCase.error ? .agree : .libyamlFailure, nil)
        }
        if refused {
            if messages.allSatisfy({ message in byDesign.contains { message.contains($0) } }) {
                let located = diagnostics.sorted.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }
                return (.refusedByDesign, located ? nil : "refused without a location")
            }
            return (.agree, "Kaohe refused what libyaml reads: \(messages)")
        }
        if suiteCase.error { return (.libyamlFailure, nil) }
        if !reference.isEmpty, documents.count != reference.count || !zip(documents, reference).allSatisfy({ same($0, $1) }) {
            return (.agree, "Kaohe's nodes differ from libyaml's")
        }
        if let json = expected[suiteCase.id], !(documents.count == json.count && zip(documents, json).allSatisfy({ means($0, $1) })) {
            // Our nodes are libyaml's (checked above): libyaml misreads the case.
            return reference.isEmpty ? (.agree, "Kaohe's data differ from the suite's JSON") : (.libyamlFailure, nil)
        }
        return (.agree, nil)
    }

    @Test("the suite is here: 402 cases")
    func suiteIsHere() {
        #expect(Self.cases.count == 402)
        #expect(Self.expected.count > 250)
    }

    @Test("every case: the same answer as libyaml, or a located refusal by design", arguments: cases)
    func conformance(_ suiteCase: Case) {
        let (_, problem) = Self.outcome(suiteCase)
        #expect(problem == nil, "\(suiteCase.id): \(problem ?? "")\n\(suiteCase.yaml)")
    }

    @Test("the tally")
    func tally() {
        var counts: [Outcome: Int] = [:]
        for suiteCase in Self.cases { counts[Self.outcome(suiteCase).0, default: 0] += 1 }
        print("YAML test suite: " + Outcome.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        #expect(counts.values.reduce(0, +) == Self.cases.count)
        // The cases libyaml reads and Kaohe accepts are most of the suite.
        #expect((counts[.agree] ?? 0) > 250)
    }
}
