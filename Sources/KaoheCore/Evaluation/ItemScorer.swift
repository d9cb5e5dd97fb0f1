import Foundation

/// Scores one item for one unit: applicability, the scoring method, missing data and faults,
/// and the explanation of every step.
struct ItemScorer {
    let plan: ChecklistPlan
    let unit: Unit
    let asOf: Day

    struct Outcome {
        var status: ItemStatus
        var awarded: Rational
        var explain: [String]
        var missingFacts: [String] = []
        var outputs: [String: String] = [:]
        var checkFindings: [CheckFinding] = []
        var fault: EvaluationFault?
    }

    func score(_ itemPlan: ItemPlan, frame: inout Frame, response: Response?, onsite: OnsiteScore? = nil) -> Outcome {
        let item = itemPlan.item
        if let categories = item.appliesTo {
            let names = categories.map(\.value)
            guard let category = unit.category, names.contains(category) else {
                return Outcome(status: .notApplicable, awarded: 0,
                               explain: ["适用类别：\(names.joined(separator: "、"))；本单位类别：\(unit.category ?? "未填写") → 不涉及"])
            }
        }
        var explain: [String] = []
        if let when = itemPlan.when {
            do {
                let value = try Evaluator.evaluate(when, &frame)
                explain += factLines(when, frame)
                switch value {
                case .bool(true): explain.append("when: \(when.text) → true")
                case .bool: return Outcome(status: .notApplicable, awarded: 0, explain: explain + ["when: \(when.text) → false → 不涉及"])
                default: return missing(value, item, explain)
                }
            } catch {
                return Outcome(status: .error, awarded: 0, explain: explain + ["规则错误：\(error.message)"], fault: error)
            }
        }
        do {
            var outcome = try method(itemPlan, &frame, response: response, onsite: onsite, explain: explain)
            if outcome.status == .missing || outcome.status == .notApplicable { return outcome }
            outcome.awarded = DecimalMath.max(0, DecimalMath.min(item.points, outcome.awarded))
            if outcome.status != .unverified {
                let order = Rational.compare(outcome.awarded, item.points)
                outcome.status = order >= 0 ? .met : Rational.compare(outcome.awarded, 0) == 0 ? .unmet : .partial
            }
            return outcome
        } catch {
            return Outcome(status: .error, awarded: 0, explain: explain + ["规则错误：\(error.message)"], fault: error)
        }
    }

