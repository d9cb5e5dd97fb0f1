import Foundation

/// A unit's self-assessment (自评), decoded against a checklist.
public struct SelfAssessment: Sendable {
    public var source: String
    public var checklist: String?
    public var unit: Unit
    public var asOf: Day?
    /// Fact values by the plan's slots; `.missing` where the unit gave none.
    public var facts: [Value] {
        get { tables.isEmpty ? storedFacts : tables.materialized(storedFacts) }
        set {
            storedFacts = newValue
            tables = FactTables()
        }
    }
    /// The fact values as decoded: a list the fast lane read as a table has a placeholder here.
    package private(set) var storedFacts: [Value]
    /// The list facts the fast lane read as tables of records.
    package private(set) var tables: FactTables
    public var responses: [String: Response]
    /// The unit's brand projects, with their fields by the standards' slots.
    public var projects: [ProjectInput] = []
    /// On-site assessors' scores for manual items (from score sheets), by item id.
    public var onsite: [String: OnsiteScore] = [:]
    public var location: SourceLocation

    package init(source: String, checklist: String?, unit: Unit, asOf: Day?, facts: [Value], tables: FactTables = FactTables(),
                responses: [String: Response], location: SourceLocation) {
        self.source = source
        self.checklist = checklist
        self.unit = unit
        self.asOf = asOf
        storedFacts = facts
        self.tables = tables
        self.responses = responses
        self.location = location
    }
}

/// The unit being assessed (单位).
public struct Unit: Sendable, Hashable {
    public var id: String
    public var name: String
    public var category: String?

    /// A unit with its id, name and category (机关类别).
    public init(id: String, name: String, category: String?) {
        self.id = id
        self.name = name
        self.category = category
    }
}

/// A unit's own answer for one item: its self score (自评分) and the evidence it points to.
public struct Response: Sendable {
    public var selfScore: Rational?
    public var evidence: [Evidence]
    public var note: String?

    package init(selfScore: Rational? = nil, evidence: [Evidence] = [], note: String? = nil) {
        self.selfScore = selfScore
        self.evidence = evidence
        self.note = note
    }
}

/// A reference to evidence (a document number, file or link) the unit gives for an item.
public struct Evidence: Sendable, Hashable {
    public var title: String
    public var ref: String?
}

/// A brand project as submitted: the project, and its field values by the standards' slots.
public struct ProjectInput: Sendable {
    public var project: Project
    public var values: [Value]
}
