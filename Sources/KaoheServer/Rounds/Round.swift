import KaoheCore

/// An assessment round: one checklist, one as-of date, the units taking part (SPEC §12).
package struct Round: Sendable, Equatable {
    package enum State: String, Sendable {
        case open, closed
    }

    package var id: String
    package var checklist: String
    package var asOf: Day
    package var state: State = .open

    package init(id: String, checklist: String, asOf: Day, state: State = .open) {
        self.id = id
        self.checklist = checklist
        self.asOf = asOf
        self.state = state
    }

    /// A round's id goes into addresses: ASCII letters, digits, `-`, `_` and `.`, 1 to 64 of them.
    package static func isValid(id: String) -> Bool {
        (1...64).contains(id.count) && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}

/// Where a unit's self-assessment stands in a round.
package enum SubmissionStatus: String, Sendable, CaseIterable {
    case none, draft, submitted, returned, accepted

    /// The status in Chinese: 未开始、草稿、已提交、已退回、已受理.
    package var label: String {
        switch self {
        case .none: "未开始"
        case .draft: "草稿"
        case .submitted: "已提交"
        case .returned: "已退回"
        case .accepted: "已受理"
        }
    }

    /// Whether the unit may still change its draft.
    package var isEditable: Bool { self == .none || self == .draft || self == .returned }
    /// Submitted or accepted: the unit has a result.
    package var hasResult: Bool { self == .submitted || self == .accepted }
}

/// A unit in a round, with its status and, once submitted, its total and grade.
package struct RoundUnit: Sendable, Equatable {
    package var round: String
    package var unit: KaoheCore.Unit
    package var status: SubmissionStatus = .none
    /// Why the committee returned it, shown to the unit.
    package var reason: String?
    package var total: String?
    package var grade: String?

    package init(round: String, unit: KaoheCore.Unit, status: SubmissionStatus = .none) {
        self.round = round
        self.unit = unit
        self.status = status
    }
}

/// One saved version of a unit's draft (every version is kept).
package struct DraftVersion: Sendable, Equatable {
    package var version: Int
    /// The self-assessment as §5 JSON, exactly as saved.
    package var document: String
    package var savedBy: String
    package var savedAt: Int64
}
