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

    /// Runs competition `id` (SPEC §9): screening, the on-site ranking, finalists, and with the
    /// judges' sheets the jury's trimmed means, the final ranking and the winners.
    public func competition(_ rules: LoadResult, id: String, files: CompetitionFiles) throws(EngineFailure) -> CompetitionOutcome {
        if let daily = files.daily { try Self.requireFile(daily) }
        let definition = try rules.competition(id)
        let plan = try rules.plan(definition.onsite.value)
        var sources = rules.sources
        var diagnostics = Diagnostics()
        let reader = AssessmentReader()
        func read(_ path: String) -> [AssessmentReader.Document] { reader.documents(paths: [path], sources: &sources, diagnostics: &diagnostics) }
        let assessments = read(files.assessments)
        let sheets = files.scoresheets.map(read) ?? []
        let jury = files.jury.map(read)
        let daily = files.daily.flatMap { read($0).first }
        var outcome: CompetitionOutcome?
        if !diagnostics.hasErrors {
            let runner = CompetitionRunner(competition: definition, evaluator: BatchEvaluator(scorer: Scorer(plan: plan)))
            outcome = runner.run(assessments: assessments, scoresheets: sheets, jury: jury, daily: daily, diagnostics: &diagnostics)
        }
        guard let outcome, !diagnostics.hasErrors else { throw EngineFailure(diagnostics, sources: sources) }
        return outcome
    }
}
