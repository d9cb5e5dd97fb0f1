import Foundation
import KaoheCore

/// `common.branch-composition` — 支部设置: a branch needs at least 3 full members; with 7 or more
/// it sets up a branch committee; over 50 members it should be split.
package struct BranchCompositionCheck: Check {
    package static let description = CheckDescription(
        id: "common.branch-composition",
        title: "党支部设置",
        rationale: """
            《中国共产党支部工作条例（试行）》：有正式党员3人以上的应当成立党支部，不足3人的成立联合党支部；\
            正式党员7人以上的党支部设立支部委员会；党支部党员人数一般不超过50名。每项不符合扣三分之一分值。
            Reads full_members (正式党员), members (党员总数, including 预备党员) and has_committee.
            """,
        reads: [CheckFact("full_members", .number), CheckFact("members", .number), CheckFact("has_committee", .bool)],
        examples: [
            CheckExample("12 full members with a committee", facts: ["full_members": .number(12), "members": .number(14), "has_committee": .bool(true)],
                         asOf: "2026-11-30", fraction: 1),
            CheckExample("9 full members but no committee", facts: ["full_members": .number(9), "members": .number(10), "has_committee": .bool(false)],
                         asOf: "2026-11-30", fraction: Rational(2) / Rational(3), messages: ["正式党员9人，应设立支部委员会"]),
            CheckExample("2 full members alone, 58 members in all", facts: ["full_members": .number(2), "members": .number(58), "has_committee": .bool(false)],
                         asOf: "2026-11-30", fraction: Rational(1) / Rational(3),
                         messages: ["正式党员仅2人，不足3人，应与邻近单位成立联合党支部", "党员58人，超过50人，应考虑分设党支部"]),
        ]
    )

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let full = context.number("full_members") ?? 0, members = context.number("members") ?? 0
        let committee = context.facts["has_committee"]?.bool ?? false
        let f = DecimalMath.format(full), m = DecimalMath.format(members)
        var findings: [CheckFinding] = []
        if full < 3 { findings.append(CheckFinding("正式党员仅\(f)人，不足3人，应与邻近单位成立联合党支部", severity: .major)) }
        if full >= 7 && !committee { findings.append(CheckFinding("正式党员\(f)人，应设立支部委员会", severity: .major)) }
        if members > 50 { findings.append(CheckFinding("党员\(m)人，超过50人，应考虑分设党支部", severity: .minor)) }
        return .share(met: 3 - findings.count, of: 3,
                      explanation: ["正式党员 \(f) 人，党员 \(m) 人，\(committee ? "已" : "未")设支部委员会"], findings: findings)
    }
}
