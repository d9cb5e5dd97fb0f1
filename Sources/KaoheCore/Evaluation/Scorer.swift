import Foundation

/// Scores self-assessments against a compiled checklist (SPEC §2.1–2.4): items, sections with
/// N/A scaling and penalties, category weights, checklist penalties, capped bonuses, vetoes,
/// grades from the rounded total, and the findings to rectify.
public struct Scorer: Sendable {
    public let plan: ChecklistPlan
    /// Whether the result lists its items with their explanation lines; without, the same
    /// total, sections and findings come out faster, for output that shows no items (`--brief`).
    public let explaining: Bool

    /// A scorer for the compiled checklist `plan`; `explaining: false` leaves the result's
    /// item list empty and builds no explanation line.
    public init(plan: ChecklistPlan, explaining: Bool = true) {
        self.plan = plan
        self.explaining = explaining
    }

    /// Scores one unit on `asOf`: every item, section, penalty, bonus and veto, with its explanation.
    public func evaluate(_ assessment: SelfAssessment, asOf: Day) -> UnitResult {
        let c = plan.checklist
        var frame = Frame(facts: assessment.storedFacts, tables: assessment.tables, asOf: asOf, period: c.period)
        let unit = assessment.unit
        let scorer = ItemScorer(plan: plan, unit: unit, asOf: asOf, explaining: explaining)
        var findings = FindingList(plan: plan, unit: unit, asOf: asOf)
        var items: [ItemResult] = []
        if explaining { items.reserveCapacity(plan.itemCount) }
        var sections: [SectionResult] = []
        sections.reserveCapacity(plan.sections.count)
        var errors: [RuleError] = []
        var penaltyTotal: Rational = 0
        // Without responses or on-site scores (a JSON Lines batch), items need neither looked up,
        // and without explanations most are scored by the quick lane.
        let quickLane = !explaining && assessment.responses.isEmpty && assessment.onsite.isEmpty
        for sectionPlan in plan.sections {
            var earned: Rational = 0, applicable: Rational = 0
            let sectionID = sectionPlan.id
            for itemPlan in sectionPlan.items {
                if quickLane, let (_, awarded) = scorer.quick(itemPlan, &frame) {
                    // Scored without an explanation or anything else to report but its shortfall.
                    applicable = (applicable + itemPlan.points)
                    earned = (earned + awarded)
                    findings.addShortfall(itemPlan, awarded: awarded)
                    continue
                }
                let id = itemPlan.id
                let response = assessment.responses.isEmpty ? nil : assessment.responses[id]
                let onsite = assessment.onsite.isEmpty ? nil : assessment.onsite[id]
                let outcome = scorer.score(itemPlan, frame: &frame, response: response, onsite: onsite)
                if let fault = outcome.fault {
                    errors.append(RuleError(item: id, message: fault.message, location: fault.location))
                }
                if outcome.status != .notApplicable {
                    applicable = (applicable + itemPlan.points)
                    earned = (earned + outcome.awarded)
                }
                findings.add(itemPlan, outcome: outcome, selfScore: response?.selfScore)
                guard explaining else { continue }
                items.append(ItemResult(id: id, title: itemPlan.item.title, section: sectionID,
                                        status: outcome.status, awarded: outcome.awarded, points: itemPlan.points,
                                        selfScore: response?.selfScore, lines: outcome.explain, method: onsite?.method, plan: itemPlan))
            }
            let applies = applicable > 0
            // A section that leaves the total has no score to take points off: its triggered
            // penalties are still listed, as 0-point notices that say why.
            var sectionPenalty: Rational = 0
            for penalty in sectionPlan.penalties {
                if let amount = apply(penalty, &frame, &findings, &errors, notApplied: applies ? nil : sectionPlan.title) {
                    sectionPenalty = (sectionPenalty + amount)
                }
            }
            penaltyTotal = (penaltyTotal + sectionPenalty)
            let points = sectionPlan.points
            // Exact (rational): a section's score is what a person computes by hand.
            let score = applies
                ? DecimalMath.max(0, earned - sectionPenalty) * points / applicable
                : 0
            sections.append(SectionResult(id: sectionID, title: sectionPlan.title, score: score,
                                          points: points, weight: nil, applies: applies, penalty: sectionPenalty))
        }
        var total = weightedTotal(&sections, category: unit.category)
        var checklistPenalty: Rational = 0
        for penalty in plan.penalties {
            if let amount = apply(penalty, &frame, &findings, &errors) { checklistPenalty += amount }
        }
        penaltyTotal += checklistPenalty
        total = DecimalMath.max(0, (total - checklistPenalty))
        var bonus: Rational = 0
        for bonusPlan in plan.bonuses {
            switch condition(bonusPlan.when, bonusPlan.bonus.id.value, &frame, &errors) {
            case .some(.bool(true)): bonus += bonusPlan.bonus.points
            case .some(.missing(let names)): findings.addMissing(id: bonusPlan.bonus.id.value, facts: names)
            default: break
            }
        }
        if let cap = c.bonusCap { bonus = DecimalMath.min(cap, bonus) }
        total += bonus
        var vetoes: [VetoHit] = []
        for vetoPlan in plan.vetoes {
            let veto = vetoPlan.veto
            switch condition(vetoPlan.when, veto.id.value, &frame, &errors) {
            case .some(.bool(true)):
                vetoes.append(VetoHit(id: veto.id.value, title: veto.title, grade: veto.grade?.value, zeroScore: veto.zeroScore))
                findings.addVeto(veto)
            case .some(.missing(let names)): findings.addMissing(id: veto.id.value, facts: names)
            default: break
            }
        }
        if vetoes.contains(where: \.zeroScore) { total = 0 }
        return UnitResult(checklistID: c.id, checklistVersion: c.version, fingerprint: plan.fingerprint, unit: unit, asOf: asOf,
                          source: assessment.source, total: total, grade: grade(for: total, vetoes: vetoes), vetoes: vetoes,
                          bonus: bonus, penalty: penaltyTotal, sections: sections, items: items,
                          findings: findings.all, errors: errors)
    }

