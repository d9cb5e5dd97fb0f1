import Foundation

/// Builds a unit's findings (问题清单) with stable ids: `<unit>/<item>`, `/2`… for further
/// findings of one item, `/overclaim` for 自评偏高.
struct FindingList {
    let plan: ChecklistPlan
    let unit: Unit
    let asOf: Day
    private(set) var all: [Finding] = []
    /// `<unit>/`, the start of every finding's id.
    let idPrefix: String

    init(plan: ChecklistPlan, unit: Unit, asOf: Day) {
        self.plan = plan
        self.unit = unit
        self.asOf = asOf
        idPrefix = unit.id + "/"
        all.reserveCapacity(16)
    }

    static let overclaimMargin = Rational.one / 2

    mutating func add(_ itemPlan: ItemPlan, outcome: ItemScorer.Outcome, selfScore: Rational?) {
        if outcome.status == .notApplicable || (outcome.status == .met && outcome.checkFindings.isEmpty && selfScore == nil) { return }
        let item = itemPlan.id
        let points = itemPlan.points
        let rectify = itemPlan.item.rectify
        let deduction = (points - outcome.awarded)
        if outcome.status != .missing, outcome.status != .error, outcome.checkFindings.isEmpty {
            // The common case: at most one finding, the item's own.
            addShortfall(itemPlan, awarded: outcome.awarded, outputs: outcome.outputs)
            if let selfScore { addOverclaim(itemPlan, selfScore: selfScore, awarded: outcome.awarded) }
            return
        }
        let id = idPrefix + item
        switch outcome.status {
        case .notApplicable:
            return
        case .missing:
            append(id: id, item: item, message: "补充材料：" + outcome.missingFacts.joined(separator: "、"),
                   deduction: points, severity: rectify?.severity ?? .minor, rectify: rectify)
        case .error:
            append(id: id, item: item, message: "规则错误：\(outcome.fault?.message ?? "")", deduction: points,
                   severity: .error, rectify: nil)
        default:
            var messages = outcome.checkFindings
            if deduction > 0 {
                let severity = rectify?.severity ?? messages.first?.severity ?? .minor
                let message = message(itemPlan, awarded: outcome.awarded, outputs: outcome.outputs,
                                      template: itemPlan.item.finding ?? messages.first?.message)
                if !messages.isEmpty { messages.removeFirst() }
                messages.insert(CheckFinding(message, severity: severity), at: 0)
            }
            for (index, finding) in messages.enumerated() {
                append(id: index == 0 ? id : "\(id)/\(index + 1)", item: item, message: finding.message,
                       deduction: index == 0 ? deduction : 0, severity: finding.severity,
                       rectify: finding.severity == .notice ? nil : rectify)
            }
        }
        if let selfScore, outcome.status != .missing { addOverclaim(itemPlan, selfScore: selfScore, awarded: outcome.awarded) }
    }

    /// 自评偏高: a notice when a unit's own score is over the one awarded by more than the margin.
    mutating func addOverclaim(_ itemPlan: ItemPlan, selfScore: Rational, awarded: Rational) {
        guard selfScore - awarded > Self.overclaimMargin else { return }
        append(id: idPrefix + itemPlan.id + "/overclaim", item: itemPlan.id,
               message: "自评偏高：自评 \(format(selfScore)) 分，核定 \(format(awarded)) 分",
               deduction: 0, severity: .notice, rectify: nil)
    }

