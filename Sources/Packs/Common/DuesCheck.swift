import Foundation
import KaoheCore

/// `common.dues` — 党费收缴: dues are paid monthly. Each unpaid person-month costs `per` points;
/// six months or more unpaid is a major finding (treated as leaving the Party unless justified).
package struct DuesCheck: Check {
    package static let description = CheckDescription(
        id: "common.dues",
        title: "按月足额交纳党费",
        rationale: """
            党员应按月交纳党费（中组发〔2008〕3号）；连续6个月不交纳党费且无正当理由的，按自行脱党处理。\
            党员未按月足额交党费，每人每次扣 per 分。Reads dues (records with member and months_unpaid).
            """,
        parameters: [CheckParameter("per", .number, default: .number(Rational(parsing: "0.1") ?? 0), summary: "points per member per unpaid month")],
        reads: [.records("dues", [("member", .string), ("months_unpaid", .number)])],
        examples: [
            CheckExample("everyone paid", facts: ["dues": .list([.record(["member": .string("张某"), "months_unpaid": .number(0)])])],
                         asOf: "2026-11-30", fraction: 1),
            CheckExample("two months behind, and one member six months", facts: ["dues": .list([
                .record(["member": .string("李某"), "months_unpaid": .number(2)]),
                .record(["member": .string("王某"), "months_unpaid": .number(6)]),
            ])], asOf: "2026-11-30", fraction: Rational(parsing: "0.92") ?? 0,
                         messages: ["党员李某有2个月未按月交纳党费", "党员王某连续6个月未交纳党费，应按规定处置"]),
        ]
    )

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        var total: Rational = 0
        var findings: [CheckFinding] = []
        for record in context.list("dues") {
            guard let member = record[field: "member"].string, let months = record[field: "months_unpaid"].number, months > 0 else { continue }
            total += months
            let n = DecimalMath.format(months)
            findings.append(months >= 6 ? CheckFinding("党员\(member)连续\(n)个月未交纳党费，应按规定处置", severity: .major)
                                        : CheckFinding("党员\(member)有\(n)个月未按月交纳党费", severity: .minor))
        }
        return .deducting(count: total, per: context.number(parameter: "per"), points: context.points,
                          explanation: ["欠缴党费合计 \(DecimalMath.format(total)) 人次月"], findings: findings)
    }
}
