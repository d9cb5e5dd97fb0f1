import Foundation

/// One unit's way through a competition.
public struct CompetitionEntry: Sendable {
    public var result: UnitResult
    public var project: ProjectResult?
    /// Why the project cannot go to the final, when it cannot.
    public var ineligible: String?
    public var daily: Rational?
    public var jury: JuryScore?
    public var final: Rational?

    public var unit: Unit { result.unit }
    public var onsite: Rational { result.total }

    func score(_ stage: Competition.Stage) -> Rational? {
        switch stage {
        case .onsite: return DecimalMath.round(onsite)
        case .jury: return jury.map { DecimalMath.round($0.score) }
        case .daily: return daily.map { DecimalMath.round($0) }
        }
    }
}

/// A finalist's jury score: every judge's total, which were dropped (去掉最高分和最低分), the
/// mean of the rest per dimension and in total, and that mean on a 100-point scale.
public struct JuryScore: Sendable {
    /// One judge's score of a finalist, and whether it was trimmed away.
    public struct Judge: Sendable {
        public var id: String
        public var total: Rational
        public var kept: Bool
    }

    public var judges: [Judge]
    public var mean: Rational
    public var dimensions: [String: Rational]
    public var score: Rational
}

/// A place in a ranking; `tied` when another entry has exactly the same scores on every key.
public struct Ranked: Sendable {
    public var rank: Int
    public var entry: CompetitionEntry
    public var tied: Bool
}

/// A tie at a cut-off that the tie-break scores could not separate: it needs a decision.
public struct CutoffTie: Sendable {
    public var place: Int
    public var units: [String]
    public var resolution: String
}

/// Everything a competition run found, stage by stage.
public struct CompetitionOutcome: Sendable {
    public var competition: Competition
    public var entries: [CompetitionEntry]
    public var onsiteRanking: [Ranked]
    public var finalists: [Ranked]
    public var finalistTie: CutoffTie?
    /// False when no jury sheets were given: the run stops after choosing finalists.
    public var juryStage: Bool
    public var finalRanking: [Ranked]
    public var winners: [Ranked]
    public var winnerTie: CutoffTie?
}

