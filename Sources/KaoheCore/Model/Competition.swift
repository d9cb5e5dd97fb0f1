import Foundation

/// A brand-project competition (`kind: competition`, SPEC §9): screening against standards, an
/// on-site checklist, finalists, a jury with trimmed means, and a weighted final score.
public struct Competition: Sendable {
    /// One dimension the jury scores (创新性、实效性…), out of its points.
    public struct Dimension: Sendable {
        public var id: String
        public var title: String
        public var points: Rational
    }

    /// A score that can break ties: the jury, on-site or day-to-day score.
    public enum Stage: String, Sendable, CaseIterable {
        case jury, onsite, daily

        /// The stage in Chinese: 评委、现场、日常.
        public var label: String {
            switch self {
            case .jury: return "评委"
            case .onsite: return "现场"
            case .daily: return "日常"
            }
        }
    }

    public var id: Located<String>
    public var title: String
    public var standards: Located<String>
    public var onsite: Located<String>
    public var finalists: Int
    public var winners: Int
    public var eligible: [String]
    public var trim: Int
    public var trimLocation: SourceLocation
    public var dimensions: [Dimension]
    public var weights: [Stage: Rational]
    public var tieBreak: [Stage]
    public var location: SourceLocation

    /// The fewest judges a finalist needs: three kept after trimming.
    public var judgesNeeded: Int { 3 + 2 * trim }

    public var dimensionPoints: Rational { dimensions.reduce(0) { $0 + $1.points } }
}

/// An on-site assessor's score for a `manual` item (现场量化赋分), with how it was established.
public struct OnsiteScore: Sendable, Equatable {
    public var points: Rational
    public var method: String
    public var assessor: String
    public var note: String?

    package init(points: Rational, method: String, assessor: String, note: String? = nil) {
        self.points = points
        self.method = method
        self.assessor = assessor
        self.note = note
    }
}

/// One judge's sheet: dimension points per finalist.
public struct JurySheet: Sendable {
    public var judge: String
    public var judgeName: String
    public var scores: [String: [String: Rational]]
    public var location: SourceLocation
    public var unitLocations: [String: SourceLocation]
}
