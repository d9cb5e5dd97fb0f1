import ArgumentParser
import Foundation
import KaoheCore

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score self-assessments; one unit in full, or a batch with its ranking.",
        discussion: "INPUT is a YAML or JSON file, a folder of them, or a JSON Lines file (.jsonl).")

    @Option(help: "The rules folder (default: ./rules, else the rules built into kaohe).")
    var rules: String?

    @Option(help: "The checklist id (default: the one the inputs name, or the only one).")
    var checklist: String?

    @Option(help: ArgumentHelp("The assessment date, overriding the documents' as_of.", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .table

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Exit with status 1 when any unit's total is below this.")
    var failBelow: String?

    @Argument(help: "Self-assessments: files, folders or .jsonl batches.")
    var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one self-assessment file or folder") }
        if let failBelow, Rational(parsing: failBelow) == nil { throw ValidationError("--fail-below must be a number like 60 or 85.5, not '\(failBelow)'") }
    }

    func run() throws {
        let loaded = try Console.loadRules(rules.map { [$0] } ?? [])
        if format == .jsonl, inputs.allSatisfy({ $0.hasSuffix(".jsonl") || $0.hasSuffix(".ndjson") }) {
            try stream(loaded)
            return
        }
        let run = try Evaluation.run(loaded: loaded, checklist: checklist, inputs: inputs, asOf: asOf)
        let text = ReportFormat.render(format, run.batch, plan: run.plan)
        try Output.write(text, to: output)
        if !run.batch.results.flatMap(\.errors).isEmpty {
            let lines = run.batch.results.flatMap { r in r.errors.map { "\($0.location?.description ?? r.source): error: rule \($0.item): \($0.message)" } }
            throw Failure(message: lines.joined(separator: "\n") + "\nkaohe: the rules failed while scoring; these results cannot be trusted")
        }
        if let failBelow, let limit = Rational(parsing: failBelow), let low = run.batch.results.first(where: { $0.roundedTotal < limit }) {
            throw Failure(message: "kaohe: \(low.unit.id) scored \(DecimalMath.format(low.roundedTotal, decimals: 2)), below --fail-below \(failBelow)")
        }
    }
}

extension EvaluateCommand {
    /// JSON Lines in, JSON Lines out: scored as a stream with flat memory. A file given with -o is
    /// replaced only when every line was valid (see `OutputFile`).
    func stream(_ loaded: LoadResult) throws {
        let id = checklist ?? inputs.lazy.compactMap(Self.peekChecklist).first
        let plan = try Console.plan(loaded.rules, id: id)
        guard plan.standards == nil else {
            // Projects are screened against each other (同质化): that needs the whole batch.
            let run = try Evaluation.run(loaded: loaded, checklist: checklist, inputs: inputs, asOf: asOf)
            try Output.write(ReportFormat.render(.jsonl, run.batch, plan: run.plan), to: output)
            return
        }
        let streamer = StreamingEvaluator(evaluator: BatchEvaluator(scorer: Scorer(plan: plan, registry: try Console.registry())))
        var sources = loaded.sources
        var diagnostics = Diagnostics()
        let file: OutputFile?
        do { file = try output.map { path throws(OutputFile.Failure) in try OutputFile(path: path) } } catch { throw Failure(message: "kaohe: \(error)") }
        var ruleErrors: [String] = []
        do {
            for input in inputs {
                let summary = try streamer.run(path: input, asOf: asOf, sources: &sources, diagnostics: &diagnostics,
                                               render: { ResultJSON.object($0).text + "\n" }) { text in
                    if let file { try file.write(text) } else { Console.out(text) }
                }
                ruleErrors += summary.ruleErrors
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "kaohe: cannot write the results: \(error)")
        }
        if diagnostics.hasErrors {
            throw Failure(diagnostics, sources: sources)
        }
        do { try file?.commit() } catch { throw Failure(message: "kaohe: \(error)") }
        if !ruleErrors.isEmpty {
            throw Failure(message: ruleErrors.joined(separator: "\n") + "\nkaohe: the rules failed while scoring; these results cannot be trusted")
        }
    }

    /// The `checklist` of the first document of a JSON Lines file.
    static func peekChecklist(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 20)) ?? Data()
        guard let line = data.split(separator: 0x0A).first, let text = String(validating: line, as: UTF8.self) else { return nil }
        var parser = JSONNodeParser(text: text, path: path, firstLine: 1)
        guard let node = try? parser.parseDocument() else { return nil }
        return AssessmentReader.checklistID(of: node)
    }
}

/// Shared by evaluate, explain and test: choose the checklist, read and decode the inputs
/// (every input error reported), score them.
enum Evaluation {
    struct Run {
        var plan: ChecklistPlan
        var batch: Batch
        var registry: Registry
    }

    static func run(loaded: LoadResult, checklist: String?, inputs: [String], asOf: Day?) throws -> Run {
        var sources = loaded.sources
        var diagnostics = Diagnostics()
        let documents = AssessmentReader().documents(paths: inputs, sources: &sources, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw Failure(diagnostics, sources: sources) }
        if documents.isEmpty { throw Failure(message: "kaohe: no self-assessments found in \(inputs.joined(separator: ", "))") }
        let id = checklist ?? documents.lazy.compactMap { AssessmentReader.checklistID(of: $0.node) }.first
        if checklist == nil, let id, loaded.rules.plans[id] == nil,
           let named = documents.lazy.compactMap({ $0.node["checklist"] }).first(where: { $0.scalar == id }) {
            // The document names a checklist the rules do not have: point at where it says so.
            diagnostics.error(named.tokenLocation, "no checklist '\(id)' in the rules",
                              help: Suggestion.didYouMean(id, in: loaded.rules.plans.keys)
                                ?? "checklists: \(loaded.rules.plans.keys.sorted().joined(separator: ", ")); or pass --rules with the folder that has it")
            throw Failure(diagnostics, sources: sources)
        }
        let plan = try Console.plan(loaded.rules, id: id)
        let registry = try Console.registry()
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan, registry: registry))
        let decoded = evaluator.decode(documents, asOf: asOf, diagnostics: &diagnostics)
        if diagnostics.hasErrors {
            throw Failure(diagnostics, sources: sources)
        }
        let progress = Progress.onTerminal(total: decoded.count)
        var report: (@Sendable (Int) -> Void)?
        if let progress { report = { done in progress.report(done) } }
        let results = evaluator.evaluate(decoded, progress: report)
        progress?.finish()
        return Run(plan: plan, batch: Batch(results: results), registry: registry)
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
            throw Failure(message: "kaohe: \(error)")
        }
    }
}

/// A progress line on stderr for long batches, only when stderr is a terminal.
struct Progress: Sendable {
    let total: Int

    static func onTerminal(total: Int) -> Progress? {
        guard total >= 500, isatty(FileHandle.standardError.fileDescriptor) == 1 else { return nil }
        return Progress(total: total)
    }

    func report(_ done: Int) {
        let width = 30
        let filled = width * done / max(1, total)
        Console.err("\r评分 [" + String(repeating: "█", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)")
    }

    func finish() { Console.err("\r" + String(repeating: " ", count: 60) + "\r") }
}