    /// Σ section scores rescaled over the sections that apply, or with the category's weights.
    func weightedTotal(_ sections: inout [SectionResult], category: String?) -> Rational {
        if let category, let row = plan.weights(for: category) {
            var sum: Rational = 0, weights: Rational = 0
            for index in sections.indices {
                let weight = row[index]
                sections[index].weight = weight
                guard sections[index].applies, sections[index].points > 0 else { continue }
                sum += sections[index].score * weight / sections[index].points
                weights = (weights + weight)
            }
            return weights == 0 ? 0 : ((sum * 100) / weights)
        }
        let applicablePoints = sections.filter(\.applies).reduce(Rational(0)) { $0 + $1.points }
        guard applicablePoints > 0 else { return 0 }
        let sum = sections.filter(\.applies).reduce(Rational(0)) { $0 + $1.score }
        return sum * plan.checklist.points / applicablePoints
    }

    /// The grade of the rounded total, capped by the lowest grade among triggered vetoes.
    func grade(for total: Rational, vetoes: [VetoHit]) -> String? {
        let bands = plan.checklist.grades
        let rounded = DecimalMath.round(total)
        var index = bands.firstIndex { Rational.compare($0.min, rounded) <= 0 }
        for veto in vetoes {
            guard let capped = bands.firstIndex(where: { $0.grade == veto.grade }) else { continue }
            index = max(index ?? capped, capped)
        }
        return index.map { bands[$0].grade }
    }

    /// Evaluates a penalty; returns its deduction when triggered. With `notApplied` (the title
    /// of its section, which leaves the total), a triggered penalty deducts nothing and its
    /// finding says so.
    func apply(_ penaltyPlan: PenaltyPlan, _ frame: inout Frame, _ findings: inout FindingList, _ errors: inout [RuleError],
               notApplied section: String? = nil) -> Rational? {
        let penalty = penaltyPlan.penalty
        if let when = penaltyPlan.when {
            switch condition(when, penalty.id.value, &frame, &errors) {
            case .some(.bool(true)): break
            case .some(.missing(let names)):
                findings.addMissing(id: penalty.id.value, facts: names)
                return nil
            default: return nil
            }
        }
        let amount: Rational
        var count: Rational?
        switch penalty.amount {
        case .fixed(let points): amount = points
        case .perCount(let per, _, let cap):
            guard let countExpression = penaltyPlan.count else { return nil }
            switch condition(countExpression, penalty.id.value, &frame, &errors) {
            case .some(.number(let n)):
                guard n > 0 else { return nil }
                count = n
                amount = cap.map { DecimalMath.min($0, per * n) } ?? per * n
            case .some(.missing(let names)):
                findings.addMissing(id: penalty.id.value, facts: names)
                return nil
            default: return nil
            }
        }
        let deduction: Rational = section == nil ? amount : 0
        findings.addPenalty(penalty, amount: deduction, count: count, notApplied: section)
        return deduction
    }

    /// Evaluates a condition, recording a fault as the rule's error.
    func condition(_ expression: CompiledExpression, _ id: String, _ frame: inout Frame, _ errors: inout [RuleError]) -> Value? {
        do {
            return try Evaluator.evaluate(expression, &frame)
        } catch {
            errors.append(RuleError(item: id, message: error.message, location: error.location))
            return nil
        }
    }
}
