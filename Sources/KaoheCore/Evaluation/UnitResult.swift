import Foundation

/// An item's status after scoring.
public enum ItemStatus: String, Sendable, CaseIterable {
    case met, partial, unmet, missing
    case notApplicable = "not-applicable"
    case unverified, error

    /// The label reports show.
    public var label: String {
        switch self {
        case .met: return "达标"
        case .partial: return "部分达标"
        case .unmet: return "未达标"
        case .missing: return "证据不足"
        case .notApplicable: return "不涉及"
        case .unverified: return "待核实"
        case .error: return "规则错误"
        }
    }
}

/// One item's score and the steps behind it. Scores are exact; they are rounded at output.
public struct ItemResult: Sendable {
    public var id: String
    public var title: String
    public var section: String
    public var status: ItemStatus
    public var awarded: Rational
    public var points: Rational
    public var selfScore: Rational?
    /// The explanation's lines, kept as the plan's wording plus values until shown.
    package var lines: [ExplanationLine]
    /// How an on-site score was established (现场查看、查阅资料…), for manual items.
    public var method: String?
    /// The compiled item this result is of, for output fragments made once per plan.
    package var plan: ItemPlan?

    /// The steps behind the score, one line each, as people read them.
    public var explain: [String] {
        get { lines.map(\.text) }
        set { lines = newValue.map(ExplanationLine.text) }
    }

    @inline(__always)
    package init(id: String, title: String, section: String, status: ItemStatus, awarded: Rational, points: Rational,
                 selfScore: Rational?, lines: [ExplanationLine], method: String?, plan: ItemPlan? = nil) {
        self.id = id
        self.title = title
        self.section = section
        self.status = status
        self.awarded = awarded
        self.points = points
        self.selfScore = selfScore
        self.lines = lines
        self.method = method
        self.plan = plan
    }
}

/// A section's points: earned, out of, and its share after N/A scaling and penalties.
public struct SectionResult: Sendable {
    public var id: String
    public var title: String
    /// The section's score on its own points, after its penalties and N/A scaling.
    public var score: Rational
    public var points: Rational
    public var weight: Rational?
    /// False when no item of the section applies to the unit: it leaves the total.
    public var applies: Bool
    public var penalty: Rational
}

/// A problem to rectify (or a notice), with a stable id a ledger can match.
public struct Finding: Sendable, Equatable {
    public var id: String
    public var item: String { didSet { shape = nil } }
    public var message: String { didSet { shape = nil } }
    public var deduction: Rational { didSet { shape = nil } }
    public var severity: Severity
    public var action: String?
    public var due: Day?
    public var owner: String?
    /// The generated form the finding has, when its item's plan made its JSON once; changing
    /// what that JSON says (item, message, deduction) forgets it.
    package var shape: FindingShape?

    /// Equal when everything said is equal, however it is written.
    public static func == (a: Finding, b: Finding) -> Bool {
        a.id == b.id && a.item == b.item && a.message == b.message && a.deduction == b.deduction && a.severity == b.severity
            && a.action == b.action && a.due == b.due && a.owner == b.owner
    }
}

/// A fault in a rule met while scoring (division by zero…): the score cannot be trusted.
public struct RuleError: Sendable, Equatable {
    public var item: String
    public var message: String
    public var location: SourceLocation?
}

/// A veto (一票否决) that fired: which one, and the grade it imposes.
public struct VetoHit: Sendable, Equatable {
    public var id: String
    public var title: String
    public var grade: String?
    public var zeroScore: Bool
}

/// Everything Kaohe says about one unit.
public struct UnitResult: Sendable {
    public var checklistID: String
    public var checklistVersion: String
    public var fingerprint: String
    public var unit: Unit
    public var asOf: Day
    public var source: String
    public var total: Rational
    public var grade: String?
    public var vetoes: [VetoHit]
    public var bonus: Rational
    public var penalty: Rational
    public var sections: [SectionResult]
    public var items: [ItemResult]
    public var findings: [Finding]
    public var errors: [RuleError]
    /// The unit's brand projects as screened against the checklist's standards.
    public var projects: [ProjectResult] = []

    /// The total as people see it: rounded half-up to 2 decimals.
    public var roundedTotal: Rational { DecimalMath.round(total) }
}