    /// An item's own finding, when it is awarded less than its points and has no check's
    /// findings: the one finding most items have. (A scored item with nothing else to say comes
    /// straight here; see ``ItemScorer/quick(_:_:)``.)
    mutating func addShortfall(_ itemPlan: ItemPlan, awarded: Rational, outputs: [String: String]? = nil) {
        guard Rational.compare(awarded, itemPlan.points) < 0 else { return }
        let deduction = itemPlan.points - awarded
        let rectify = itemPlan.item.rectify
        let severity = rectify?.severity ?? .minor
        let template = itemPlan.item.finding
        let shape: FindingShape? = template != nil || itemPlan.generatedFinding.titleHasPlaceholder ? nil
            : awarded.isZero ? .zero(itemPlan) : .partial(itemPlan, awarded: awarded)
        append(id: idPrefix + itemPlan.id, item: itemPlan.id, message: message(itemPlan, awarded: awarded, outputs: outputs ?? [:], template: template),
               deduction: deduction, severity: severity, rectify: severity == .notice ? nil : rectify, shape: shape)
    }

    /// The message of an item's finding: its template filled, or the generated one.
    func message(_ itemPlan: ItemPlan, awarded: Rational, outputs: [String: String], template: String?) -> String {
        if let template { return fill(template, outputs) }
        let generated = itemPlan.generatedFinding
        if !generated.titleHasPlaceholder, awarded.isZero { return itemPlan.zeroFinding }
        let text = generated.before + format(awarded) + generated.after
        // Only a title can bring a placeholder into a generated message.
        return generated.titleHasPlaceholder ? fill(text, outputs) : text
    }

    /// A triggered penalty's finding. `notApplied` is the title of its section when that section
    /// leaves the total, so nothing was deducted: the message says so (扣分1（19 次；部分1不涉及，未扣分）).
    mutating func addPenalty(_ penalty: Penalty, amount: Rational, count: Rational?, notApplied section: String? = nil) {
        var message = penalty.finding ?? penalty.title
        var notes: [String] = []
        if let count {
            message = fill(message, ["count": format(count)])
            if penalty.finding == nil { notes.append("\(format(count)) 次") }
        }
        if let section { notes.append("\(section)不涉及，未扣分") }
        if !notes.isEmpty { message += "（" + notes.joined(separator: "；") + "）" }
        let severity = penalty.severity ?? (amount == 0 ? .notice : .minor)
        append(id: "\(unit.id)/\(penalty.id.value)", item: penalty.id.value, message: message, deduction: amount,
               severity: severity, rectify: penalty.rectify)
    }

    mutating func addVeto(_ veto: Veto) {
        append(id: "\(unit.id)/\(veto.id.value)", item: veto.id.value, message: "一票否决：\(veto.title)", deduction: 0,
               severity: .veto, rectify: nil)
    }

    mutating func addMissing(id: String, facts: [String]) {
        let titles = facts.map(plan.label(of:))
        append(id: "\(unit.id)/\(id)", item: id, message: "补充材料：" + titles.joined(separator: "、"), deduction: 0,
               severity: .minor, rectify: nil)
    }

    mutating func append(id: String, item: String, message: String, deduction: Rational, severity: Severity, rectify: Rectify?,
                         shape: FindingShape? = nil) {
        all.append(Finding(id: id, item: item, message: message, deduction: deduction, severity: severity,
                           action: rectify?.action, due: rectify?.within.flatMap { asOf.adding($0) }, owner: rectify?.owner,
                           shape: shape))
    }

    /// Fills `{name}` placeholders in one pass from left to right (a filled value is not
    /// searched again); unknown names are left as written.
    func fill(_ template: String, _ values: [String: String]) -> String {
        let utf8 = template.utf8
        guard !values.isEmpty, var open = utf8.firstIndex(of: UInt8(ascii: "{")) else { return template }
        var out = ""
        var copied = utf8.startIndex
        while let close = utf8[open...].firstIndex(of: UInt8(ascii: "}")) {
            let nameStart = utf8.index(after: open)
            var searchFrom = nameStart
            if let value = values[String(template[nameStart..<close])] {
                out += template[copied..<open]
                out += value
                copied = utf8.index(after: close)
                searchFrom = copied
            }
            guard let next = utf8[searchFrom...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        out += template[copied...]
        return out
    }

    func format(_ value: Rational) -> String { DecimalMath.format(DecimalMath.round(value)) }
}
