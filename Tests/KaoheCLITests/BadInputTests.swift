import Foundation
import Testing

/// Every file in Tests/BadInput is pushed through each command that could be handed it. Each
/// run must end with exit status 1 and a located diagnostic (`FILE:LINE:COL: error:`) naming
/// the file, within a second, and leave every file on disk as it was.
@Suite("Bad input corpus", .serialized)
struct BadInputTests {
    static let corpus = CLITests.repository.appendingPathComponent("Tests/BadInput")

    /// A way into kaohe: the arguments that hand it `file`, in a scratch folder with a ledger.
    enum Door: String, CaseIterable, CustomStringConvertible {
        case rules, test, assessment, explain, batch, ledger, daily

        var description: String { rawValue }

        func arguments(_ file: String, scratch: URL) -> [String] {
            let repo = CLITests.repository.path
            switch self {
            case .rules: return ["validate", file]
            case .test: return ["test", file]
            case .assessment: return ["evaluate", "--rules", repo + "/rules", file]
            case .explain: return ["explain", "--rules", repo + "/rules", file, "--item", "A1"]
            case .batch: return ["evaluate", "--rules", repo + "/bench/rules", "--format", "jsonl", "-o", scratch.appendingPathComponent("out.jsonl").path, file]
            case .ledger: return ["ledger", "--db", scratch.appendingPathComponent("ledger.db").path, "import", file]
            case .daily:
                return ["competition", "--rules", repo + "/rules", "--competition", "maonan.innovation-2026",
                        "--assessments", repo + "/examples/maonan-competition/assessments", "--daily", file]
            }
        }
    }

    static let yamlDoors: [Door] = [.rules, .test, .assessment, .explain, .ledger, .daily]

