import KaoheCore

/// `leshan-shizhong.party-affairs-training` — 党务培训: each branch secretary and Party-affairs
/// cadre of the unit attends the district's 党务培训 at least `sessions` times in the period (市中区
/// held 2 sessions, 250+ attendances). The share who did earns the points; those who did not are
/// named in the finding.
package struct PartyAffairsTrainingCheck: Check {
    package static let description = CheckDescription(
        id: "leshan-shizhong.party-affairs-training",
        title: "党组织书记和党务干部参加党务培训",
        rationale: """
            区里组织党组织书记、党务干部党务培训（市中区举办2期、培训250余人次）。每人考核期内至少参加 sessions 期\
            （期数为区里的选择，可在清单中调整）；按达到要求的人数占比计分。\
            Reads party_affairs_staff (names) and training_attendance (records with name and date).
            """,
        parameters: [CheckParameter("sessions", .number, default: .number(1), summary: "sessions each secretary or Party-affairs cadre attends")],
        reads: [CheckFact("party_affairs_staff", .list(.string)), .records("training_attendance", [("name", .string), ("date", .date)])],
        examples: [
            CheckExample("both attended a session", facts: [
                "party_affairs_staff": .list([.string("陈某"), .string("郑某")]),
                "training_attendance": .list([attendance("陈某", 4), attendance("郑某", 9)]),
            ], asOf: "2026-11-30", fraction: 1),
            CheckExample("one of three did not attend", facts: [
                "party_affairs_staff": .list([.string("陈某"), .string("郑某"), .string("吴某")]),
                "training_attendance": .list([attendance("陈某", 4), attendance("郑某", 9)]),
            ], asOf: "2026-11-30", fraction: Rational(2, 3), messages: ["吴某未参加党务培训"]),
        ]
    )

    static func attendance(_ name: String, _ month: Int) -> Value {
        Day(year: 2026, month: month, day: 10).map { Value.record(["name": .string(name), "date": .date($0)]) } ?? .missing(["date"])
    }

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let needed = context.int(parameter: "sessions")
        let span = context.assessedSpan
        let staff = context.list("party_affairs_staff").compactMap(\.string)
        var attended: [String: Int] = [:]
        for row in context.list("training_attendance") {
            guard let name = row[field: "name"].string, case .date(let day) = row[field: "date"], day >= span.from, day <= span.to else { continue }
            attended[name, default: 0] += 1
        }
        let missing = staff.filter { attended[$0, default: 0] < needed }
        let findings = missing.isEmpty ? [] : [CheckFinding(missing.joined(separator: "、") + (needed == 1 ? "未参加党务培训" : "参加党务培训不足\(needed)期"), severity: .minor)]
        return .share(met: staff.count - missing.count, of: staff.count,
                      explanation: ["党组织书记和党务干部 \(staff.count) 名，参加党务培训不少于 \(needed) 期的 \(staff.count - missing.count) 名"],
                      findings: findings)
    }
}
