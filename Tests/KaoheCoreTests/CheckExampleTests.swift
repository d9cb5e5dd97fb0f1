import Foundation
import KaoheCommon
import KaoheCore
import Testing

/// Runs the examples every registered check carries (as SwiftLint runs its rules' triggering
/// and non-triggering examples): a new check is tested by being written.
@Suite("Check examples")
struct CheckExampleTests {
    static let registry: Registry? = try? AllPacks.registry()
    static var checks: [String] { registry?.allChecks.map { $0.description.id } ?? [] }
    static var projectChecks: [String] { registry?.projectChecks.keys.sorted() ?? [] }

    @Test("the registry builds and holds every bundled check")
    func registryBuilds() throws {
        let registry = try #require(Self.registry)
        #expect(registry.checks["common.term-expiry"] != nil)
        #expect(registry.checks.count >= 12)
        #expect(registry.projectChecks["maonan.distinct-brand"] != nil)
    }

    @Test("every project check's examples give their stated verdict", arguments: projectChecks)
    func projectExamples(_ id: String) throws {
        let check = try #require(Self.registry?.projectChecks[id])
        #expect(check.description.examples.contains { $0.met } && check.description.examples.contains { !$0.met })
        for example in check.description.examples {
            let location = SourceLocation(fileID: "Kaohe/\((example.file as NSString).lastPathComponent)", filePath: example.file,
                                          line: example.line, column: 1)
            let outcome = check.init().evaluate(example.project, among: [example.project] + example.among)
            #expect(outcome.met == example.met, "\(id): \(example.summary)", sourceLocation: location)
            #expect(outcome.reasons == example.reasons, "\(id): \(example.summary)", sourceLocation: location)
        }
    }

    @Test("two packs registering one id are refused")
    func duplicateIDs() {
        #expect(throws: Registry.DuplicateID.self) { try Registry(packs: [CommonPack.pack, CommonPack.pack]) }
    }

    @Test("every check documents itself and carries at least two examples", arguments: checks)
    func described(_ id: String) throws {
        let check = try #require(Self.registry?.checks[id])
        let d = check.description
        #expect(!d.title.isEmpty && !d.rationale.isEmpty)
        #expect(d.examples.count >= 2, "\(id) needs examples: one that passes and one that does not")
        #expect(d.examples.contains { $0.fraction == 1 } && d.examples.contains { $0.fraction < 1 })
    }

    @Test("every example of every check gives its stated outcome", arguments: checks)
    func examples(_ id: String) throws {
        let check = try #require(Self.registry?.checks[id])
        for example in check.description.examples {
            var parameters = example.parameters
            for p in check.description.parameters where parameters[p.name] == nil {
                if let value = p.defaultValue { parameters[p.name] = value }
            }
            let location = SourceLocation(fileID: "Kaohe/\((example.file as NSString).lastPathComponent)", filePath: example.file,
                                          line: example.line, column: 1)
            let outcome = try check.init().evaluate(CheckContext(facts: example.facts, parameters: parameters, asOf: example.asOf, points: 10, period: example.period))
            #expect(outcome.fraction == example.fraction, "\(id): \(example.summary)", sourceLocation: location)
            #expect(outcome.findings.map(\.message) == example.messages, "\(id): \(example.summary)", sourceLocation: location)
        }
    }
}
