import Foundation
import Testing

/// Rule files written by other tools read as they mean, and summaries that add up.
@Suite("Fidelity through the command line")
struct FidelityCLITests {
    static let pyyaml = "Tests/KaoheCLITests/Fixtures/pyyaml-width-12/rules"

    @Test("the bundled rules as PyYAML writes them at width 12 load and score exactly like the originals",
          arguments: ["examples/leshan-shizhong/", "examples/leshan-shizhong-annual/", "examples/maonan/"])
    func pyyamlAtWidth12(_ examples: String) throws {
        let folded = try String(contentsOfFile: CLITests.repository.appendingPathComponent(Self.pyyaml + "/common/organs.yaml").path, encoding: .utf8)
        #expect(folded.contains("count: max(0,\n          12 -\n"), "the fixture no longer folds expressions")
        let original = try CLITests.kaohe("evaluate", "--rules", "rules", "--format", "json", examples)
        let rewritten = try CLITests.kaohe("evaluate", "--rules", Self.pyyaml, "--format", "json", examples)
        #expect(original.status == 0 && rewritten.status == 0, "\(rewritten.stderr)")
        #expect(rewritten.stdout == original.stdout)
        #expect(original.stdout.contains("\"fingerprint\": \"sha256:"))
    }

    @Test("rule warnings and input errors are counted where they are printed; no '0 warnings' after a warning")
    func summaries() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data("""
            kaohe: 1
            kind: checklist
            id: t.warn
            title: 测试
            facts:
              ok: {type: bool, title: 完成}
            grades:
              - {grade: 好, min: 0}
            sections:
              - id: A
                title: 甲
                items:
                  - {id: A1, title: 甲一, points: 90, score: {binary: ok}}
            """.utf8).write(to: rules.appendingPathComponent("c.yaml"))
        let input = folder.appendingPathComponent("u.yaml")
        try Data("kaohe: 1\nkind: self-assessment\nchecklist: t.warn\nunit: {id: u1, name: 单位}\nas_of: 2026-11-30\nfacts: {ok: 3}\n".utf8)
            .write(to: input)
        let run = try CLITests.kaohe("evaluate", "--rules", rules.path, input.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("warning: the points of checklist 't.warn' add up to 90, not 100"))
        #expect(run.stderr.contains("rules: 1 warning\n"))
        #expect(run.stderr.hasSuffix("1 error\n"), "\(run.stderr)")
        #expect(!run.stderr.contains("0 warnings"))
        let validate = try CLITests.kaohe("validate", rules.path)
        #expect(validate.stdout.hasSuffix("ok: 1 checklist, 0 standards, 0 test files, 1 warning\n"), "\(validate.stdout)")
    }
}
