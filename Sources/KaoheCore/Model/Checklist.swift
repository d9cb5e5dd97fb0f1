import Foundation

/// A checklist (`kind: checklist`) as written: a base checklist, or an overlay that
/// `extends` another and `modify`s it.
public struct ChecklistDocument: Sendable {
    public var id: Located<String>
    public var extends: Located<String>?
    public var version: String?
    public var title: String?
    public var locale: String?
    public var packs: [Located<String>] = []
    /// The standards (`kind: standards`) that screen the unit's brand projects.
    public var standards: Located<String>?
    public var period: (from: Day, to: Day)?
    public var facts: [FactSpec] = []
    public var categories: [Category] = []
    public var weights: [WeightRow] = []
    public var grades: [GradeBand]?
    public var sections: [Section] = []
    public var penalties: [Penalty] = []
    public var vetoes: [Veto] = []
    public var bonusCap: Rational?
    public var bonuses: [Bonus] = []
    public var modifications: [Modification] = []
    public var location: SourceLocation

    package init(id: Located<String>, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// One change an overlay makes to the checklist it extends.
public enum Modification: Sendable {
    /// `{item: ID, set: {…}}` or `{section: ID, set: {…}}`: the keys given replace the target's.
    case set(target: Located<String>, isSection: Bool, fields: YAMLNode, location: SourceLocation)
    /// `{remove: ID}`: an item, section, penalty, bonus or veto.
    case remove(Located<String>, location: SourceLocation)
    /// `{add_to: SECTION, items: […], penalties: […]}`.
    case addTo(section: Located<String>, items: [Item], penalties: [Penalty], location: SourceLocation)
}

/// A checklist after its overlays are applied: what units are scored against.
public struct Checklist: Sendable {
    public var id: String
    public var version: String
    public var title: String
    public var locale: String
    public var packs: [String]
    public var standards: Located<String>?
    public var period: (from: Day, to: Day)?
    public var facts: [FactSpec]
    public var categories: [Category]
    public var weights: [WeightRow]
    public var grades: [GradeBand]
    public var sections: [Section]
    public var penalties: [Penalty]
    public var vetoes: [Veto]
    public var bonusCap: Rational?
    public var bonuses: [Bonus]
    /// The chain from this checklist to its root base, this one first.
    public var lineage: [String]
    public var location: SourceLocation

    /// The full score P: the sum of section points.
    public var points: Rational { sections.reduce(0) { $0 + $1.points } }

    /// The category weights (分类权重) row for units of `category`, if the checklist has one.
    public func weights(for category: String) -> WeightRow? {
        weights.first { $0.category.value == category }
    }
}
