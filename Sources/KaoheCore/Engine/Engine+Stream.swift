import Foundation

extension Engine {
    /// Scores JSON Lines batches as a stream, in input order, with flat memory: results are
    /// rendered as JSON Lines (``ResultJSON/lineBytes(_:brief:)``; `brief` leaves out the items
    /// and builds no explanation lines) and handed to `write` block by block, as bytes that are
    /// valid only during the call. When any line is wrong, every wrong line is reported and
    /// nothing more is written after the first one; the caller keeps what it wrote uncommitted
    /// (see ``OutputFile``). A checklist with brand-project standards compares every unit's
    /// projects with all the others, so its batch is scored whole.
    public func stream(_ rules: LoadResult, inputs: [String], checklist: String? = nil, asOf: Day? = nil, brief: Bool = false,
                       write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws(EngineFailure) -> StreamRun {
        // A loop, not `lazy.compactMap(…).first`, which reads the first file's first line twice.
        var named = checklist
        for input in inputs where named == nil { named = AssessmentReader.checklistID(ofFirstLineOf: input) }
        let plan = try rules.plan(named)
        guard plan.standards == nil else {
            let run = try evaluate(rules, inputs: inputs, checklist: checklist, asOf: asOf)
            let lines = ParallelMap.map(run.batch.inputOrder, chunk: 256) { ResultJSON.lineBytes($0, brief: brief) }
            try Self.writing { try Array(lines.joined()).withUnsafeBufferPointer(write) }
            return StreamRun(units: run.batch.results.count, ruleErrors: run.ruleErrors)
        }
        let explaining = !brief
        let streamer = StreamingEvaluator(evaluator: BatchEvaluator(scorer: Scorer(plan: plan, explaining: explaining)),
                                          replicas: replicas(of: plan, from: rules, explaining: explaining))
        var sources = rules.sources
        var diagnostics = Diagnostics()
        var run = StreamRun()
        for input in inputs {
            let summary = try Self.writing {
                try streamer.run(path: input, asOf: asOf, sources: &sources, diagnostics: &diagnostics,
                                 render: { ResultJSON.appendLine($0, brief: brief, to: &$1) }, write: write)
            }
            run.units += summary.units
            run.ruleErrors += summary.ruleErrors
        }
        if diagnostics.hasErrors { throw EngineFailure(diagnostics, sources: sources) }
        return run
    }

    /// Evaluators on the same checklist compiled again from the same rule texts, one for each
    /// further core, so that threads share no objects of the plan (see ``ReplicaPool``). A copy
    /// whose fingerprint differs from `plan`'s is not used (the threads then share `plan`).
    package func replicas(of plan: ChecklistPlan, from rules: LoadResult, explaining: Bool) -> [BatchEvaluator] {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        guard threads > 1 else { return [] }
        let loader = RulesLoader(registry: registry)
        let texts = rules.sources.files
        var replicas: [BatchEvaluator] = []
        for _ in 1..<threads {
            let again = loader.load(texts: texts)
            guard !again.diagnostics.hasErrors, let copy = again.rules.plans[plan.checklist.id],
                  copy.fingerprint == plan.fingerprint else { break }
            replicas.append(BatchEvaluator(scorer: Scorer(plan: copy, explaining: explaining)))
        }
        return replicas
    }

    /// Runs `body`, which writes results; its errors become a failure saying so.
    static func writing<T>(_ body: () throws -> T) throws(EngineFailure) -> T {
        do {
            return try body()
        } catch {
            throw EngineFailure(message: "kaohe: cannot write the results: \(error)")
        }
    }
}
