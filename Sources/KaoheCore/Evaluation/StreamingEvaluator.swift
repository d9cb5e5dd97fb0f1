import Foundation

/// Scores a JSON Lines batch as a stream: blocks of lines are read, decoded, scored and written
/// on all cores, in input order, so memory stays flat however many units there are. Every input
/// error is still reported with its line; the caller decides what to do with the output.
package struct StreamingEvaluator: Sendable {
    package let evaluator: BatchEvaluator
    /// Evaluators on copies of the same plan that share no objects with it, one per thread
    /// beyond the first (see ``ReplicaPool``); empty to share `evaluator`.
    package let replicas: [BatchEvaluator]
    package var linesPerBlock = 2048

    package init(evaluator: BatchEvaluator, replicas: [BatchEvaluator] = []) {
        self.evaluator = evaluator
        self.replicas = replicas
    }

    /// What one thread works with: an evaluator and its own copy of the file's path (which
    /// every assessment and location it makes refers to).
    struct Worker: Sendable {
        var evaluator: BatchEvaluator
        var path: String
    }

    package struct Summary: Sendable {
        package var units = 0
        package var ruleErrors: [String] = []
    }

    /// Streams `path` through `render` (one result → its output bytes) into `write`.
    package func run(path: String, asOf: Day?, sources: inout SourceStore, diagnostics: inout Diagnostics,
                    render: @escaping @Sendable (UnitResult) -> [UInt8], write: ([UInt8]) throws -> Void) throws -> Summary {
        if let problem = FileKind.problemReadingFile(at: path) {
            diagnostics.error(SourceLocation(file: path, line: 1, column: 1), problem)
            return Summary()
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "cannot read the file")
            return Summary()
        }
        defer { try? handle.close() }
        var summary = Summary()
        var roster = UnitRoster()
        var pending = Data()
        var lineNumber = 0
        var block: [(Int, Data)] = []
        var stopped = false
        let workers = ([evaluator] + replicas).map { Worker(evaluator: $0, path: String(decoding: Array(path.utf8), as: UTF8.self)) }
        let pool = ReplicaPool(workers, spare: Worker(evaluator: evaluator, path: path))
        /// The block being scored on all cores while the one before it is written.
        var inFlight: BackgroundWork<[LineOutcome]>?
        /// Starts decoding, scoring and rendering a block of lines on all cores; then writes the
        /// block before it, which overlaps reading and writing with scoring.
        func flush() throws {
            guard !block.isEmpty else { return }
            let lines = block
            block.removeAll(keepingCapacity: true)
            let work = BackgroundWork { [self] in
                ParallelMap.map(lines, chunk: 64, using: pool) { worker, line in
                    process(line.1, number: line.0, with: worker, asOf: asOf, render: render)
                }
            }
            do {
                try drain()
            } catch {
                _ = work.wait()
                throw error
            }
            if stopped {
                _ = work.wait()
                return
            }
            inFlight = work
        }
        /// Waits for the block in flight and handles it.
        func drain() throws {
            guard let work = inFlight else { return }
            inFlight = nil
            try report(work.wait() ?? [])
        }
        /// In input order, reports what was wrong and writes what was right (nothing more once
        /// anything was wrong).
        func report(_ done: [LineOutcome]) throws {
            var output: [UInt8] = []
            output.reserveCapacity(done.reduce(0) { $0 + $1.output.count })
            for line in done {
                if line.diagnostics.hasErrors {
                    guard diagnostics.errorCount < Diagnostics.maxErrorsPerFile else {
                        diagnostics.error(SourceLocation(file: path, line: line.number, column: 1), "too many errors; stopped reading this file here",
                                          help: "is this really a JSON Lines batch of self-assessments?")
                        stopped = true
                        return
                    }
                    sources.add(path: path, line: line.number, text: line.text ?? "")
                    diagnostics.append(contentsOf: line.diagnostics)
                    continue
                }
                guard let unit = line.unit else { continue }
                guard roster.admit(unit, at: SourceLocation(file: path, line: line.number, column: 1), diagnostics: &diagnostics) else {
                    sources.add(path: path, line: line.number, text: line.text ?? "")
                    continue
                }
                guard !diagnostics.hasErrors else { continue }
                output.append(contentsOf: line.output)
                summary.units += 1
                summary.ruleErrors += line.ruleErrors
            }
            if !diagnostics.hasErrors { try write(output) }
        }
        while !stopped {
            let data = (try? handle.read(upToCount: 4 << 20)) ?? Data()
            pending.append(data)
            // Walk the complete lines with a cursor and keep only the unfinished tail, so the
            // buffer is not shifted once per line.
            var cursor = pending.startIndex
            while !stopped, let newline = ByteScan.newline(in: pending, from: cursor) {
                lineNumber += 1
                block.append((lineNumber, Data(pending[cursor..<newline])))
                cursor = pending.index(after: newline)
                if block.count >= linesPerBlock { try flush() }
            }
            pending = Data(pending[cursor...])
            if data.isEmpty { break }
        }
        if !stopped, !pending.isEmpty {
            lineNumber += 1
            block.append((lineNumber, pending))
        }
        if !stopped { try flush() }
        if !stopped { try drain() }
        return summary
    }

    /// One line, start to finish: UTF-8, JSON, decoding (fast lane first), scoring, rendering.
    func process(_ line: Data, number: Int, with worker: Worker, asOf: Day?, render: (UnitResult) -> [UInt8]) -> LineOutcome {
        let evaluator = worker.evaluator, path = worker.path
        var outcome = LineOutcome(number: number)
        // A byte-order mark (Notepad, Excel) is not part of the first line.
        let data = number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3) : line
        guard let first = data.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return outcome }
        guard let text = String(validating: data, as: UTF8.self) else {
            outcome.text = String(decoding: data, as: UTF8.self)
            outcome.diagnostics.error(SourceLocation(file: path, line: number, column: 1), "invalid UTF-8 on this line",
                                      help: "save the file as UTF-8")
            return outcome
        }
        guard first == UInt8(ascii: "{") else {
            outcome.text = text
            outcome.diagnostics.error(SourceLocation(file: path, line: number, column: 1), "a JSON Lines file holds one JSON object a line")
            return outcome
        }
        var decoded = evaluator.decodeFast(text, path: path, number: number, asOf: asOf)
        if decoded == nil {
            var parser = JSONNodeParser(text: text, path: path, firstLine: number)
            do {
                let node = try parser.parseDocument()
                decoded = evaluator.decode([AssessmentReader.Document(node: node, source: "\(path):\(number)")], asOf: asOf,
                                           diagnostics: &outcome.diagnostics).first
            } catch {
                outcome.diagnostics.error(error.location, error.message, help: "each line of a JSON Lines file is one complete JSON object")
            }
        }
        outcome.text = text
        guard let (assessment, day) = decoded, !outcome.diagnostics.hasErrors else { return outcome }
        let result = evaluator.scorer.evaluate(assessment, asOf: day)
        outcome.unit = assessment.unit.id
        outcome.output = render(result)
        outcome.ruleErrors = result.errors.map {
            "\($0.location?.description ?? assessment.source): error: rule \($0.item): \($0.message)"
        }
        return outcome
    }

    /// What became of one line.
    struct LineOutcome: Sendable {
        var number: Int
        /// The line's text, kept so that a diagnostic can quote it.
        var text: String?
        var diagnostics = Diagnostics()
        var unit: String?
        var output: [UInt8] = []
        var ruleErrors: [String] = []

        init(number: Int) {
            self.number = number
        }
    }
}
