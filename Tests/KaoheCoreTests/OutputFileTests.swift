import Foundation
import KaoheCore
import Testing

/// Output files: a regular file is replaced atomically, a link keeps pointing where it did, a
/// device or FIFO is written through and never replaced, a folder or a missing folder is refused.
@Suite("Output files")
struct OutputFileTests {
    final class Scratch: Sendable {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-output-\(UUID().uuidString)").path
        init() { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: folder) }
        func path(_ name: String) -> String { folder + "/" + name }
        /// Every name in the folder: no temporary file may be left behind.
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }
    }

    static func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test("a new file and an existing one: complete on commit, permissions kept, nothing left over")
    func regular() throws {
        let scratch = Scratch()
        let path = scratch.path("结果.json")
        try OutputFile.write("第一版\n", to: path)
        #expect(Self.read(path) == "第一版\n")
        chmod(path, 0o600)
        try OutputFile.write("第二版\n", to: path)
        #expect(Self.read(path) == "第二版\n")
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(scratch.names == ["结果.json"])
    }

    @Test("without commit the target keeps what it had and the temporary file goes away")
    func uncommitted() throws {
        let scratch = Scratch()
        let path = scratch.path("out.jsonl")
        try OutputFile.write("old\n", to: path)
        do {
            let file = try OutputFile(path: path)
            try file.write("new, half")
            #expect(scratch.names.count == 2)
            #expect(Self.read(path) == "old\n")
        }
        #expect(Self.read(path) == "old\n")
        #expect(scratch.names == ["out.jsonl"])
    }

    @Test("a symbolic link: the file it points to is replaced, the link stays a link")
    func symbolicLink() throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("real"), withIntermediateDirectories: true)
        try OutputFile.write("old", to: scratch.path("real/target.txt"))
        #expect(symlink("real/target.txt", scratch.path("link.txt")) == 0)
        try OutputFile.write("new", to: scratch.path("link.txt"))
        #expect(Self.kind(scratch.path("link.txt")) == S_IFLNK)
        #expect(Self.read(scratch.path("real/target.txt")) == "new")
        // A link to a file not there yet creates that file.
        #expect(symlink("real/later.txt", scratch.path("dangling.txt")) == 0)
        try OutputFile.write("made", to: scratch.path("dangling.txt"))
        #expect(Self.kind(scratch.path("dangling.txt")) == S_IFLNK)
        #expect(Self.read(scratch.path("real/later.txt")) == "made")
        #expect(scratch.names == ["dangling.txt", "link.txt", "real"])
    }

    @Test("a character device (a null device made with mknod) is written through and stays a device")
    func device() throws {
        let scratch = Scratch()
        let null = scratch.path("null")
        guard mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else {
            Issue.record("mknod needs root (CI and these machines run as root): \(String(cString: strerror(errno)))")
            return
        }
        try OutputFile.write(String(repeating: "结果\n", count: 1000), to: null)
        #expect(Self.kind(null) == S_IFCHR)
        #expect(scratch.names == ["null"])
        // And the machine's own /dev/null, through a link as /dev/stdout would be.
        #expect(symlink("/dev/null", scratch.path("to-null")) == 0)
        try OutputFile.write("x", to: scratch.path("to-null"))
        #expect(Self.kind("/dev/null") == S_IFCHR)
        #expect(Self.kind(scratch.path("to-null")) == S_IFLNK)
    }

    @Test("a FIFO is written through: the reader gets every byte, the FIFO stays")
    func fifo() throws {
        let scratch = Scratch()
        let path = scratch.path("pipe")
        #expect(mkfifo(path, 0o600) == 0)
        let text = String(repeating: "一行结果\n", count: 20_000)
        // The reader: cat, copying the FIFO into a file until the writer closes it.
        let copy = scratch.path("copy")
        #expect(FileManager.default.createFile(atPath: copy, contents: nil))
        let cat = Process()
        cat.executableURL = URL(fileURLWithPath: "/bin/cat")
        cat.arguments = [path]
        cat.standardOutput = FileHandle(forWritingAtPath: copy)
        try cat.run()
        try OutputFile.write(text, to: path)
        cat.waitUntilExit()
        #expect(Self.read(copy) == text)
        #expect(Self.kind(path) == S_IFIFO)
        #expect(scratch.names == ["copy", "pipe"])
    }

    @Test("a folder, or a file in a missing folder: refused with a reason, nothing written")
    func refused() throws {
        let scratch = Scratch()
        #expect { try OutputFile.write("x", to: scratch.folder) } throws: { error in
            (error as? OutputFile.Failure)?.reason == "it is a folder; give a file name inside it"
        }
        #expect { try OutputFile.write("x", to: scratch.path("missing/out.json")) } throws: { error in
            (error as? OutputFile.Failure)?.reason.contains("does not exist") == true
        }
        #expect(scratch.names.isEmpty)
    }
}