/// Runs the stages of SPEC §9 in order: screening, on-site ranking, finalists, jury (trimmed
/// means), final score, winners. Ties at a cut-off go to `tie_break`, then are reported, never
/// broken by input order.
package struct CompetitionRunner: Sendable {
    package let competition: Competition
    package let evaluator: BatchEvaluator

    package init(competition: Competition, evaluator: BatchEvaluator) {
        self.competition = competition
        self.evaluator = evaluator
    }

    package var plan: ChecklistPlan { evaluator.scorer.plan }

    package func run(assessments: [AssessmentReader.Document], scoresheets: [AssessmentReader.Document], jury: [AssessmentReader.Document]?,
                    daily: AssessmentReader.Document?, diagnostics: inout Diagnostics) -> CompetitionOutcome? {
        let before = diagnostics.errorCount
        var decoded = evaluator.decode(assessments, asOf: nil, diagnostics: &diagnostics)
        let units = Set(decoded.map(\.0.unit.id))
        let sheets = SheetParsers(competition: competition, plan: plan)
        let onsite = ScoresheetReader(plan: plan).scores(scoresheets, units: units, diagnostics: &diagnostics)
        for index in decoded.indices { decoded[index].0.onsite = onsite[decoded[index].0.unit.id] ?? [:] }
        let dailyScores = daily.map { sheets.daily($0.node, diagnostics: &diagnostics) } ?? [:]
        for unit in dailyScores.keys.sorted() where !units.contains(unit) {
            diagnostics.error(daily?.node.location ?? competition.location, "daily score for '\(unit)', which has no self-assessment")
        }
        guard diagnostics.errorCount == before else { return nil }

        var entries = evaluator.evaluate(decoded).map { result -> CompetitionEntry in
            let project = result.projects.first
            var reason: String?
            if let project {
                if !competition.eligible.contains(project.outcome) { reason = "初审结论为\(project.outcome)" }
            } else {
                reason = "未申报品牌项目"
            }
            return CompetitionEntry(result: result, project: project, ineligible: reason, daily: dailyScores[result.unit.id])
        }
        let onsiteRanking = rank(entries, by: [.onsite], then: Array(competition.tieBreak.filter { $0 == .daily && daily != nil }))
        let (finalists, finalistTie) = cut(rank(entries.filter { $0.ineligible == nil }, by: [.onsite],
                                                then: competition.tieBreak.filter { $0 == .daily && daily != nil }),
                                           at: competition.finalists, includeTie: true)
        guard let juryDocuments = jury else {
            return CompetitionOutcome(competition: competition, entries: entries, onsiteRanking: onsiteRanking, finalists: finalists,
                                      finalistTie: finalistTie, juryStage: false, finalRanking: [], winners: [], winnerTie: nil)
        }
        let finalistIDs = Set(finalists.map(\.entry.unit.id))
        var sheetsByUnit: [String: [(String, [String: Rational])]] = [:]
        var judges = Set<String>()
        for document in juryDocuments {
            guard let sheet = sheets.jury(document.node, finalists: finalistIDs, diagnostics: &diagnostics) else { continue }
            if !judges.insert(sheet.judge).inserted {
                diagnostics.error(document.node.location, "judge \(sheet.judge) has two sheets")
                continue
            }
            for (unit, scores) in sheet.scores { sheetsByUnit[unit, default: []].append((sheet.judge, scores)) }
        }
        for unit in finalistIDs.sorted() {
            let count = sheetsByUnit[unit]?.count ?? 0
            if count < competition.judgesNeeded {
                diagnostics.error(competition.trimLocation,
                                  "finalist '\(unit)' has \(count) judges' scores; with trim \(competition.trim) it needs at least \(competition.judgesNeeded)")
            }
            if (competition.weights[.daily] ?? 0) > 0 && dailyScores[unit] == nil {
                diagnostics.error(daily?.node.location ?? competition.location, "finalist '\(unit)' has no daily score, and the daily score has weight")
            }
        }
        guard diagnostics.errorCount == before else { return nil }
        for index in entries.indices where finalistIDs.contains(entries[index].unit.id) {
            let jury = score(sheetsByUnit[entries[index].unit.id] ?? [])
            entries[index].jury = jury
            entries[index].final = finalScore(onsite: entries[index].onsite, jury: jury.score, daily: entries[index].daily ?? 0)
        }
        let finalEntries = entries.filter { finalistIDs.contains($0.unit.id) }
        let finalRanking = rank(finalEntries, by: [], then: competition.tieBreak)
        let (winners, winnerTie) = cut(finalRanking, at: competition.winners, includeTie: false)
        let refreshed = Dictionary(uniqueKeysWithValues: entries.map { ($0.unit.id, $0) })
        return CompetitionOutcome(competition: competition, entries: entries, onsiteRanking: onsiteRanking,
                                  finalists: finalists.map { Ranked(rank: $0.rank, entry: refreshed[$0.entry.unit.id] ?? $0.entry, tied: $0.tied) },
                                  finalistTie: finalistTie, juryStage: true, finalRanking: finalRanking, winners: winners, winnerTie: winnerTie)
    }

    /// (on-site × w + jury × w + daily × w) / 100, each score on its 0–100 scale.
    func finalScore(onsite: Rational, jury: Rational, daily: Rational) -> Rational {
        let w = competition.weights
        let a: Rational = onsite * (w[.onsite] ?? 0)
        let b: Rational = jury * (w[.jury] ?? 0)
        let c: Rational = daily * (w[.daily] ?? 0)
        return (a + b + c) / 100
    }

    /// Trimmed mean: the `trim` highest and lowest judge totals are dropped (ties among them by
    /// judge id, which does not change the mean), the rest averaged, per dimension too.
    func score(_ sheets: [(judge: String, scores: [String: Rational])]) -> JuryScore {
        let unsorted: [(judge: String, total: Rational, scores: [String: Rational])] = sheets.map { sheet in
            (sheet.judge, sheet.scores.values.reduce(Rational(0), +), sheet.scores)
        }
        let totals = unsorted.sorted { $0.total != $1.total ? $0.total < $1.total : $0.judge < $1.judge }
        let keptRange = competition.trim..<max(competition.trim, totals.count - competition.trim)
        let kept = Array(totals[keptRange])
        let mean = kept.isEmpty ? 0 : kept.reduce(Rational(0)) { $0 + $1.total } / Rational(kept.count)
        var dimensions: [String: Rational] = [:]
        for dimension in competition.dimensions {
            dimensions[dimension.id] = kept.isEmpty ? 0 : kept.reduce(Rational(0)) { $0 + ($1.scores[dimension.id] ?? 0) } / Rational(kept.count)
        }
        let judges = totals.enumerated().map { index, t in JuryScore.Judge(id: t.judge, total: t.total, kept: keptRange.contains(index)) }
            .sorted { $0.id < $1.id }
        return JuryScore(judges: judges, mean: mean, dimensions: dimensions,
                         score: competition.dimensionPoints > 0 ? mean / competition.dimensionPoints * 100 : 0)
    }

    /// Ranks by the final score (or `primary` stages), then each tie-break stage; entries equal on
    /// every key share a rank and are marked tied, listed by unit id.
    func rank(_ entries: [CompetitionEntry], by primary: [Competition.Stage], then tieBreak: [Competition.Stage]) -> [Ranked] {
        func keys(_ e: CompetitionEntry) -> [Rational] {
            (primary.isEmpty ? [DecimalMath.round(e.final ?? 0)] : primary.map { e.score($0) ?? 0 }) + tieBreak.map { e.score($0) ?? -1 }
        }
        let sorted = entries.sorted { a, b in
            let x = keys(a), y = keys(b)
            return x != y ? x.lexicographicallyPrecedes(y, by: >) : a.unit.id < b.unit.id
        }
        var counts: [[Rational]: Int] = [:]
        for e in sorted { counts[keys(e), default: 0] += 1 }
        var ranked: [Ranked] = []
        for (index, e) in sorted.enumerated() {
            let rank = index > 0 && keys(sorted[index - 1]) == keys(e) ? ranked[index - 1].rank : index + 1
            ranked.append(Ranked(rank: rank, entry: e, tied: (counts[keys(e)] ?? 0) > 1))
        }
        return ranked
    }

    /// The first `count` of a ranking. A tie across the cut-off is reported; with `includeTie`
    /// the whole tied group goes through (finalists), otherwise none of it does (winners).
    func cut(_ ranking: [Ranked], at count: Int, includeTie: Bool) -> ([Ranked], CutoffTie?) {
        guard ranking.count > count, count > 0 else { return (ranking, nil) }
        let last = ranking[count - 1], next = ranking[count]
        guard last.rank == next.rank else { return (Array(ranking.prefix(count)), nil) }
        let group = ranking.filter { $0.rank == last.rank }
        let names = group.map { "\($0.entry.unit.name)（\($0.entry.unit.id)）" }
        if includeTie {
            let through = ranking.filter { $0.rank <= last.rank }
            return (through, CutoffTie(place: count, units: group.map(\.entry.unit.id),
                                       resolution: "第\(count)名并列：\(names.joined(separator: "、"))，按 tie_break 仍无法区分，需研究决定；本次均入围（共\(through.count)个）"))
        }
        let above = ranking.filter { $0.rank < last.rank }
        return (above, CutoffTie(place: count, units: group.map(\.entry.unit.id),
                                 resolution: "第\(count)名并列：\(names.joined(separator: "、"))，按 tie_break 仍无法区分，需研究决定；暂列\(above.count)个"))
    }
}
