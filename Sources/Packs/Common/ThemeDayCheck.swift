import Foundation
import KaoheCore

/// `common.theme-day` — 主题党日: one fixed day a month. Every month of the period that has
/// ended by the as-of date needs at least one 主题党日; each month without one costs `per` points.
package struct ThemeDayCheck: Check {
    package static let description = CheckDescription(
        id: "common.theme-day",
        title: "主题党日",
        rationale: """
            党支部每月相对固定1天开展主题党日活动。按考核期内截至考核日已结束的月份逐月检查，每缺一个月扣 per 分。
            Reads meetings (records with kind and date), counting those of kind 主题党日.
            """,
        parameters: [CheckParameter("per", .number, default: .number(1), summary: "points deducted per month without a 主题党日")],
        reads: [.records("meetings", [("kind", .string), ("date", .date)])],
        examples: [
            CheckExample("a 主题党日 every month", facts: ["meetings": .list(MeetingFrequencyCheck.meetings("主题党日", months: 1...11))],
                         asOf: "2026-11-30", fraction: 1),
            CheckExample("two in March do not make up for April and July",
                         facts: ["meetings": .list(MeetingFrequencyCheck.meetings("主题党日", months: [1, 2, 3, 3, 5, 6, 8, 9, 10, 11]))],
                         asOf: "2026-11-30", fraction: Rational(parsing: "0.8") ?? 0,
                         messages: ["2026年4月、2026年7月未开展主题党日"]),
        ]
    )

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let span = context.assessedSpan
        let dates = MeetingCalendar.dates(of: "主题党日", in: context.list("meetings"), span: span)
        let months = MeetingCalendar.periods(.monthly, in: span)
        let missed = months.filter { month in !dates.contains { $0 >= month.from && $0 <= month.to } }
        let explanation = ["应开展 \(months.count) 个月，已开展 \(months.count - missed.count) 个月"]
        let findings = missed.isEmpty ? [] : [CheckFinding(missed.map { MeetingCalendar.label($0, .monthly) }.joined(separator: "、") + "未开展主题党日", severity: .minor)]
        return .deducting(count: Rational(missed.count), per: context.number(parameter: "per"), points: context.points,
                          explanation: explanation, findings: findings)
    }
}
