import Foundation

/// Scores one item for one unit: applicability, the scoring method, missing data and faults,
/// and — when `explaining` — the explanation of every step. Without it no explanation line is
/// built at all (for output that has none, `--brief`); scores, outputs and findings are the same.
struct ItemScorer {
    let plan: ChecklistPlan
    let unit: Unit
    let asOf: Day
    var explaining = true

    struct Outcome {
        var status: ItemStatus
        var awarded: Rational
        var explain: [ExplanationLine]
        var missingFacts: [String] = []
        var outputs: [String: String] = [:]
        var checkFindings: [CheckFinding] = []
        var fault: EvaluationFault?
    }

    func score(_ itemPlan: ItemPlan, frame: inout Frame, response: Response?, onsite: OnsiteScore? = nil) -> Outcome {
        var explain = ExplanationLines(keeping: explaining)
        if let categories = itemPlan.item.appliesTo {
            guard let category = unit.category, categories.contains(where: { $0.value == category }) else {
                explain.add("适用类别：\(categories.map(\.value).joined(separator: "、"))；本单位类别：\(unit.category ?? "未填写") → 不涉及")
                return Outcome(status: .notApplicable, awarded: 0, explain: explain.lines)
            }
        }
        if let when = itemPlan.when {
            do {
                let value = try Evaluator.evaluate(when, &frame)
                explain.add(contentsOf: factLines(when, frame))
                switch value {
                case .bool(true): explain.add(words.applies(when.text, true))
                case .bool:
                    explain.add(words.applies(when.text, false))
                    return Outcome(status: .notApplicable, awarded: 0, explain: explain.lines)
                default: return missing(value, itemPlan, explain)
                }
            } catch {
                explain.add("规则错误：\(error.message)")
                return Outcome(status: .error, awarded: 0, explain: explain.lines, fault: error)
            }
        }
        do {
            var outcome = try method(itemPlan, &frame, response: response, onsite: onsite, explain: explain)
            if outcome.status == .missing || outcome.status == .notApplicable { return outcome }
            outcome.awarded = DecimalMath.max(0, DecimalMath.min(itemPlan.points, outcome.awarded))
            if outcome.status != .unverified {
                let order = Rational.compare(outcome.awarded, itemPlan.points)
                outcome.status = order >= 0 ? .met : Rational.compare(outcome.awarded, 0) == 0 ? .unmet : .partial
            }
            return outcome
        } catch {
            explain.add("规则错误：\(error.message)")
            return Outcome(status: .error, awarded: 0, explain: explain.lines, fault: error)
        }
    }

    /// The status and points of an item scored without an explanation, when all it takes is
    /// the value of a `binary` item's condition or a `thresholds` item's measure (most items):
    /// no ``Outcome`` is made. Nil whenever the item needs the whole of ``score(_:frame:response:onsite:)``:
    /// it explains, has `applies_to` or `when`, shows outputs in its finding, or its value is
    /// missing or faults (evaluation is pure, so reading it again there gives the same).
    func quick(_ itemPlan: ItemPlan, _ frame: inout Frame) -> (status: ItemStatus, awarded: Rational)? {
        guard !explaining, itemPlan.scoresQuickly else { return nil }
        let points = itemPlan.points
        var awarded: Rational
        switch itemPlan.score {
        case .binary(let condition):
            // The kernel's integer when it answers (no `Value` made), else the evaluator's value.
            if let kernel = condition.kernel, kernel.kind == .bool, let answer = kernel.integer(frame) {
                awarded = answer != 0 ? points : 0
            } else {
                guard case .bool(let holds)? = try? Evaluator.evaluate(condition, &frame) else { return nil }
                awarded = holds ? points : 0
            }
        case .thresholds(let expression, let steps):
            let n: Rational
            if let kernel = expression.kernel, kernel.kind == .number, let answer = kernel.integer(frame) {
                n = Rational(answer)
            } else {
                guard case .number(let value)? = try? Evaluator.evaluate(expression, &frame) else { return nil }
                n = value
            }
            awarded = steps.first { $0.min <= n }?.points ?? 0
        default:
            return nil
        }
        // As ``score(_:frame:response:onsite:)`` clamps and judges every scored item.
        awarded = DecimalMath.max(0, DecimalMath.min(points, awarded))
        let status: ItemStatus = Rational.compare(awarded, points) >= 0 ? .met : Rational.compare(awarded, 0) == 0 ? .unmet : .partial
        return (status, awarded)
    }

