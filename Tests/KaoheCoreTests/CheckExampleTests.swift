import Foundation
import KaoheCommon
import KaoheCore
import KaoheTestSupport
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
        CheckExamples.expect(try #require(Self.registry?.projectChecks[id]))
    }

    @Test("two packs registering one id are refused")
    func duplicateIDs() {
        #expect(throws: Registry.DuplicateID.self) { try Registry(packs: [CommonPack.pack, CommonPack.pack]) }
    }

    @Test("every example of every check gives its stated outcome, and every check documents itself", arguments: checks)
    func examples(_ id: String) throws {
        CheckExamples.expect(try #require(Self.registry?.checks[id]))
    }

    @Test("KaoheTestSupport fails an example that does not give its stated outcome")
    func supportCatches() {
        struct Wrong: Check {
            static let description = CheckDescription(
                id: "test.wrong", title: "错", rationale: "always half",
                examples: [CheckExample("full", facts: [:], asOf: "2026-11-30", fraction: 1),
                           CheckExample("none", facts: [:], asOf: "2026-11-30", fraction: 0)])
            func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome { CheckOutcome(fraction: Rational(1, 2)) }
        }
        withKnownIssue("both examples state a fraction the check does not give") {
            CheckExamples.expect(Wrong.self)
        }
        #expect(throws: Never.self) { try CheckExamples.outcome(of: Wrong.description.examples[0], for: Wrong.self) }
    }

    @Test("a declared default reaches the check in rules and in examples alike")
    func defaultsApplied() {
        let description = CheckDescription(id: "x", title: "x", rationale: "x",
                                           parameters: [CheckParameter("per", .number, default: .number(2), summary: "per")])
        #expect(description.parameters(given: [:])["per"] == .number(2))
        #expect(description.parameters(given: ["per": .number(3)])["per"] == .number(3))
    }
}
