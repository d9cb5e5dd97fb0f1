import Foundation

/// One clause of a checklist: what is checked, its standard points and how they are earned.
public struct Item: Sendable {
    public var id: Located<String>
    public var title: String
    public var points: Rational
    public var score: ScoreMethod
    /// Unit categories the item applies to; nil for all.
    public var appliesTo: [Located<String>]?
    /// A condition under which the item applies.
    public var when: ExpressionSource?
    public var evidence: [String] = []
    /// The finding's message template, with `{name}` placeholders.
    public var finding: String?
    public var rectify: Rectify?
    /// `exclude`: a missing fact makes the item not applicable instead of `missing`.
    public var excludeWhenMissing = false
    public var origin: Origin

    package init(id: Located<String>, title: String, points: Rational, score: ScoreMethod, origin: Origin) {
        self.id = id
        self.title = title
        self.points = points
        self.score = score
        self.origin = origin
    }
}

/// How an item's points are earned (exactly one per item).
public enum ScoreMethod: Sendable {
    case binary(ExpressionSource)
    case expr(ExpressionSource)
    case thresholds(value: ExpressionSource, steps: [ThresholdStep])
    case ratio(of: ExpressionSource, over: ExpressionSource, fullAt: Rational, whenZeroFull: Bool)
    case deduct(per: Rational, count: ExpressionSource, cap: Rational?)
    case check(id: Located<String>, with: [String: YAMLNode], location: SourceLocation)
    case manual

    /// The method's name as written in YAML (`threshold`, `check`, `manual`…).
    public var name: String {
        switch self {
        case .binary: return "binary"
        case .expr: return "expr"
        case .thresholds: return "thresholds"
        case .ratio: return "ratio"
        case .deduct: return "deduct"
        case .check: return "check"
        case .manual: return "manual"
        }
    }
}

/// One step of a threshold ladder: at least `min` earns `points`.
public struct ThresholdStep: Sendable {
    public var min: Rational
    public var points: Rational
    public var location: SourceLocation
}

/// What a unit must do about a finding, by when, and who answers for it.
public struct Rectify: Sendable {
    public var action: String?
    public var within: Duration?
    public var severity: Severity?
    public var owner: String?

    /// No rectification details: the finding's message alone.
    public init() {}
}

/// How serious a finding is.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case veto, major, minor, notice, error

    var rank: Int {
        switch self {
        case .error: return 0
        case .veto: return 1
        case .major: return 2
        case .minor: return 3
        case .notice: return 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Where a resolved element came from: the checklist that defined it, and any overlays that changed it.
public struct Origin: Sendable, Equatable {
    public var checklist: String
    public var location: SourceLocation
    public var modifiedBy: [Modifier] = []

    /// An overlay that changed the element, and where it did.
    public struct Modifier: Sendable, Equatable {
        public var checklist: String
        public var location: SourceLocation
    }

    package init(checklist: String, location: SourceLocation) {
        self.checklist = checklist
        self.location = location
    }
}
