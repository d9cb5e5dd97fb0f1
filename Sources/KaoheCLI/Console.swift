import ArgumentParser
import Foundation
import KaoheCore

/// Standard output and error, and the engine this executable was built with.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(_ bytes: UnsafeBufferPointer<UInt8>) {
        FileHandle.standardOutput.write(Data(buffer: bytes))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The engine with the packs and bundled rules linked into this executable.
    static var engine: Engine { Environment.current }
}

/// `--rules`, shared by every command that reads one rules folder.
struct RulesOptions: ParsableArguments {
    @Option(help: "The rules folder (default: ./rules, else the rules built into kaohe).")
    var rules: String?

    /// The rules, refused on any error; their warnings are printed to stderr first.
    func load() throws -> LoadResult {
        try Self.load(rules.map { [$0] } ?? [])
    }

    static func load(_ paths: [String]) throws -> LoadResult {
        let loaded = try Console.engine.rules(at: paths)
        if !loaded.diagnostics.all.isEmpty {
            Console.err(DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics.sorted) + "rules: " + loaded.diagnostics.countLine)
        }
        return loaded
    }
}

/// Writes a report to stdout or to a file, complete or not at all (see `OutputFile`).
enum Output {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            Console.out(text)
            return
        }
        do {
            try OutputFile.write(text, to: path)
        } catch {
            throw EngineFailure(message: "kaohe: \(error)")
        }
    }

    /// The file `-o` names, opened for writing and replaced only on `commit()`; nil for stdout.
    static func open(_ path: String?) throws -> OutputFile? {
        do {
            return try path.map { path throws(OutputFile.Failure) in try OutputFile(path: path) }
        } catch {
            throw EngineFailure(message: "kaohe: \(error)")
        }
    }

    static func commit(_ file: OutputFile?) throws {
        do { try file?.commit() } catch { throw EngineFailure(message: "kaohe: \(error)") }
    }
}

/// A progress line on stderr for long batches, only when stderr is a terminal.
struct Progress: Sendable {
    static let shown = isatty(FileHandle.standardError.fileDescriptor) == 1

    /// Reports to the terminal; nil when nothing would be shown.
    static var line: (@Sendable (Int, Int) -> Void)? {
        guard shown else { return nil }
        return { @Sendable done, total in report(done, of: total) }
    }

    static func report(_ done: Int, of total: Int) {
        guard total >= 500 else { return }
        let width = 30
        let filled = width * done / max(1, total)
        Console.err("\r评分 [" + String(repeating: "█", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)")
    }

    static func finish(total: Int) {
        guard shown, total >= 500 else { return }
        Console.err("\r" + String(repeating: " ", count: 60) + "\r")
    }
}
