import Foundation

/// A resolved checklist compiled for evaluation: facts resolved to slots, every expression
/// type-checked and compiled, every check bound to its type and typed parameters. A class, so
/// that what scores a unit holds the plan with one reference instead of copying every field.
public final class ChecklistPlan: Sendable {
    public let checklist: Checklist
    package let scope: ExpressionScope
    /// Facts in slot order.
    public let facts: [FactSpec]
    /// Each slot's fact title for people (its name when it has none), read without a look-up.
    package let labels: [String]
    /// The wording of each slot's fact in explanation lines.
    let factPhrases: [FactPhrases]
    public let sections: [SectionPlan]
    public let penalties: [PenaltyPlan]
    public let bonuses: [BonusPlan]
    public let vetoes: [VetoPlan]
    /// The standards that screen the unit's brand projects, if the checklist names any.
    public let standards: StandardsPlan?
    /// The fixed words of explanations, in the checklist's locale.
    let wording: ExplanationWording
    /// Each category's weights (分类权重) in the order of `sections`, 0 for a section its row
    /// leaves out: the first row of a category, as ``Checklist/weights(for:)`` finds it.
    /// Found by comparing the unit's category with each in turn: a checklist has a few, and a
    /// comparison of two short strings costs less than hashing one.
    let sectionWeights: [(category: String, weights: [Rational])]
    /// A hash of everything that decides results: the resolved checklist and its packs' checks.
    public let fingerprint: String

    init(checklist: Checklist, scope: ExpressionScope, facts: [FactSpec], labels: [String], factPhrases: [FactPhrases],
         sections: [SectionPlan], penalties: [PenaltyPlan], bonuses: [BonusPlan], vetoes: [VetoPlan], standards: StandardsPlan?,
         wording: ExplanationWording, sectionWeights: [(category: String, weights: [Rational])], fingerprint: String) {
        self.checklist = checklist
        self.scope = scope
        self.facts = facts
        self.labels = labels
        self.factPhrases = factPhrases
        self.sections = sections
        self.penalties = penalties
        self.bonuses = bonuses
        self.vetoes = vetoes
        self.standards = standards
        self.wording = wording
        self.sectionWeights = sectionWeights
        self.fingerprint = fingerprint
    }

    /// Each section's weight for units of `category`, in the order of `sections`.
    func weights(for category: String) -> [Rational]? {
        for row in sectionWeights where row.category == category { return row.weights }
        return nil
    }

    /// The slot a fact's value has in a unit's fact values.
    public func slot(of fact: String) -> Int? { scope.facts[fact]?.slot }

    /// How many items the checklist has, in all its sections.
    public var itemCount: Int { sections.reduce(0) { $0 + $1.items.count } }

    /// A fact's title for people (its name when it has none).
    public func label(of fact: String) -> String { scope.facts[fact]?.title ?? fact }
}

/// A section compiled: its items and penalties. A class, so that scoring a unit walks the
/// sections without copying them.
public final class SectionPlan: Sendable {
    public let section: Section
    public let items: [ItemPlan]
    public let penalties: [PenaltyPlan]
    /// The section's id, title and points (the sum of its items'), read for every unit.
    public let id: String
    public let title: String
    public let points: Rational

    init(section: Section, items: [ItemPlan], penalties: [PenaltyPlan]) {
        self.section = section
        self.items = items
        self.penalties = penalties
        id = section.id.value
        title = section.title
        points = section.points
    }
}

/// An item compiled: its condition and scoring. A class, so that walking the plan for every
/// unit shares each item instead of copying (and retaining) every field of it.
public final class ItemPlan: Sendable {
    public let item: Item
    public let when: CompiledExpression?
    public let score: ScorePlan
    /// The item's id and points, read for every unit without copying the whole item.
    public let id: String
    public let points: Rational
    /// The finding of an item without a `finding` template, around what it earned:
    /// `党员规模：得 ` + `2` + ` 分（满分 4 分）`.
    let generatedFinding: (before: String, after: String, titleHasPlaceholder: Bool)
    /// The generated finding of an item that earned nothing, the commonest, made once.
    let zeroFinding: String
    /// Whether the item's finding can show its outputs (`{value}`, `{count}`): it has a finding
    /// template, or a placeholder in its title. Without, no outputs are made for it.
    let usesOutputs: Bool
    /// Whether, without explanations, its points can come from its expression alone (no
    /// `applies_to`, no `when`, no outputs in its finding): see ``ItemScorer/quick(_:_:)``.
    let scoresQuickly: Bool
    /// For a `binary` item, the explanation's last line when its condition holds and when it
    /// does not (`条件 … 成立 → 4 分`), made once rather than for every unit.
    let binaryLines: (holds: Phrase, fails: Phrase)?
    /// For a `binary` item whose condition is one yes/no fact, its one line when the fact is
    /// yes and when it is no (`已制定运行规则：是 → 4 分`).
    let factLines: (holds: Phrase, fails: Phrase)?
    /// For a `thresholds` item, its line around the value: `党员规模 = ` before it, and after it
    /// the rest for each step reached (` ≥ 50 → 4 分`) and for none.
    let stepLines: (before: Phrase, reached: [Phrase], below: Phrase)?

