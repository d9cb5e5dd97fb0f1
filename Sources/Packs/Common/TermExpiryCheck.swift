import Foundation
import KaoheCore

/// `common.term-expiry`: has the organisation re-elected on time (按期换届)?
///
/// The term ends `term_years` after `last_election` (same day of month, clamped to the
/// month's end). Expired → no points and a major finding 未按期换届; ending within
/// `warn_before` of the as-of date → all points and a 换届提醒 notice; later → all points.
package struct TermExpiryCheck: Check {
    package static let description = CheckDescription(
        id: "common.term-expiry",
        title: "按期换届",
        rationale: """
            基层党组织任期届满应按期换届（党委5年，总支和支部3年）；上级党组织一般在任期届满前约6个月提醒。\
            Term ends = last_election + term_years; expired → 0 points (major), due within warn_before → notice.
            """,
        parameters: [
            CheckParameter("warn_before", .duration, default: .duration(Duration(days: 180)),
                           summary: "how long before the term ends a reminder (换届提醒) is raised"),
        ],
        reads: [CheckFact("last_election", .date), CheckFact("term_years", .number)],
        examples: [
            CheckExample("term ends long after as-of: full points, no finding",
                         facts: ["last_election": .day("2023-05-10"), "term_years": .number(5)],
                         parameters: ["warn_before": .duration(Duration(days: 180))],
                         asOf: "2026-11-30", fraction: 1),
            CheckExample("term ends within warn_before: full points and a reminder",
                         facts: ["last_election": .day("2023-12-01"), "term_years": .number(3)],
                         parameters: ["warn_before": .duration(Duration(days: 180))],
                         asOf: "2026-11-30", fraction: 1, messages: ["换届提醒：任期将于 2026-12-01 届满"]),
            CheckExample("term ended before as-of: no points, major finding",
                         facts: ["last_election": .day("2021-06-30"), "term_years": .number(5)],
                         asOf: "2026-11-30", fraction: 0, messages: ["未按期换届（超期 153 天）"]),
            CheckExample("term ends on the as-of date itself: still due, a reminder",
                         facts: ["last_election": .day("2023-11-30"), "term_years": .number(3)],
                         asOf: "2026-11-30", fraction: 1, messages: ["换届提醒：任期将于 2026-11-30 届满"]),
            CheckExample("elected on 29 February: the term ends on 28 February",
                         facts: ["last_election": .day("2024-02-29"), "term_years": .number(3)],
                         parameters: ["warn_before": .duration(Duration(days: 90))],
                         asOf: "2027-01-15", fraction: 1, messages: ["换届提醒：任期将于 2027-02-28 届满"]),
        ]
    )

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        guard case .date(let elected) = context.facts["last_election"],
              case .number(let years) = context.facts["term_years"] else {
            return CheckOutcome(fraction: 0, explanation: ["换届信息缺失"])
        }
        guard let whole = DecimalMath.int(years), whole > 0, whole <= 100 else {
            throw EvaluationFault("term_years must be a positive whole number, not \(DecimalMath.format(years))")
        }
        guard let ends = elected.adding(months: 12 * whole) else {
            throw EvaluationFault("term end date is out of range")
        }
        let warn = context.duration(parameter: "warn_before")
        let horizon = context.asOf.adding(warn) ?? context.asOf
        var explanation = ["\(context.title(of: "last_election")) \(elected)，\(context.title(of: "term_years")) = \(whole)，任期 \(ends) 届满"]
        if ends < context.asOf {
            let overdue = ends.ordinal < context.asOf.ordinal ? context.asOf.ordinal - ends.ordinal : 0
            explanation.append("考核日期 \(context.asOf) 已超期 \(overdue) 天 → 不得分")
            return CheckOutcome(fraction: 0, explanation: explanation,
                                findings: [CheckFinding("未按期换届（超期 \(overdue) 天）", severity: .major)],
                                outputs: ["ends": ends.description, "overdue": String(overdue)])
        }
        if ends <= horizon {
            explanation.append("届满日在考核日期后 \(warn.chinese)（\(horizon)）之内 → 得分并提醒换届")
            return CheckOutcome(fraction: 1, explanation: explanation,
                                findings: [CheckFinding("换届提醒：任期将于 \(ends) 届满", severity: .notice)],
                                outputs: ["ends": ends.description])
        }
        explanation.append("届满日晚于考核日期后 \(warn.chinese)（\(horizon)）")
        return CheckOutcome(fraction: 1, explanation: explanation, outputs: ["ends": ends.description])
    }
}