    func method(_ itemPlan: ItemPlan, _ frame: inout Frame, response: Response?, onsite: OnsiteScore?,
                explain start: ExplanationLines) throws(EvaluationFault) -> Outcome {
        let item = itemPlan
        let points = itemPlan.points
        var explain = start
        func value(_ expression: CompiledExpression, showFacts: Bool = true) throws(EvaluationFault) -> Value {
            let v = try Evaluator.evaluate(expression, &frame)
            if showFacts, explain.keeping {
                // Each fact read, once: a fact two expressions of one item read is shown once.
                for slot in expression.factSlots { explain.add(new: factLine(slot, frame)) }
            }
            return v
        }
        switch itemPlan.score {
        case .binary(let condition):
            let v = try value(condition)
            guard case .bool(let b) = v else { return missing(v, item, explain) }
            let awarded = b ? points : 0
            if explain.keeping, let lines = item.factLines, let last = explain.last,
               last == .phrase(b ? plan.factPhrases[condition.factSlots[0]].yes : plan.factPhrases[condition.factSlots[0]].no) {
                // A single yes/no fact: 已制定运行规则：是 → 4 分.
                explain.replaceLast(with: .phrase(b ? lines.holds : lines.fails))
            } else if let lines = item.binaryLines {
                explain.add(line: .phrase(b ? lines.holds : lines.fails))
            } else {
                explain.add(words.gives(words.condition(condition.text, b), awarded))
            }
            return Outcome(status: .met, awarded: awarded, explain: explain.lines)
        case .expr(let expression):
            let v = try value(expression)
            guard case .number(let n) = v else { return missing(v, item, explain) }
            let clamped = DecimalMath.max(0, DecimalMath.min(points, n))
            explain.add(words.computed(expression.text, n, clampedTo: clamped, of: points))
            return Outcome(status: .met, awarded: clamped, explain: explain.lines, outputs: short(clamped, of: item) ? ["value": format(n)] : [:])
        case .thresholds(let expression, let steps):
            let v = try value(expression, showFacts: !isFact(expression))
            guard case .number(let n) = v else { return missing(v, item, explain) }
            let lines = item.stepLines
            if let index = steps.firstIndex(where: { $0.min <= n }) {
                let step = steps[index]
                explain.add(line: lines.map { .valued($0.before, .number(n), $0.reached[index]) }
                            ?? .text(words.step(subject(expression), n, reaches: step.min, step.points)))
                return Outcome(status: .met, awarded: step.points, explain: explain.lines,
                               outputs: short(step.points, of: item) ? ["value": format(n)] : [:])
            }
            explain.add(line: lines.map { .valued($0.before, .number(n), $0.below) }
                        ?? .text(words.belowSteps(subject(expression), n, lowest: steps.last?.min ?? 0)))
            return Outcome(status: .met, awarded: 0, explain: explain.lines, outputs: item.usesOutputs ? ["value": format(n)] : [:])
        case .ratio(let ofExpression, let overExpression, let fullAt, let whenZeroFull):
            let of = try value(ofExpression, showFacts: !isFact(ofExpression)), over = try value(overExpression, showFacts: !isFact(overExpression))
            guard case .number(let a) = of, case .number(let b) = over else { return missing(.missing(of, over), item, explain) }
            if b == 0 {
                let awarded = whenZeroFull ? points : 0
                explain.add(words.overZero(subject(overExpression), full: whenZeroFull, awarded))
                return Outcome(status: .met, awarded: awarded, explain: explain.lines)
            }
            let ratio = a / b
            let share = DecimalMath.max(0, DecimalMath.min(1, ratio / fullAt))
            let awarded = points * share
            explain.add(words.ratio(of: subject(ofExpression), a, over: subject(overExpression), b, ratio: ratio, fullAt: fullAt,
                                       points: points, share: share, awarded: awarded))
            return Outcome(status: .met, awarded: awarded, explain: explain.lines,
                           outputs: short(awarded, of: item) ? ["value": ExplanationWording.percent(ratio)] : [:])
        case .deduct(let per, let countExpression, let cap):
            let v = try value(countExpression, showFacts: !isFact(countExpression))
            guard case .number(let count) = v else { return missing(v, item, explain) }
            let limit = cap ?? points
            let times = DecimalMath.max(0, count)
            let deduction = DecimalMath.min(limit, per * times)
            let awarded = DecimalMath.max(0, points - deduction)
            explain.add(words.count(subject(countExpression), count))
            explain.add(words.deduction(per: per, count: times, cap: limit, points: points, awarded: awarded))
            return Outcome(status: .met, awarded: awarded, explain: explain.lines, outputs: short(awarded, of: item) ? ["count": format(count)] : [:])
        case .check(let binding):
            frame.materialize()
            var facts: [String: Value] = [:]
            var absent: [String] = []
            for read in binding.reads {
                let v = frame.facts[read.slot]
                facts[read.name] = v
                if v.isMissing { absent.append(read.name) }
            }
            if !absent.isEmpty { return missing(.missing(absent), item, explain) }
            var context = CheckContext(facts: facts, parameters: binding.parameters, asOf: asOf, points: points,
                                       period: plan.checklist.period)
            context.titles = binding.titles
            let result = try binding.check.init().evaluate(context)
            let share = DecimalMath.max(0, DecimalMath.min(1, result.fraction))
            let description = binding.check.description
            explain.add(words.check(description.title, description.id))
            explain.add(contentsOf: result.explanation.map { .text("  " + $0) })
            explain.add(words.share(share, of: points, points * share))
            return Outcome(status: .met, awarded: points * share, explain: explain.lines, outputs: result.outputs,
                           checkFindings: result.findings)
        case .manual:
            if let onsite {
                explain.add("现场评分 \(format(onsite.points))（\(onsite.method)，\(onsite.assessor)）" + (onsite.note.map { "：\($0)" } ?? ""))
                return Outcome(status: .met, awarded: onsite.points, explain: explain.lines)
            }
            if let selfScore = response?.selfScore {
                explain.add("现场赋分项，暂无现场评分：采用自评分 \(format(selfScore))，待核实")
                return Outcome(status: .unverified, awarded: selfScore, explain: explain.lines)
            }
            explain.add("现场赋分项，既无现场评分也无自评分")
            return Outcome(status: .missing, awarded: 0, explain: explain.lines, missingFacts: ["自评分"])
        }
    }

