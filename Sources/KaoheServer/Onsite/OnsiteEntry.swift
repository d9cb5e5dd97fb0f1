/// One assessor's on-site score (现场量化赋分) of one `manual` item of one unit in a round, as
/// kept: the points as decimal text (exact), how they were established, a note.
package struct OnsiteEntry: Sendable, Equatable {
    package var round: String
    package var unit: String
    package var item: String
    /// The assessor's user id, and the name their score sheet carries.
    package var assessor: String
    package var assessorName: String
    package var points: String
    /// One of the on-site methods: 现场查看、听取汇报、查阅资料、座谈交流、个别谈话.
    package var method: String
    package var note: String?
    package var savedAt: Int64

    package init(round: String, unit: String, item: String, assessor: String, assessorName: String = "",
                 points: String, method: String, note: String? = nil, savedAt: Int64 = 0) {
        self.round = round
        self.unit = unit
        self.item = item
        self.assessor = assessor
        self.assessorName = assessorName
        self.points = points
        self.method = method
        self.note = note
        self.savedAt = savedAt
    }
}

/// An assessor assigned by the committee to score a unit on site.
package struct Assignment: Sendable, Equatable {
    package var round: String
    package var unit: String
    package var assessor: String
    package var assessorName: String
}

/// A result as stored with a submission: the §6 JSON, and its total and grade for the lists.
package struct StoredResult: Sendable, Equatable {
    package var json: String
    package var total: String
    package var grade: String

    package init(json: String, total: String, grade: String) {
        self.json = json
        self.total = total
        self.grade = grade
    }
}
