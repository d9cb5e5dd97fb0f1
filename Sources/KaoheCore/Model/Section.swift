import Foundation

/// A section (板块) of a checklist: items and the penalties (扣分项) on them.
public struct Section: Sendable {
    public var id: Located<String>
    public var title: String
    public var items: [Item]
    public var penalties: [Penalty]
    public var origin: Origin

    /// Section points: the sum of its items' points.
    public var points: Rational { items.reduce(0) { $0 + $1.points } }
}

/// A deduction (扣分项): `points` when `when` holds, or `per` × `count` capped at `cap`.
public struct Penalty: Sendable {
    /// How much a penalty takes: a fixed number of points, or so much per counted case.
    public enum Amount: Sendable {
        case fixed(Rational)
        case perCount(per: Rational, count: ExpressionSource, cap: Rational?)
    }

    public var id: Located<String>
    public var title: String
    public var amount: Amount
    public var when: ExpressionSource?
    public var severity: Severity?
    public var finding: String?
    public var rectify: Rectify?
    public var origin: Origin
}

/// A bonus (加分项).
public struct Bonus: Sendable {
    public var id: Located<String>
    public var title: String
    public var points: Rational
    public var when: ExpressionSource
    public var origin: Origin
}

/// A veto (一票否决): caps the grade and, with `score: 0`, zeroes the total.
public struct Veto: Sendable {
    public var id: Located<String>
    public var title: String
    public var when: ExpressionSource
    public var grade: Located<String>?
    public var zeroScore: Bool
    public var origin: Origin
}

/// A grade band: the first band whose `min` is at most the rounded total.
public struct GradeBand: Sendable, Equatable {
    public var grade: String
    public var min: Rational
    public var location: SourceLocation
}

/// A unit category (分类考核).
public struct Category: Sendable {
    public var id: Located<String>
    public var title: String
}

/// Section weights for one unit category; each row sums to 100.
public struct WeightRow: Sendable {
    public var category: Located<String>
    public var weights: [(section: Located<String>, weight: Rational)]
    public var location: SourceLocation
}
