extension Engine {
    /// The files of one competition run: the units' self-assessments (each with its brand
    /// project), on-site score sheets, the judges' sheets and the day-to-day scores.
    public struct CompetitionFiles: Sendable {
        public var assessments: String
        public var scoresheets: String?
        public var jury: String?
        public var daily: String?

        /// The files of a run; only the self-assessments are needed to choose finalists.
        public init(assessments: String, scoresheets: String? = nil, jury: String? = nil, daily: String? = nil) {
            self.assessments = assessments
            self.scoresheets = scoresheets
            self.jury = jury
            self.daily = daily
        }
    }

    /// The same documents held in memory (the web service's drafts and the sheets it writes from
    /// its tables), each with the path its diagnostics name.
    public struct CompetitionDocuments: Sendable {
        public var assessments: [InlineDocument]
        public var scoresheets: [InlineDocument]
        public var jury: [InlineDocument]?
        public var daily: InlineDocument?

        /// The documents of a run; without `jury` it stops after choosing finalists.
        public init(assessments: [InlineDocument], scoresheets: [InlineDocument] = [], jury: [InlineDocument]? = nil, daily: InlineDocument? = nil) {
            self.assessments = assessments
            self.scoresheets = scoresheets
            self.jury = jury
            self.daily = daily
        }
    }

    /// Runs competition `id` (SPEC §9): screening, the on-site ranking, finalists, and with the
    /// judges' sheets the jury's trimmed means, the final ranking and the winners.
    public func competition(_ rules: LoadResult, id: String, files: CompetitionFiles) throws(EngineFailure) -> CompetitionOutcome {
        if let daily = files.daily { try Self.requireFile(daily) }
        return try competition(rules, id: id) { reader, sources, diagnostics in
            func read(_ path: String) -> [AssessmentReader.Document] { reader.documents(paths: [path], sources: &sources, diagnostics: &diagnostics) }
            return (read(files.assessments), files.scoresheets.map(read) ?? [], files.jury.map(read), files.daily.flatMap { read($0).first })
        }
    }

    /// Runs competition `id` on documents in memory: the same stages and figures as on files.
    public func competition(_ rules: LoadResult, id: String, documents: CompetitionDocuments) throws(EngineFailure) -> CompetitionOutcome {
        try competition(rules, id: id) { reader, sources, diagnostics in
            func read(_ inline: [InlineDocument]) -> [AssessmentReader.Document] { reader.documents(inline, sources: &sources, diagnostics: &diagnostics) }
            return (read(documents.assessments), read(documents.scoresheets), documents.jury.map(read), documents.daily.flatMap { read([$0]).first })
        }
    }

    private typealias CompetitionInputs = (assessments: [AssessmentReader.Document], scoresheets: [AssessmentReader.Document],
                                           jury: [AssessmentReader.Document]?, daily: AssessmentReader.Document?)

    private func competition(_ rules: LoadResult, id: String,
                             read: (AssessmentReader, inout SourceStore, inout Diagnostics) -> CompetitionInputs) throws(EngineFailure) -> CompetitionOutcome {
        let definition = try rules.competition(id)
        let plan = try rules.plan(definition.onsite.value)
        var sources = rules.sources
        var diagnostics = Diagnostics()
        let inputs = read(AssessmentReader(), &sources, &diagnostics)
        var outcome: CompetitionOutcome?
        if !diagnostics.hasErrors {
            let runner = CompetitionRunner(competition: definition, evaluator: BatchEvaluator(scorer: Scorer(plan: plan)))
            outcome = runner.run(assessments: inputs.assessments, scoresheets: inputs.scoresheets, jury: inputs.jury, daily: inputs.daily,
                                 diagnostics: &diagnostics)
        }
        guard let outcome, !diagnostics.hasErrors else { throw EngineFailure(diagnostics, sources: sources) }
        return outcome
    }
}
