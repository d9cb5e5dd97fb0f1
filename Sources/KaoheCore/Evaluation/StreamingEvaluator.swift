import Foundation

/// Scores a JSON Lines batch as a stream: blocks of lines are read, decoded, scored and written
/// on all cores, in input order, so memory stays flat however many units there are. Every input
/// error is still reported with its line; the caller decides what to do with the output.
public struct StreamingEvaluator: Sendable {
    public let evaluator: BatchEvaluator
    public var linesPerBlock = 4096

    public init(evaluator: BatchEvaluator) {
        self.evaluator = evaluator
    }

    public struct Summary: Sendable {
        public var units = 0
        public var ruleErrors: [String] = []
    }

    /// Streams `path` through `render` (one result → its output text) into `write`.
    public func run(path: String, asOf: Day?, sources: inout SourceStore, diagnostics: inout Diagnostics,
                    render: @escaping @Sendable (UnitResult) -> String, write: (String) throws -> Void) throws -> Summary {
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
        var seen = Set<String>()
        var pending = Data()
        var lineNumber = 0
        var block: [(Int, String)] = []
        func flush() throws {
            guard !block.isEmpty else { return }
            let lines = block
            block.removeAll(keepingCapacity: true)
            let parsed = ParallelMap.map(lines, chunk: 128) { (number, text) -> ParsedLine in
                if let (assessment, day) = evaluator.decodeFast(text, path: path, number: number, asOf: asOf) {
                    return ParsedLine(number: number, text: text, decoded: UnitInput(assessment: assessment, asOf: day), diagnostics: Diagnostics())
                }
                var local = Diagnostics()
                var parser = JSONNodeParser(text: text, path: path, firstLine: number)
                let node: YAMLNode
                switch Result(catching: { () throws(JSONNodeParser.Failure) -> YAMLNode in try parser.parseDocument() }) {
                case .success(let parsed): node = parsed
                case .failure(let error):
                    local.error(error.location, error.message, help: "each line of a JSON Lines file is one complete JSON object")
                    return ParsedLine(number: number, text: text, decoded: nil, diagnostics: local)
                }
                let decoded = evaluator.decode([AssessmentReader.Document(node: node, source: "\(path):\(number)")], asOf: asOf,
                                               diagnostics: &local)
                return ParsedLine(number: number, text: text, decoded: decoded.first.map { UnitInput(assessment: $0.0, asOf: $0.1) },
                                  diagnostics: local)
            }
            var inputs: [UnitInput] = []
            for line in parsed {
                if line.diagnostics.hasErrors { sources.add(path: path, line: line.number, text: line.text) }
                diagnostics.append(contentsOf: line.diagnostics)
                guard let input = line.decoded else { continue }
                guard seen.insert(input.assessment.unit.id).inserted else {
                    sources.add(path: path, line: line.number, text: line.text)
                    diagnostics.error(SourceLocation(file: path, line: line.number, column: 1),
                                      "unit '\(input.assessment.unit.id)' is assessed twice in this batch")
                    continue
                }
                inputs.append(input)
            }
            guard !diagnostics.hasErrors else { return }
            let scorer = evaluator.scorer
            let outputs = ParallelMap.map(inputs, chunk: 64) { input -> (String, [String]) in
                let result = scorer.evaluate(input.assessment, asOf: input.asOf)
                return (render(result), result.errors.map { "\($0.location?.description ?? input.assessment.source): error: rule \($0.item): \($0.message)" })
            }
            try write(outputs.map(\.0).joined())
            summary.units += outputs.count
            summary.ruleErrors += outputs.flatMap(\.1)
        }
        while true {
            let data = (try? handle.read(upToCount: 4 << 20)) ?? Data()
            pending.append(data)
            // Walk the complete lines with a cursor and keep only the unfinished tail, so the
            // buffer is not shifted once per line.
            var cursor = pending.startIndex
            while let newline = pending[cursor...].firstIndex(of: 0x0A) {
                let lineData = pending[cursor..<newline]
                cursor = pending.index(after: newline)
                lineNumber += 1
                try take(lineData, lineNumber, &block, &diagnostics, &sources, path)
                if block.count >= linesPerBlock { try flush() }
                if diagnostics.errorCount >= Diagnostics.maxErrorsPerFile {
                    diagnostics.error(SourceLocation(file: path, line: lineNumber, column: 1), "too many errors; stopped reading this file here",
                                      help: "is this really a JSON Lines batch of self-assessments?")
                    return summary
                }
            }
            pending = Data(pending[cursor...])
            if data.isEmpty { break }
        }
        if !pending.isEmpty {
            lineNumber += 1
            try take(pending, lineNumber, &block, &diagnostics, &sources, path)
        }
        try flush()
        return summary
    }

    func take(_ line: Data, _ number: Int, _ block: inout [(Int, String)], _ diagnostics: inout Diagnostics,
              _ sources: inout SourceStore, _ path: String) throws {
        // A byte-order mark (Notepad, Excel) is not part of the first line.
        let data = number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3) : line
        guard let first = data.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        guard let text = String(validating: data, as: UTF8.self) else {
            sources.add(path: path, line: number, text: String(decoding: data, as: UTF8.self))
            diagnostics.error(SourceLocation(file: path, line: number, column: 1), "invalid UTF-8 on this line",
                              help: "save the file as UTF-8")
            return
        }
        guard first == UInt8(ascii: "{") else {
            sources.add(path: path, line: number, text: text)
            diagnostics.error(SourceLocation(file: path, line: number, column: 1), "a JSON Lines file holds one JSON object a line")
            return
        }
        block.append((number, text))
    }

    struct UnitInput: Sendable {
        var assessment: SelfAssessment
        var asOf: Day
    }

    struct ParsedLine: Sendable {
        var number: Int
        var text: String
        var decoded: UnitInput?
        var diagnostics: Diagnostics
    }
}