    func method(_ itemPlan: ItemPlan, _ frame: inout Frame, response: Response?, onsite: OnsiteScore?,
                explain start: [String]) throws(EvaluationFault) -> Outcome {
        let item = itemPlan.item
        let points = item.points
        var explain = start
        func value(_ expression: CompiledExpression) throws(EvaluationFault) -> Value {
            let v = try Evaluator.evaluate(expression, &frame)
            for line in factLines(expression, frame) where !explain.contains(line) { explain.append(line) }
            return v
        }
        switch itemPlan.score {
        case .binary(let condition):
            let v = try value(condition)
            guard case .bool(let b) = v else { return missing(v, item, explain) }
            if condition.facts.count == 1, condition.facts[0] == condition.text, explain.last == condition.text + (b ? " = true" : " = false") {
                explain[explain.count - 1] += " → \(format(b ? points : 0))"
            } else {
                explain.append("\(condition.text) → \(b) → \(format(b ? points : 0))")
            }
            return Outcome(status: .met, awarded: b ? points : 0, explain: explain)
        case .expr(let expression):
            let v = try value(expression)
            guard case .number(let n) = v else { return missing(v, item, explain) }
            let clamped = DecimalMath.max(0, DecimalMath.min(points, n))
            explain.append("\(expression.text) = \(format(n))" + (clamped == n ? "" : " → clamped to \(format(clamped))"))
            return Outcome(status: .met, awarded: clamped, explain: explain, outputs: short(clamped, of: points) ? ["value": format(n)] : [:])
        case .thresholds(let expression, let steps):
            let v = try value(expression)
            guard case .number(let n) = v else { return missing(v, item, explain) }
            if !expression.facts.contains(expression.text) { explain.append("\(expression.text) = \(format(n))") }
            if let step = steps.first(where: { Rational.compare($0.min, n) <= 0 }) {
                explain.append("step min \(format(step.min)) → \(format(step.points))")
                return Outcome(status: .met, awarded: step.points, explain: explain,
                               outputs: short(step.points, of: points) ? ["value": format(n)] : [:])
            }
            explain.append("低于最低档（min \(steps.last.map { format($0.min) } ?? "?")）→ 0")
            return Outcome(status: .met, awarded: 0, explain: explain, outputs: ["value": format(n)])
        case .ratio(let ofExpression, let overExpression, let fullAt, let whenZeroFull):
            let of = try value(ofExpression), over = try value(overExpression)
            guard case .number(let a) = of, case .number(let b) = over else { return missing(.missing(of, over), item, explain) }
            if b == 0 {
                explain.append("\(overExpression.text) = 0 → when_zero: \(whenZeroFull ? "full" : "zero")")
                return Outcome(status: .met, awarded: whenZeroFull ? points : 0, explain: explain)
            }
            let ratio = (a / b)
            let share = DecimalMath.max(0, DecimalMath.min(1, (ratio / fullAt)))
            explain.append("\(format(a)) / \(format(b)) = \(DecimalMath.format(DecimalMath.round(ratio, scale: 4)))"
                + (fullAt == 1 ? "" : ", full at \(format(fullAt))") + " → \(format(points)) × \(DecimalMath.format(DecimalMath.round(share, scale: 4))) = \(format(points * share))")
            let awarded = (points * share)
            return Outcome(status: .met, awarded: awarded, explain: explain,
                           outputs: short(awarded, of: points) ? ["value": DecimalMath.format(DecimalMath.round(ratio * 100, scale: 2)) + "%"] : [:])
        case .deduct(let per, let countExpression, let cap):
            let v = try value(countExpression)
            guard case .number(let count) = v else { return missing(v, item, explain) }
            let limit = cap ?? points
            let deduction = DecimalMath.min(limit, (per * DecimalMath.max(0, count)))
            explain.append("count = \(countExpression.text) = \(format(count))")
            explain.append("\(format(points)) − min(\(format(limit)), \(format(per)) × \(format(DecimalMath.max(0, count)))) = \(format(DecimalMath.max(0, points - deduction)))")
            let awarded = (points - deduction)
            return Outcome(status: .met, awarded: awarded, explain: explain, outputs: short(awarded, of: points) ? ["count": format(count)] : [:])
        case .check(let binding):
            var facts: [String: Value] = [:]
            var absent: [String] = []
            for read in binding.reads {
                let v = frame.facts[read.slot]
                facts[read.name] = v
                if v.isMissing { absent.append(read.name) }
            }
            if !absent.isEmpty { return missing(.missing(absent), item, explain) }
            let context = CheckContext(facts: facts, parameters: binding.parameters, asOf: asOf, points: points,
                                       period: plan.checklist.period)
            let result = try binding.check.init().evaluate(context)
            let share = DecimalMath.max(0, DecimalMath.min(1, result.fraction))
            explain += result.explanation.map { "\(binding.check.description.id): \($0)" }
            explain.append("\(format(points)) × \(format(share)) = \(format(points * share))")
            return Outcome(status: .met, awarded: points * share, explain: explain, outputs: result.outputs,
                           checkFindings: result.findings)
        case .manual:
            if let onsite {
                explain.append("现场评分 \(format(onsite.points))（\(onsite.method)，\(onsite.assessor)）" + (onsite.note.map { "：\($0)" } ?? ""))
                return Outcome(status: .met, awarded: onsite.points, explain: explain)
            }
            if let selfScore = response?.selfScore {
                explain.append("现场赋分项，暂无现场评分：采用自评分 \(format(selfScore))，待核实")
                return Outcome(status: .unverified, awarded: selfScore, explain: explain)
            }
            return Outcome(status: .missing, awarded: 0, explain: explain + ["现场赋分项，既无现场评分也无自评分"],
                           missingFacts: ["自评分"])
        }
    }

    func missing(_ value: Value, _ item: Item, _ explain: [String]) -> Outcome {
        var names: [String] = []
        if case .missing(let n) = value { names = n }
        let titles = names.map(plan.label(of:))
        if item.excludeWhenMissing {
            return Outcome(status: .notApplicable, awarded: 0, explain: explain + ["缺少：\(titles.joined(separator: "、")) → missing: exclude → 不涉及"])
        }
        return Outcome(status: .missing, awarded: 0, explain: explain + ["缺少：\(titles.joined(separator: "、")) → 证据不足，0 分"],
                       missingFacts: titles)
    }

    /// `name = value` for each fact an expression reads (lists of records as a count).
    func factLines(_ expression: CompiledExpression, _ frame: Frame) -> [String] {
        zip(expression.facts, expression.factSlots).map { name, slot in
            let value = frame.facts[slot]
            switch value {
            case .list(let items) where items.count > 5: return "\(name) = \(items.count) 条记录"
            case .missing: return "\(name) = 缺失"
            default: return "\(name) = \(value.display)"
            }
        }
    }

    func format(_ value: Rational) -> String { DecimalMath.format(DecimalMath.round(value)) }

    /// Whether an item falls short of its points, so that its finding may need its outputs
    /// (`{value}`, `{count}`); a met item has no finding, and no outputs are made for it.
    func short(_ awarded: Rational, of points: Rational) -> Bool { Rational.compare(awarded, points) < 0 }
}