    /// Which doors each corpus file goes through.
    static func doors(for name: String) -> [Door] {
        if name.hasPrefix("jsonl-") { return [.batch, .assessment, .ledger] }
        if name.hasPrefix("rules-") { return [.rules, .test] }
        if name.hasPrefix("daily-") { return [.daily] }
        if ["date-feb-30.yaml", "int-past-64-bits.yaml", "int-past-64-bits-short.yaml", "nan.yaml", "infinity.yaml", "exponent.yaml"].contains(name) {
            return [.assessment, .explain]
        }
        return yamlDoors
    }

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
    }

    @Test("the corpus is there")
    func corpusPresent() {
        #expect(Self.cases.count >= 25)
    }

    @Test("each bad file is refused with a located error, quickly, changing nothing", arguments: cases)
    func badFile(_ name: String) throws {
        for door in Self.doors(for: name) {
            let scratch = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: scratch) }
            // Rules doors read a folder; the others the file itself.
            let holder = scratch.appendingPathComponent("input")
            try FileManager.default.createDirectory(at: holder, withIntermediateDirectories: true)
            let file = holder.appendingPathComponent(name)
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name), to: file)
            let given = door == .rules || door == .test ? holder.path : file.path
            try Self.expectRefused(door.arguments(given, scratch: scratch), mentioning: file.path, scratch: scratch, label: "\(name) via \(door)")
        }
    }

    @Test("a 200 MB file is refused without being read whole", arguments: [Door.rules, .assessment, .ledger, .daily, .batch])
    func hugeFile(_ door: Door) throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let holder = scratch.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: holder, withIntermediateDirectories: true)
        let file = holder.appendingPathComponent(door == .batch ? "huge.jsonl" : (door == .ledger ? "huge.json" : "huge.yaml"))
        // 200 MB of one repeated line: valid text, far too much of it.
        let line = Data("x: 1\n".utf8)
        let block = Data(repeating: 0, count: 0) + Data((0..<(1 << 20) / line.count).flatMap { _ in line })
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        for _ in 0..<200 { handle.write(block) }
        try handle.close()
        let given = door == .rules ? holder.path : file.path
        try Self.expectRefused(door.arguments(given, scratch: scratch), mentioning: file.path, scratch: scratch, label: "200 MB via \(door)")
    }

    @Test("a folder where a file is expected", arguments: [Door.ledger, .daily, .explain])
    func folderForFile(_ door: Door) throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("a-folder.yaml")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.expectRefused(door.arguments(folder.path, scratch: scratch), mentioning: folder.path, scratch: scratch, label: "folder via \(door)")
    }

    @Test("a folder as the ledger or as the output file")
    func folderAsOutput() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let repo = CLITests.repository.path
        let input = repo + "/examples/leshan-shizhong/minzheng.yaml"
        try Self.expectRefused(["evaluate", "--rules", repo + "/rules", "-o", folder.path, input], mentioning: folder.path, scratch: scratch,
                               label: "-o folder", located: false)
        try Self.expectRefused(["ledger", "--db", folder.path, "list"], mentioning: folder.path, scratch: scratch, label: "--db folder", located: false)
    }

    @Test("a named pipe where a file is expected does not hang", arguments: [Door.assessment, .ledger, .daily, .rules])
    func fifo(_ door: Door) throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let holder = scratch.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: holder, withIntermediateDirectories: true)
        let pipe = holder.appendingPathComponent("pipe.yaml")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        let given = door == .rules ? holder.path : pipe.path
        try Self.expectRefused(door.arguments(given, scratch: scratch), mentioning: pipe.path, scratch: scratch, label: "fifo via \(door)")
    }

    @Test("a symlink loop in a rules folder or an input folder", arguments: [Door.rules, .assessment])
    func symlinkLoop(_ door: Door) throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let holder = scratch.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: holder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: holder.appendingPathComponent("loop").path, withDestinationPath: holder.path)
        try FileManager.default.createSymbolicLink(atPath: holder.appendingPathComponent("self.yaml").path,
                                                   withDestinationPath: holder.appendingPathComponent("self.yaml").path)
        try Self.expectRefused(door.arguments(holder.path, scratch: scratch), mentioning: holder.path, scratch: scratch, label: "symlink loop via \(door)")
    }

    @Test("an unreadable file (skipped as root, who can read anything)", arguments: [Door.assessment, .ledger, .daily])
    func unreadable(_ door: Door) throws {
        guard getuid() != 0 else { return }
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("secret.yaml")
        try Data("kaohe: 1\n".utf8).write(to: file)
        #expect(chmod(file.path, 0) == 0)
        try Self.expectRefused(door.arguments(file.path, scratch: scratch), mentioning: file.path, scratch: scratch, label: "unreadable via \(door)")
    }

    // MARK: - Helpers

    static func scratch() throws -> URL {
        let scratch = try CLITests.temporaryFolder()
        // A ledger with one import in it, to prove a refused import leaves it byte-identical.
        let db = scratch.appendingPathComponent("ledger.db").path
        let result = try CLITests.kaohe("evaluate", "--rules", "rules", "--format", "json", "examples/leshan-shizhong/minzheng.yaml")
        let resultFile = scratch.appendingPathComponent("seed-result.json")
        try Data(result.stdout.utf8).write(to: resultFile)
        let seeded = try CLITests.kaohe("ledger", "--db", db, "import", resultFile.path)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        return scratch
    }

    /// Every regular file under `folder` with its bytes, and the rules folder of the repository.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for root in [folder, CLITests.repository.appendingPathComponent("rules")] {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                      let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                      (attributes[.size] as? Int ?? 0) < 8 << 20 else { continue }
                files[url.path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    /// One second, scaled under a sanitizer (KAOHE_TEST_TIME_SCALE, set by .ci/run).
    static let limit = ProcessInfo.processInfo.environment["KAOHE_TEST_TIME_SCALE"].flatMap(Double.init) ?? 1

    static func expectRefused(_ arguments: [String], mentioning path: String, scratch: URL, label: String, located: Bool = true) throws {
        let before = snapshot(scratch)
        let start = Date()
        let run = try CLITests.run(CLITests.executable, arguments, in: scratch, timeout: 10 * limit)
        let seconds = Date().timeIntervalSince(start)
        #expect(run.status == 1, "\(label): exit \(run.status)\n\(run.stderr.prefix(600))")
        #expect(seconds < limit, "\(label): took \(seconds) s")
        if located {
            // `validate` prints its diagnostics on stdout (they are its output); the rest on stderr.
            let pattern = #"(?m)^"# + NSRegularExpression.escapedPattern(for: path) + #"(/[^:]*)?:\d+:\d+: error: "#
            #expect((run.stderr + run.stdout).range(of: pattern, options: .regularExpression) != nil,
                    "\(label): not located:\n\(run.stderr.prefix(600))\(run.stdout.prefix(600))")
        } else {
            #expect(run.stderr.contains(path), "\(label): the error does not name \(path):\n\(run.stderr.prefix(600))")
        }
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"), "\(label): crashed\n\(run.stderr.prefix(600))")
        let after = snapshot(scratch)
        #expect(before == after, "\(label): files changed: \(Set(before.keys).symmetricDifference(after.keys).sorted()) \(before.filter { after[$0.key] != $0.value }.keys.sorted())")
    }
}
