import Foundation
import Testing

/// Runs the built `kaohe` executable as a user would, checking output and exit statuses.
@Suite("kaohe command line")
struct CLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL { built("kaohe") }

    static func built(_ name: String) -> URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repository.appendingPathComponent(".build/debug/\(name)")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func kaohe(_ arguments: String..., in folder: URL = repository) throws -> Run {
        try run(executable, arguments, in: folder)
    }

    /// Runs `tool`; with a `timeout` (seconds) a process still running then is killed, so a
    /// hang shows as a failure (status 9) instead of a stuck test run.
    static func run(_ tool: URL, _ arguments: [String], in folder: URL = repository, timeout: Double? = nil) throws -> Run {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if kill(pid, 0) == 0 { kill(pid, SIGKILL) } }
        }
        // stderr is drained on another thread so neither pipe can fill up and block the tool.
        let errorBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let stderr = errorBox.data
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("validate: the bundled rules are clean")
    func validateBundled() throws {
        let run = try Self.kaohe("validate", "rules")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("ok: 4 checklists, 1 standards, 3 test files"))
    }

    @Test("validate: a broken folder exits 1 with every diagnostic located")
    func validateBroken() throws {
        let run = try Self.kaohe("validate", "Tests/KaoheCoreTests/Fixtures/diagnostics/unknown-keys")
        #expect(run.status == 1)
        #expect(run.stdout.contains("unknown-keys/checklist.yaml:12:9: error: unknown key 'pionts' in an item"))
        #expect(run.stdout.contains("help: did you mean 'points'?"))
        #expect(run.stderr.contains("7 errors"))
    }

    @Test("evaluate: the worked example as JSON")
    func evaluateJSON() throws {
        let run = try Self.kaohe("evaluate", "--format", "json", "examples/leshan-shizhong/minzheng.yaml")
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"total\": 77, \"grade\": \"一般\""))
    }

    @Test("evaluate: a folder gives a ranking; jsonl keeps input order; -o writes a file")
    func evaluateBatch() throws {
        let table = try Self.kaohe("evaluate", "examples/leshan-shizhong/")
        #expect(table.status == 0)
        #expect(table.stdout.contains("排名（4 个单位）"))
        let jsonl = try Self.kaohe("evaluate", "--format", "jsonl", "examples/leshan-shizhong/minzheng.yaml", "examples/leshan-shizhong/fagaiju.yaml")
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("szq-minzheng") == true)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.html").path
        let html = try Self.kaohe("evaluate", "--format", "html", "-o", target, "examples/leshan-shizhong/")
        #expect(html.status == 0)
        #expect(html.stdout.isEmpty)
        #expect((try? String(contentsOfFile: target, encoding: .utf8))?.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test("evaluate: invalid input exits 1 with located errors and writes nothing")
    func evaluateInvalid() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("bad.yaml")
        try """
            kaohe: 1
            kind: self-assessment
            checklist: leshan-shizhong.organs
            unit: {id: u1, category: social-servce}
            facts: {members: many, term_years: 4}
            """.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.json").path
        let run = try Self.kaohe("evaluate", "-o", output, input.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.yaml:4:26: error: unknown unit category 'social-servce'"))
        #expect(run.stderr.contains("help: did you mean 'social-service'?"))
        #expect(run.stderr.contains("bad.yaml:5:18: error: expected a number for fact 'members'"))
        #expect(run.stderr.contains("must be one of 3, 5, not 4"))
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
    }

    @Test("usage errors exit 2", arguments: [["evaluate", "--format", "pdf", "x.yaml"], ["evaluate"], ["frobnicate"], ["expr", "--as-of", "yesterday", "1"],
                                              ["evaluate", "--as-of", "2026-02-30", "x.yaml"], ["ledger", "list", "--db", "x.db", "--as-of", "2026-13-01"]])
    func usage(_ arguments: [String]) throws {
        let process = try Self.run(Self.executable, arguments)
        #expect(process.status == 2, "\(arguments): \(process.stderr)")
        if let date = arguments.firstIndex(of: "--as-of").map({ arguments[$0 + 1] }) {
            // A date is checked where it is parsed: the option and the expected form are named.
            #expect(process.stderr.contains("The value '\(date)' is invalid for '--as-of <YYYY-MM-DD>'"), "\(process.stderr)")
        }
    }

    static func kaoheArray(_ arguments: [String]) throws -> Run {
        switch arguments.count {
        case 1: return try kaohe(arguments[0])
        case 2: return try kaohe(arguments[0], arguments[1])
        case 3: return try kaohe(arguments[0], arguments[1], arguments[2])
        case 4: return try kaohe(arguments[0], arguments[1], arguments[2], arguments[3])
        default: return try kaohe(arguments[0])
        }
    }

    @Test("expr: plain values, facts of a unit, and errors with a caret")
    func expr() throws {
        #expect(try Self.kaohe("expr", "1 + 2 * 3").stdout == "7\n")
        #expect(try Self.kaohe("expr", "--format", "json", "7 / 2").stdout == "{\"value\": 3.5, \"type\": \"number\", \"literal\": \"3.5\"}\n")
        let facts = try Self.kaohe("expr", "--rules", "rules", "--checklist", "leshan-shizhong.organs", "--facts",
                                   "examples/leshan-shizhong/minzheng.yaml", "size(meetings.filter(m, m.kind == '支委会'))")
        #expect(facts.stdout == "9\n")
        let missing = try Self.kaohe("expr", "--rules", "rules", "--checklist", "leshan-shizhong.organs", "--facts",
                                     "examples/leshan-shizhong/fagaiju.yaml", "last_election + years(term_years)")
        #expect(missing.stdout == "missing\n")
        let error = try Self.kaohe("expr", "members > 3")
        #expect(error.status == 1)
        #expect(error.stderr.contains("<expression>:1:1: error: unknown name 'members'"))
        #expect(error.stderr.contains("  ^~~~~~~"))
    }

    @Test("test: the bundled rule tests pass; a failing one exits 1 with expected against actual")
    func ruleTests() throws {
        let passing = try Self.kaohe("test", "rules")
        #expect(passing.status == 0)
        #expect(passing.stdout.hasSuffix("16 passed, 0 failed\n"))
        #expect(!passing.stdout.contains("no test case checks"), "every item of every bundled checklist is covered by a rule test")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["common/organs.yaml", "leshan-shizhong/organs.yaml"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("rules/\(file)"),
                                             to: folder.appendingPathComponent(file.replacingOccurrences(of: "/", with: "-")))
        }
        try """
            kaohe: 1
            kind: tests
            checklist: leshan-shizhong.organs
            cases:
              - name: 故意写错的期望
                unit: {id: t1, category: economic}
                as_of: 2026-11-30
                facts: {has_rules: false}
                expect: {total: 99, items: {A1: 4}}
            """.write(to: folder.appendingPathComponent("wrong.tests.yaml"), atomically: true, encoding: .utf8)
        let failing = try Self.kaohe("test", folder.path)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("FAIL  故意写错的期望"))
        #expect(failing.stdout.contains("total: expected 99, got "))
        #expect(failing.stdout.contains("items.A1: expected 4 points, got 0"))
        #expect(failing.stdout.contains("0 passed, 1 failed"))
        #expect(failing.stdout.contains("note: no test case checks these items"))
    }

    @Test("template: a blank self-assessment that loads as it is")
    func template() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("blank.yaml").path
        #expect(try Self.kaohe("template", "--checklist", "leshan-shizhong.organs", "-o", path).status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("study_sessions:") && text.contains("# 理论学习次数"))
        let run = try Self.kaohe("evaluate", path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("证据不足"))
    }

    @Test("show and checks print the resolved checklist and the packs")
    func showAndChecks() throws {
        let show = try Self.kaohe("show", "--checklist", "maonan.organs")
        #expect(show.stdout.contains("modified by maonan.organs (rules/maonan/organs.yaml:"))
        let checks = try Self.kaohe("checks", "--format", "json")
        #expect(checks.stdout.hasPrefix("{\"schema\": 1"))
        #expect(checks.stdout.contains("common.term-expiry"))
    }

    @Test("市中区's annual checklist asks for its political-lead and central-work facts and reports them")
    func shizhongCentralWork() throws {
        let template = try Self.kaohe("template", "--checklist", "leshan-shizhong.annual")
        for line in ["theme_education:", "# 主题教育学习研讨活动", "members_trained:", "# 已完成机关党员轮训人数", "# 党组织书记和党务干部名单",
                     "# 选派第一书记和驻村工作队员", "# 结对镇村名单", "# 到结对镇村报到记录", "# 专家服务团应派人数",
                     "# 单位党组织已到驻地社区报到", "# 到居住地社区报到的在职党员", "# 参加社区服务记录"] {
            #expect(template.stdout.contains(line), "template lacks \(line)")
        }
        let html = try Self.kaohe("evaluate", "--format", "html", "examples/leshan-shizhong-annual/")
        #expect(html.status == 0)
        for text in ["F 强化政治引领", "结对村「白马镇金星村」2026年第二季度、2026年第三季度未到村报到",
                     "3名报到党员考核期内未参加社区服务：吴某、王某、赵某", "单位党组织未到驻地社区报到", "吴某未参加党务培训"] {
            #expect(html.stdout.contains(text), "the HTML report lacks \(text)")
        }
        // The spread the README shows: 宣传部 strong, 财政局 weakest on central work (section E).
        let ranking = try Self.kaohe("evaluate", "examples/leshan-shizhong-annual/")
        let lines = ranking.stdout.split(separator: "\n")
        #expect(lines.first { $0.contains("szq-xuanchuan") }?.contains("   1  ") == true)
        #expect(lines.first { $0.contains("szq-caizheng") }?.contains("   4  ") == true)
    }

    @Test("without --rules and without a rules/ folder, kaohe uses the rules built into it")
    func bundledRules() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let validate = try Self.kaohe("validate", in: folder)
        #expect(validate.stdout.hasPrefix("ok: 4 checklists, 1 standards, 3 test files"), "\(validate.stderr)")
        let input = Self.repository.appendingPathComponent("examples/leshan-shizhong/minzheng.yaml").path
        let run = try Self.kaohe("evaluate", "--format", "json", input, in: folder)
        #expect(run.stdout.contains("\"total\": 77, \"grade\": \"一般\""))
    }

    @Test("kaohe-rules, the build plugin's tool, refuses broken rules with their location and embeds good ones")
    func rulesTool() throws {
        let tool = Self.built("kaohe-rules")
        let broken = try Self.run(tool, ["embed", "Tests/KaoheCoreTests/Fixtures/diagnostics/unknown-keys", "/dev/null"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("unknown-keys/checklist.yaml:12:9: error: unknown key 'pionts' in an item"))
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("BundledRules.swift").path
        let good = try Self.run(tool, ["embed", "rules", output])
        #expect(good.status == 0, "\(good.stderr)")
        let source = try String(contentsOfFile: output, encoding: .utf8)
        #expect(source.contains("public enum BundledRules"))
        #expect(source.contains("\"rules/maonan/organs.yaml\": #\"\"\""))
    }

    @Test("a JSON Lines batch streams to JSON Lines in input order; a bad line is located and -o is left untouched")
    func streaming() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = Self.repository.appendingPathComponent("Tests/KaoheCoreTests/Fixtures/bench/units_2000.jsonl").path
        let output = folder.appendingPathComponent("out.jsonl").path
        let good = try Self.kaohe("evaluate", "--rules", "bench/rules", "--format", "jsonl", "-o", output, units)
        #expect(good.status == 0, "\(good.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2000)
        #expect(lines.first?.contains("\"id\": \"U0000001\"") == true && lines.last?.contains("\"id\": \"U0002000\"") == true)
        let bad = folder.appendingPathComponent("bad.jsonl").path
        let text = try String(contentsOfFile: units, encoding: .utf8).split(separator: "\n").prefix(3).joined(separator: "\n")
            + "\n{\"kaohe\": 1,\n"
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try Self.kaohe("evaluate", "--rules", "bench/rules", "--format", "jsonl", "-o", output, bad)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("bad.jsonl:4:13: error: JSON syntax: expected a key in double quotes"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 2000, "the earlier output is untouched")
        #expect(!FileManager.default.fileExists(atPath: output + ".kaohe-partial"))
    }

    @Test("a wrong value in a list of records is named by its place in the list")
    func recordFieldNamed() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"law-enforcement"},"as_of":"2026-11-29","facts":{"meetings":[{"type":"committee","date":"2026-01-05"},{"type":"支委会","date":"2026-02-26"},{"type":"lecture","date":"2026-02-30"}]}}"#
        let units = folder.appendingPathComponent("bad.jsonl").path
        try (line + "\n").write(toFile: units, atomically: true, encoding: .utf8)
        let run = try Self.kaohe("evaluate", "--rules", "bench/rules", "--format", "jsonl", "-o", folder.appendingPathComponent("out.jsonl").path, units)
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.jsonl:1:205: error: fact 'meetings[1].type' must be one of branch-assembly、committee、group、lecture、theme-day, not '支委会'"), "\(run.stderr)")
        #expect(run.stderr.contains("fact 'meetings[2].date'"), "\(run.stderr)")
        #expect(run.stderr.contains("2 errors"), "\(run.stderr)")
    }

    @Test("a JSON Lines line with a byte that is not UTF-8 is refused at that byte, with the caret under it, and nothing is written")
    func invalidUTF8Line() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = Self.repository.appendingPathComponent("Tests/BadInput/jsonl-invalid-utf8-second-line.jsonl").path
        let output = folder.appendingPathComponent("out.jsonl").path
        let run = try Self.kaohe("evaluate", "--rules", "bench/rules", "--format", "jsonl", "-o", output, units)
        #expect(run.status == 1)
        #expect(run.stderr.contains("jsonl-invalid-utf8-second-line.jsonl:2:81: error: invalid UTF-8 on this line (byte 0xC3)"), "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let quoted = try #require(lines.firstIndex { $0.contains("\u{FFFD}") })
        let caret = try #require(lines[quoted + 1].firstIndex(of: "^"))
        let offset = lines[quoted + 1].distance(from: lines[quoted + 1].startIndex, to: caret)
        #expect(Array(lines[quoted])[offset] == "\u{FFFD}", "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("a unit assessed twice in a streamed batch is refused at its second line, with a note at its first")
    func unitTwice() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = Self.repository.appendingPathComponent("Tests/KaoheCoreTests/Fixtures/bench/units_2000.jsonl").path
        let lines = try String(contentsOfFile: units, encoding: .utf8).split(separator: "\n")
        let twice = folder.appendingPathComponent("twice.jsonl").path
        try (lines[0..<5] + [lines[1]]).joined(separator: "\n").write(toFile: twice, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.jsonl").path
        let run = try Self.kaohe("evaluate", "--rules", "bench/rules", "--format", "jsonl", "-o", output, twice)
        #expect(run.status == 1)
        #expect(run.stderr.contains("twice.jsonl:6:1: error: unit 'U0000002' is assessed twice in this batch"), "\(run.stderr)")
        #expect(run.stderr.contains("twice.jsonl:2:1: note: first assessed here"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
