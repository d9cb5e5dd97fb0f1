import Foundation
import KaoheCore

/// `leshan-shizhong.term-ledger` — 换届提醒台账: every Party organisation of the unit (党委 5-year
/// terms, 总支 and 支部 3-year) with its term end; overdue ones are major findings, those due
/// within `within` are reminders. Across units, the findings of a batch are the district's ledger.
package struct TermLedgerCheck: Check {
    package static let description = CheckDescription(
        id: "leshan-shizhong.term-ledger",
        title: "换届提醒台账",
        rationale: """
            基层党委每届5年，党总支、党支部每届3年；上级党组织在任期届满前约6个月提醒。到期未换届的逐个列出（超期天数），\
            即将到期的列为提醒。Reads organisations (records with name, kind 党委/总支/支部 and last_election).
            """,
        parameters: [
            CheckParameter("within", .duration, default: .duration(Duration(days: 180)), summary: "remind this long before a term ends"),
            CheckParameter("committee_years", .number, default: .number(5), summary: "term of a 党委"),
            CheckParameter("branch_years", .number, default: .number(3), summary: "term of a 总支 or 支部"),
        ],
        reads: [.records("organisations", [("name", .string), ("kind", .string), ("last_election", .date)])],
        examples: [
            CheckExample("all terms run well past the horizon", facts: ["organisations": .list([
                org("机关党委", "党委", "2024-03-01"), org("第一党支部", "支部", "2025-06-01"),
            ])], asOf: "2026-11-30", fraction: 1),
            CheckExample("one branch overdue, one due in January", facts: ["organisations": .list([
                org("机关党委", "党委", "2022-07-01"), org("第一党支部", "支部", "2023-06-30"), org("第二党支部", "支部", "2024-01-15"),
            ])], asOf: "2026-11-30", fraction: Rational(2) / Rational(3),
                         messages: ["「第一党支部」任期已于 2026-06-30 届满，超期 153 天未换届", "「第二党支部」任期将于 2027-01-15 届满，请做好换届准备"]),
        ]
    )

    static func org(_ name: String, _ kind: String, _ elected: String) -> Value {
        .record(["name": .string(name), "kind": .string(kind), "last_election": .day(elected)])
    }

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let orgs = context.list("organisations")
        let within = context.duration(parameter: "within")
        let committee = context.int(parameter: "committee_years")
        let branch = context.int(parameter: "branch_years")
        let horizon = context.asOf.adding(within) ?? context.asOf
        var findings: [CheckFinding] = []
        var overdue = 0
        var explanation: [String] = []
        for org in orgs {
            guard let name = org[field: "name"].string, let elected = org[field: "last_election"].day else { continue }
            let years = org[field: "kind"].string == "党委" ? committee : branch
            guard let ends = elected.adding(months: 12 * years) else { continue }
            explanation.append("\(name)：\(elected) 换届，任期 \(years) 年，\(ends) 届满")
            if ends < context.asOf {
                overdue += 1
                findings.append(CheckFinding("「\(name)」任期已于 \(ends) 届满，超期 \(context.asOf.ordinal - ends.ordinal) 天未换届", severity: .major))
            } else if ends <= horizon {
                findings.append(CheckFinding("「\(name)」任期将于 \(ends) 届满，请做好换届准备", severity: .notice))
            }
        }
        return .share(met: orgs.count - overdue, of: orgs.count, explanation: explanation, findings: findings)
    }
}