    func missing(_ value: Value, _ item: ItemPlan, _ start: ExplanationLines) -> Outcome {
        var names: [String] = []
        if case .missing(let n) = value { names = n }
        let titles = names.map(plan.label(of:))
        var explain = start
        if item.item.excludeWhenMissing {
            explain.add("缺少：\(titles.joined(separator: "、")) → missing: exclude → 不涉及")
            return Outcome(status: .notApplicable, awarded: 0, explain: explain.lines)
        }
        explain.add("缺少：\(titles.joined(separator: "、")) → 证据不足，0 分")
        return Outcome(status: .missing, awarded: 0, explain: explain.lines, missingFacts: titles)
    }

    var words: ExplanationWording { plan.wording }

    func label(_ fact: String) -> String { plan.label(of: fact) }

    /// Whether the expression is a single fact's name.
    func isFact(_ expression: CompiledExpression) -> Bool { expression.isSingleFact }

    /// What a line calls an expression's value: the fact's title, or the expression itself.
    func subject(_ expression: CompiledExpression) -> String {
        isFact(expression) ? label(expression.text) : expression.text
    }

    /// `title = value` for each fact an expression reads (lists of records as a count).
    func factLines(_ expression: CompiledExpression, _ frame: Frame) -> [ExplanationLine] {
        expression.factSlots.map { factLine($0, frame) }
    }

    /// `title = value` for the fact in `slot`.
    func factLine(_ slot: Int, _ frame: Frame) -> ExplanationLine {
        if let table = frame.tables.table(slot) {
            return .valued(plan.factPhrases[slot].listHead, .count(table.count), plan.factPhrases[slot].listTail)
        }
        let value = frame.facts[slot]
        return plan.factPhrases[slot].line(value) ?? .text(words.fact(plan.labels[slot], value))
    }

    func format(_ value: Rational) -> String { DecimalMath.format(DecimalMath.round(value)) }

    /// Whether an item's finding may need its outputs (`{value}`, `{count}`): it falls short of
    /// its points and its finding can show them. A met item has no finding, and no outputs are
    /// made for it.
    func short(_ awarded: Rational, of item: ItemPlan) -> Bool {
        item.usesOutputs && Rational.compare(awarded, item.points) < 0
    }
}
