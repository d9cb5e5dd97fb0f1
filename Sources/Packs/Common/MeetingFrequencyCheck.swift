import Foundation
import KaoheCore

/// `common.meeting-frequency` — 三会一课: 支部党员大会 quarterly, 支委会 monthly, 党小组会 monthly,
/// 党课 quarterly, counted over the months and quarters of the period that have ended by the
/// as-of date. Each missing meeting costs `per` points; each kind short of its count is a finding.
package struct MeetingFrequencyCheck: Check {
    static let requirements: [(kind: String, frequency: MeetingCalendar.Frequency)] = [
        ("支部党员大会", .quarterly), ("支委会", .monthly), ("党小组会", .monthly), ("党课", .quarterly),
    ]

    package static let description = CheckDescription(
        id: "common.meeting-frequency",
        title: "三会一课",
        rationale: """
            《中国共产党支部工作条例（试行）》：支部党员大会一般每季度召开1次，支部委员会一般每月召开1次，\
            党小组会一般每月召开1次，党课一般每季度1次。按考核期内截至考核日已结束的月份、季度计算应开次数，每少开一次扣 per 分。
            Reads meetings (records with kind and date); kinds limits which of the four are checked.
            """,
        parameters: [
            CheckParameter("per", .number, default: .number(1), summary: "points deducted per missing meeting"),
            CheckParameter("kinds", .list(.string), default: .list(requirements.map { .string($0.kind) }),
                           summary: "which of 支部党员大会、支委会、党小组会、党课 to check"),
        ],
        reads: [.records("meetings", [("kind", .string), ("date", .date)])],
        examples: [
            CheckExample("every meeting held: full points",
                         facts: ["meetings": .list(meetings("支委会", months: 1...11) + meetings("支部党员大会", months: [2, 5, 8])
                                                   + meetings("党小组会", months: 1...11) + meetings("党课", months: [3, 6, 9]))],
                         asOf: "2026-11-30", fraction: 1),
            CheckExample("支委会 three short and no 党课: 6 meetings missing of 10 points",
                         facts: ["meetings": .list(meetings("支委会", months: 1...8) + meetings("支部党员大会", months: [2, 5, 8])
                                                   + meetings("党小组会", months: 1...11))],
                         asOf: "2026-11-30", fraction: Rational(parsing: "0.4") ?? 0,
                         messages: ["支委会少开3次（每月1次，应开11次，实开8次）", "党课少开3次（每季度1次，应开3次，实开0次）"]),
            CheckExample("only 支委会 checked, mid-month as-of: November is not over yet",
                         facts: ["meetings": .list(meetings("支委会", months: 1...10))],
                         parameters: ["kinds": .list([.string("支委会")])], asOf: "2026-11-15", fraction: 1),
        ]
    )

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let span = context.assessedSpan
        let kinds = context.strings(parameter: "kinds")
        let meetings = context.list("meetings")
        var shortfall = 0
        var findings: [CheckFinding] = []
        var explanation = ["考核区间 \(span.from) 至 \(span.to)"]
        for (kind, frequency) in Self.requirements where kinds.contains(kind) {
            let required = MeetingCalendar.periods(frequency, in: span).count
            let held = MeetingCalendar.dates(of: kind, in: meetings, span: span).count
            explanation.append("\(kind)：\(frequency.label)1次，应开 \(required) 次，实开 \(held) 次")
            if held < required {
                shortfall += required - held
                findings.append(CheckFinding("\(kind)少开\(required - held)次（\(frequency.label)1次，应开\(required)次，实开\(held)次）", severity: .minor))
            }
        }
        return .deducting(count: Rational(shortfall), per: context.number(parameter: "per"), points: context.points,
                          explanation: explanation, findings: findings)
    }

    static func meetings(_ kind: String, months: some Sequence<Int>) -> [Value] {
        months.map { .record(["kind": .string(kind), "date": .day("2026-\(Day.padded($0, 2))-15")]) }
    }
}
