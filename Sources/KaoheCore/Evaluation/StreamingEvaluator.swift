import Foundation

/// Scores a JSON Lines batch as a stream: the file is read in large pieces cut into blocks of
/// whole lines; each block is decoded, scored and rendered by one thread into one buffer, with
/// several blocks in flight on all cores, and the blocks are written in input order, so memory
/// stays flat however many units there are. Every input error is still reported with its line;
/// the caller decides what to do with the output.
package struct StreamingEvaluator: Sendable {
    package let evaluator: BatchEvaluator
    /// Evaluators on copies of the same plan that share no objects with it, one per thread
    /// beyond the first (see ``ReplicaPool``); empty to share `evaluator`.
    package let replicas: [BatchEvaluator]
    package var linesPerBlock = 256

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

    /// Appends one result's output line to a buffer.
    package typealias Render = @Sendable (UnitResult, inout JSONBuffer) -> Void

    /// Streams `path` through `render` into `write`, which is handed each block's output.
    package func run(path: String, asOf: Day?, sources: inout SourceStore, diagnostics: inout Diagnostics,
                     render: @escaping Render, write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Summary {
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
        var stopped = false
        let workers = ([evaluator] + replicas).map { Worker(evaluator: $0, path: String(decoding: Array(path.utf8), as: UTF8.self)) }
        let pool = ReplicaPool(workers, spare: Worker(evaluator: evaluator, path: path))
        // Enough blocks in flight that no core waits for the writer, few enough to keep memory flat.
        let depth = 2 * max(1, workers.count) + 1
        /// The blocks being scored, oldest first (at most `depth`; a handled one is let go at once).
        var inFlight: [BackgroundWork<ScoredBlock>] = []
        /// Bytes of output a line took in the last block, to size the next block's buffer.
        var bytesPerLine = 1024

        /// In input order, reports what was wrong and writes what was right (nothing more once
        /// anything was wrong).
        func report(_ block: ScoredBlock) throws {
            for (offset, line) in block.lines.enumerated() {
                if line.diagnostics.hasErrors {
                    guard diagnostics.errorCount < Diagnostics.maxErrorsPerFile else {
                        diagnostics.error(SourceLocation(file: path, line: line.number, column: 1), "too many errors; stopped reading this file here",
                                          help: "is this really a JSON Lines batch of self-assessments?")
                        stopped = true
                        return
                    }
                    sources.add(path: path, line: line.number, text: line.text ?? block.text(ofLine: offset))
                    diagnostics.append(contentsOf: line.diagnostics)
                    continue
                }
                guard let unit = line.unit else { continue }
                guard roster.admit(unit, at: SourceLocation(file: path, line: line.number, column: 1), diagnostics: &diagnostics) else {
                    sources.add(path: path, line: line.number, text: block.text(ofLine: offset))
                    continue
                }
                guard !diagnostics.hasErrors else { continue }
                summary.units += 1
                summary.ruleErrors += line.ruleErrors
            }
            // Any line not written sets an error, so without one the buffer holds exactly the
            // block's results.
            if !diagnostics.hasErrors { try block.output.withBytes(write) }
        }
        /// Waits for the oldest block in flight and handles it.
        func drainOldest() throws {
            let work = inFlight.removeFirst()
            guard let block = work.wait() else { return }
            if !block.lines.isEmpty { bytesPerLine = max(256, block.output.byteCount / block.lines.count) }
            if !stopped { try report(block) }
        }

        var reader = LineBlockReader(handle: handle, linesPerBlock: linesPerBlock)
        do {
            while !stopped, let blocks = reader.next() {
                for block in blocks where !stopped {
                    if inFlight.count >= depth { try drainOldest() }
                    let capacity = block.ends.count * bytesPerLine * 5 / 4
                    inFlight.append(BackgroundWork { [self] in
                        pool.borrow { worker in score(block, with: worker, asOf: asOf, outputCapacity: capacity, render: render) }
                    })
                }
            }
            while !inFlight.isEmpty { try drainOldest() }
        } catch {
            // Let the blocks still in flight finish before their buffers go away.
            for work in inFlight { _ = work.wait() }
            throw error
        }
        return summary
    }

    /// Every line of a block, start to finish, on the calling thread.
    func score(_ block: LineBlock, with worker: Worker, asOf: Day?, outputCapacity: Int, render: Render) -> ScoredBlock {
        let scored = ScoredBlock(input: block, outputCapacity: outputCapacity)
        // Each line read where it is in the block's buffer (a `Data` slice a line costs a
        // reference and a few thousand instructions of its generic paths).
        block.bytes.withUnsafeBytes { raw in
            for offset in block.ends.indices {
                let start = block.start(of: offset) - block.bytes.startIndex, end = block.ends[offset] - block.bytes.startIndex
                let line = process(UnsafeRawBufferPointer(rebasing: raw[start..<end]), number: block.firstLine + offset, with: worker,
                                   asOf: asOf, render: render, into: &scored.output)
                scored.lines.append(line)
            }
        }
        return scored
    }

    /// One line, start to finish: UTF-8, JSON, decoding (fast lane first), scoring, rendering
    /// (appended to `output` when the line is right).
    func process(_ line: UnsafeRawBufferPointer, number: Int, with worker: Worker, asOf: Day?, render: Render,
                 into output: inout JSONBuffer) -> LineOutcome {
        let evaluator = worker.evaluator, path = worker.path
        var outcome = LineOutcome(number: number)
        // A byte-order mark (Notepad, Excel) is not part of the first line.
        let data = number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeRawBufferPointer(rebasing: line.dropFirst(3)) : line
        // A line of ASCII (nearly every line of a machine-made batch) is valid UTF-8 as it is:
        // the fast lane reads its bytes where they are, and no `String` is made unless the
        // careful path must decide.
        var triedFast = false
        let bytes = data.assumingMemoryBound(to: UInt8.self)
        let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        let quick: (SelfAssessment, Day)?
        if first == UInt8(ascii: "{"), ByteScan.isASCII(data) {
            triedFast = true
            quick = evaluator.decodeFast(bytes: bytes, path: path, number: number, asOf: asOf)
        } else {
            quick = nil
        }
        if let (assessment, day) = quick {
            scoreLine(assessment, day, with: evaluator, render: render, into: &output, outcome: &outcome)
            return outcome
        }
        guard let first else { return outcome }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            outcome.text = String(decoding: data, as: UTF8.self)
            let line = Array(bytes)
            let (offset, _, column) = YAMLReader.firstInvalidByte(line)
            let byte = offset < line.count ? String(format: "0x%02X", line[offset]) : "at its end"
            outcome.diagnostics.error(SourceLocation(file: path, line: number, column: column),
                                      "invalid UTF-8 on this line (byte \(byte))",
                                      help: "save the file as UTF-8; files saved as GBK/GB2312 must be converted first")
            return outcome
        }
        guard first == UInt8(ascii: "{") else {
            outcome.text = text
            outcome.diagnostics.error(SourceLocation(file: path, line: number, column: 1), "a JSON Lines file holds one JSON object a line")
            return outcome
        }
        var decoded = triedFast ? nil : evaluator.decodeFast(text, path: path, number: number, asOf: asOf)
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
        guard let (assessment, day) = decoded, !outcome.diagnostics.hasErrors else {
            outcome.text = text
            return outcome
        }
        scoreLine(assessment, day, with: evaluator, render: render, into: &output, outcome: &outcome)
        return outcome
    }

    /// Scores a decoded line and renders its result.
    func scoreLine(_ assessment: SelfAssessment, _ day: Day, with evaluator: BatchEvaluator, render: Render,
               into output: inout JSONBuffer, outcome: inout LineOutcome) {
        let result = evaluator.scorer.evaluate(assessment, asOf: day)
        outcome.unit = assessment.unit.id
        render(result, &output)
        outcome.ruleErrors = result.errors.map {
            "\($0.location?.description ?? assessment.source): error: rule \($0.item): \($0.message)"
        }
    }
}
