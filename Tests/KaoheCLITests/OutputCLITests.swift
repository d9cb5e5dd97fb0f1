import Foundation
import Testing

/// `-o` through the command line: every command that writes a file leaves a device a device,
/// and a killed run leaves the old file whole.
@Suite("kaohe -o")
struct OutputCLITests {
    static let units = "Tests/KaoheCoreTests/Fixtures/bench/units_2000.jsonl"

    @Test("-o onto a null device (made with mknod) keeps it a device, for evaluate (streamed and not), template and test")
    func device() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let null = folder.appendingPathComponent("null").path
        guard mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else {
            Issue.record("mknod needs root (CI and these machines run as root)")
            return
        }
        let runs = [
            ["evaluate", "--rules", "bench/rules", "--format", "jsonl", "-o", null, Self.units],
            ["evaluate", "--format", "json", "-o", null, "examples/leshan-shizhong/"],
            ["template", "--checklist", "leshan-shizhong.organs", "-o", null],
            ["test", "rules", "--format", "junit", "-o", null],
        ]
        for arguments in runs {
            let run = try CLITests.run(CLITests.executable, arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            var info = stat()
            #expect(lstat(null, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "\(arguments) replaced the device")
        }
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("-o onto a folder or into a missing folder: a clear error, exit 1, nothing written")
    func refused() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let intoFolder = try CLITests.run(CLITests.executable, ["evaluate", "--format", "json", "-o", folder.path, "examples/leshan-shizhong/"])
        #expect(intoFolder.status == 1)
        #expect(intoFolder.stderr.contains("it is a folder; give a file name inside it"))
        let missing = folder.appendingPathComponent("没有/结果.jsonl").path
        let intoMissing = try CLITests.run(CLITests.executable, ["evaluate", "--rules", "bench/rules", "--format", "jsonl", "-o", missing, Self.units])
        #expect(intoMissing.status == 1)
        #expect(intoMissing.stderr.contains("does not exist; create it first"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a streaming evaluate killed while writing leaves the old output file whole")
    func killedWhileWriting() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A batch big enough to be killed halfway: the 2,000 benchmark units, five times.
        let units = try String(contentsOfFile: CLITests.repository.appendingPathComponent(Self.units).path, encoding: .utf8)
        let batch = folder.appendingPathComponent("batch.jsonl").path
        try Data(String(repeating: units, count: 5).utf8).write(to: URL(fileURLWithPath: batch))
        let output = folder.appendingPathComponent("结果.jsonl").path
        let old = "上一次的结果\n"
        for delay in [20_000, 80_000, 200_000] as [UInt32] {
            try Data(old.utf8).write(to: URL(fileURLWithPath: output))
            let process = Process()
            process.executableURL = CLITests.executable
            process.arguments = ["evaluate", "--rules", "bench/rules", "--format", "jsonl", "-o", output, batch]
            process.currentDirectoryURL = CLITests.repository
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try String(contentsOfFile: output, encoding: .utf8)
            let lines = now.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            #expect(now == old || lines == 10_000, "after \(delay) µs: \(lines) lines, neither the old file nor the whole new one")
        }
    }

    @Test("ledger head, verify --head, and the head at the foot of the 月通报")
    func ledgerHead() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("台账.db").path
        let results = folder.appendingPathComponent("nov.json").path
        #expect(try CLITests.kaohe("evaluate", "--format", "json", "-o", results, "examples/leshan-shizhong-annual/").status == 0)
        #expect(try CLITests.kaohe("ledger", "--db", db, "import", results).status == 0)
        let head = try CLITests.kaohe("ledger", "--db", db, "head")
        #expect(head.status == 0)
        #expect(head.stdout.range(of: #"^sha256:[0-9a-f]{64} 36\n$"#, options: .regularExpression) != nil, "\(head.stdout)")
        let published = head.stdout.trimmingCharacters(in: .newlines)
        let report = try CLITests.kaohe("report", "monthly", "--db", db, "--month", "2026-11")
        #expect(report.stdout.contains(published))
        let verify = try CLITests.kaohe("ledger", "--db", db, "verify", "--head", String(published.prefix(71)))
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("ok: the published head is entry #36, unchanged with everything before it; 0 entries added since"))
        let forged = try CLITests.kaohe("ledger", "--db", db, "verify", "--head", "sha256:" + String(repeating: "ab", count: 32))
        #expect(forged.status == 1)
        #expect(forged.stderr.contains("is no longer in the history"))
    }
}