    /// The JSON of the item's generated findings (``FindingShape``), after the id.
    let findingJSON: FindingJSON

    /// The id of the item's section.
    let section: String
    /// The start of the item's JSON object, up to its status: `{"id": "R01", "title": …, "status": `.
    let jsonHead: [UInt8]
    /// What follows the awarded points in the JSON of a result with the item's points and no
    /// self score: `, "points": 4, "self_score": null, "explain": `.
    let jsonPointsTail: [UInt8]

    /// `label` gives a fact's title for people, for the subject of a step's line.
    init(item: Item, section: String, when: CompiledExpression?, score: ScorePlan, words: ExplanationWording,
         label: (String) -> String) {
        self.item = item
        self.when = when
        self.score = score
        id = item.id.value
        points = item.points
        self.section = section
        var head = JSONBuffer(capacity: 128)
        head.itemHead(id: item.id.value, title: item.title, section: section)
        jsonHead = head.bytes
        var tail = JSONBuffer(capacity: 64)
        tail.itemPoints(item.points, selfScore: nil)
        jsonPointsTail = tail.bytes
        generatedFinding = ("\(item.title)：得 ", " 分（满分 \(DecimalMath.format(DecimalMath.round(item.points))) 分）",
                            item.title.contains("{"))
        zeroFinding = generatedFinding.before + DecimalMath.format(DecimalMath.round(0)) + generatedFinding.after
        usesOutputs = item.finding != nil || item.title.contains("{")
        scoresQuickly = item.appliesTo == nil && when == nil && !usesOutputs
        findingJSON = FindingJSON(item: item.id.value, points: item.points, zero: zeroFinding,
                                  before: generatedFinding.before, after: generatedFinding.after)
        if case .binary(let condition) = score {
            binaryLines = (Phrase(words.gives(words.condition(condition.text, true), item.points)),
                           Phrase(words.gives(words.condition(condition.text, false), 0)))
            if condition.facts.count == 1, condition.facts[0] == condition.text {
                let title = label(condition.text)
                factLines = (Phrase(words.gives(words.fact(title, .bool(true)), item.points)),
                             Phrase(words.gives(words.fact(title, .bool(false)), 0)))
            } else {
                factLines = nil
            }
        } else {
            binaryLines = nil
            factLines = nil
        }
        if case .thresholds(let expression, let steps) = score {
            let isFact = expression.facts.count == 1 && expression.facts[0] == expression.text
            stepLines = (Phrase("\(isFact ? label(expression.text) : expression.text) = "),
                         steps.map { Phrase(words.stepTail(reaches: $0.min, $0.points)) },
                         Phrase(words.belowTail(lowest: steps.last?.min ?? 0)))
        } else {
            stepLines = nil
        }
    }
}

/// An item's scoring method with its expressions compiled and its check bound.
public enum ScorePlan: Sendable {
    case binary(CompiledExpression)
    case expr(CompiledExpression)
    case thresholds(CompiledExpression, [ThresholdStep])
    case ratio(of: CompiledExpression, over: CompiledExpression, fullAt: Rational, whenZeroFull: Bool)
    case deduct(per: Rational, count: CompiledExpression, cap: Rational?)
    case check(CheckBinding)
    case manual
}

/// A check bound at load time: its type, its parameters with defaults filled in, and the
/// slots of the facts it reads.
public struct CheckBinding: Sendable {
    public let check: any Check.Type
    public let parameters: [String: Value]
    public let reads: [(name: String, slot: Int)]
    /// The checklist's titles of the facts read, resolved once for `CheckContext.titles`.
    public let titles: [String: String]
}

/// A penalty compiled: its condition and its count.
public struct PenaltyPlan: Sendable {
    public let penalty: Penalty
    public let when: CompiledExpression?
    public let count: CompiledExpression?
}

/// A bonus compiled.
public struct BonusPlan: Sendable {
    public let bonus: Bonus
    public let when: CompiledExpression
}

/// A veto compiled.
public struct VetoPlan: Sendable {
    public let veto: Veto
    public let when: CompiledExpression
}

extension JSONBuffer {
    /// An item result's JSON up to its status: `{"id": "R01", "title": …, "section": …, "status": `.
    mutating func itemHead(id: String, title: String, section: String) {
        raw("{\"id\": ")
        string(id)
        raw(", \"title\": ")
        string(title)
        raw(", \"section\": ")
        string(section)
        raw(", \"status\": ")
    }

    /// An item result's points and self score, up to its explanation: `, "points": 4, "self_score": null, "explain": `.
    mutating func itemPoints(_ points: Rational, selfScore: Rational?) {
        raw(", \"points\": ")
        score(points)
        raw(", \"self_score\": ")
        score(selfScore)
        raw(", \"explain\": ")
    }
}
