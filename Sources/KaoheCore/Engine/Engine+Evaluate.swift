import Foundation

extension Engine {
    /// Reads and scores the self-assessments at `inputs` (files, folders, JSON Lines batches)
    /// in memory, on all cores. Every input error of every file is reported at once, before
    /// anything is scored. The checklist is `checklist`, else the one the inputs name, else the
    /// only one; the date is `asOf`, else each document's, else the checklist's period end.
    /// On-site assessors' score sheets (`kind: scoresheet`) at `scoresheets` replace the self
    /// scores of the `manual` items they score.
    public func evaluate(_ rules: LoadResult, inputs: [String], checklist: String? = nil, asOf: Day? = nil,
                         scoresheets: [String] = [],
                         progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(EngineFailure) -> EvaluationRun {
        var sources = rules.sources
        var diagnostics = Diagnostics()
        let reader = AssessmentReader()
        let documents = reader.documents(paths: inputs, sources: &sources, diagnostics: &diagnostics)
        let sheets = reader.documents(paths: scoresheets, sources: &sources, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw EngineFailure(diagnostics, sources: sources) }
        if documents.isEmpty { throw EngineFailure(message: "kaohe: no self-assessments found in \(inputs.joined(separator: ", "))") }
        return try evaluate(rules, documents: documents, sources: sources, checklist: checklist, asOf: asOf, scoresheets: sheets, progress: progress)
    }

    /// Scores one self-assessment held in memory (a form's draft, an API request's body), YAML
    /// or JSON; diagnostics are placed in `path`. `scoresheets` are on-site score sheets held in
    /// memory too, as for `evaluate(_:inputs:)`.
    public func evaluate(_ rules: LoadResult, text: String, path: String, checklist: String? = nil,
                         asOf: Day? = nil, scoresheets: [InlineDocument] = []) throws(EngineFailure) -> EvaluationRun {
        var sources = rules.sources
        var diagnostics = Diagnostics()
        let reader = AssessmentReader()
        let nodes = reader.documents([InlineDocument(path: path, text: text)], sources: &sources, diagnostics: &diagnostics)
        let sheets = reader.documents(scoresheets, sources: &sources, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw EngineFailure(diagnostics, sources: sources) }
        guard let document = nodes.first else { throw EngineFailure(message: "kaohe: \(path) holds no self-assessment") }
        return try evaluate(rules, documents: [document], sources: sources, checklist: checklist, asOf: asOf, scoresheets: sheets)
    }

    /// Decodes and scores documents already read.
    package func evaluate(_ rules: LoadResult, documents: [AssessmentReader.Document], sources: SourceStore,
                         checklist: String? = nil, asOf: Day? = nil, scoresheets: [AssessmentReader.Document] = [],
                         progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(EngineFailure) -> EvaluationRun {
        var diagnostics = Diagnostics()
        let plan = try choosePlan(rules, checklist: checklist, documents: documents, sources: sources)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        var decoded = evaluator.decode(documents, asOf: asOf, diagnostics: &diagnostics)
        if !scoresheets.isEmpty {
            let onsite = ScoresheetReader(plan: plan).scores(scoresheets, units: Set(decoded.map(\.0.unit.id)), diagnostics: &diagnostics)
            for index in decoded.indices { decoded[index].0.onsite = onsite[decoded[index].0.unit.id] ?? [:] }
        }
        if diagnostics.hasErrors { throw EngineFailure(diagnostics, sources: sources) }
        let total = decoded.count
        var perChunk: (@Sendable (Int) -> Void)?
        if let progress { perChunk = { done in progress(done, total) } }
        let results = evaluator.evaluate(decoded, progress: perChunk)
        return EvaluationRun(plan: plan, batch: Batch(results: results))
    }

    /// The checklist given, else the one the documents name (an unknown name is an error at the
    /// place it is written), else the only one.
    func choosePlan(_ rules: LoadResult, checklist: String?, documents: [AssessmentReader.Document],
                    sources: SourceStore) throws(EngineFailure) -> ChecklistPlan {
        let id = checklist ?? documents.lazy.compactMap { AssessmentReader.checklistID(of: $0.node) }.first
        if checklist == nil, let id, rules.rules.plans[id] == nil,
           let named = documents.lazy.compactMap({ $0.node["checklist"] }).first(where: { $0.scalar == id }) {
            var diagnostics = Diagnostics()
            diagnostics.error(named.tokenLocation, "no checklist '\(id)' in the rules",
                              help: Suggestion.didYouMean(id, in: rules.rules.plans.keys)
                                ?? "checklists: \(rules.rules.plans.keys.sorted().joined(separator: ", ")); or pass --rules with the folder that has it")
            throw EngineFailure(diagnostics, sources: sources)
        }
        return try rules.plan(id)
    }
}
