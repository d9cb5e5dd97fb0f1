import Foundation
import KaoheCore

/// `common.annual-meetings` — 组织生活会 and 民主评议党员, each at least once a year. Before the
/// period has ended a missing one is only a reminder; after it, each costs half the points.
package struct AnnualMeetingsCheck: Check {
    static let kinds = ["组织生活会", "民主评议党员"]

    package static let description = CheckDescription(
        id: "common.annual-meetings",
        title: "组织生活会和民主评议党员",
        rationale: """
            党支部每年至少召开1次组织生活会（一般安排在第四季度），每年开展1次民主评议党员。考核期结束时仍未召开的，每项扣一半分值；\
            考核期未结束的，只作提醒。Reads meetings (records with kind and date).
            """,
        reads: [.records("meetings", [("kind", .string), ("date", .date)])],
        examples: [
            CheckExample("both held in the fourth quarter", facts: ["meetings": .list(MeetingFrequencyCheck.meetings("组织生活会", months: [11])
                                                                                     + MeetingFrequencyCheck.meetings("民主评议党员", months: [12]))],
                         asOf: "2026-12-31", fraction: 1),
            CheckExample("the year is over and no 民主评议党员", facts: ["meetings": .list(MeetingFrequencyCheck.meetings("组织生活会", months: [12]))],
                         asOf: "2027-01-10", period: ("2026-01-01", "2026-12-31"), fraction: Rational(parsing: "0.5") ?? 0,
                         messages: ["考核期内未开展民主评议党员"]),
            CheckExample("November: not yet due, a reminder only", facts: ["meetings": .list([])],
                         asOf: "2026-11-30", period: ("2026-01-01", "2026-12-31"), fraction: 1,
                         messages: ["提醒：年度组织生活会尚未召开", "提醒：年度民主评议党员尚未召开"]),
        ]
    )

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let span = context.assessedSpan
        let periodOver = context.period.map { context.asOf >= $0.to } ?? true
        var missing: [String] = []
        var explanation: [String] = []
        var findings: [CheckFinding] = []
        for kind in Self.kinds {
            let held = MeetingCalendar.dates(of: kind, in: context.list("meetings"), span: span)
            explanation.append("\(kind)：\(held.isEmpty ? "未召开" : "已于 " + held.map(\.description).joined(separator: "、") + " 召开")")
            guard held.isEmpty else { continue }
            missing.append(kind)
            findings.append(periodOver ? CheckFinding("考核期内未开展\(kind)", severity: .major)
                                       : CheckFinding("提醒：年度\(kind)尚未召开", severity: .notice))
        }
        guard periodOver else {
            return CheckOutcome(fraction: 1, explanation: explanation + ["考核期未结束，仅作提醒"], findings: findings)
        }
        return .share(met: Self.kinds.count - missing.count, of: Self.kinds.count, explanation: explanation, findings: findings)
    }
}
