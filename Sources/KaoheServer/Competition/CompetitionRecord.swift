/// What the store holds of one competition (SPEC §9) run on a round: the daily scores (日常掌握)
/// entered by the committee, the units and finalists frozen when it named them, the jurors it
/// assigned, every juror's dimension scores, and whether scoring is closed.
package struct CompetitionRecord: Sendable, Equatable {
    /// The frozen field: the units that took part (accepted, so their inputs no longer change)
    /// and the finalists chosen from them.
    package struct Named: Sendable, Equatable {
        package var units: [String]
        package var finalists: [String]
        package var by: String
        package var at: Int64
    }

    package var round: String
    package var competition: String
    /// Unit id → daily score as exact decimal text.
    package var daily: [String: String]
    package var named: Named?
    package var jurors: [Juror]
    package var scores: [JuryEntry]
    package var closedAt: Int64?

    package var isClosed: Bool { closedAt != nil }

    /// A juror (评委) assigned to score the competition's finalists.
    package struct Juror: Sendable, Equatable {
        package var id: String
        package var name: String
    }

    /// The finalists a juror has scored (every dimension: a finalist's scores are saved together).
    package func scored(by juror: String) -> Set<String> {
        Set(scores.filter { $0.juror == juror }.map(\.unit))
    }

    /// The jurors who have scored a finalist.
    package func jurors(of unit: String) -> [String] {
        Array(Set(scores.filter { $0.unit == unit }.map(\.juror))).sorted()
    }
}

/// One juror's points for one dimension of one finalist, as exact decimal text.
package struct JuryEntry: Sendable, Equatable {
    package var juror: String
    package var unit: String
    package var dimension: String
    package var points: String

    package init(juror: String, unit: String, dimension: String, points: String) {
        self.juror = juror
        self.unit = unit
        self.dimension = dimension
        self.points = points
    }
}
