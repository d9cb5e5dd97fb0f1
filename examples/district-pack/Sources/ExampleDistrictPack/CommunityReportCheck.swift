import Foundation
import KaoheCore

/// `example-district.community-report` — 双报到: every serving member of an organ unit reports to
/// the community where they live and serves there. The share of members who have reported earns
/// the points; those who have not are a finding.
public struct CommunityReportCheck: Check {
    public static let description = CheckDescription(
        id: "example-district.community-report",
        title: "在职党员到社区双报到",
        rationale: "机关在职党员到居住地社区报到、参加志愿服务。按已报到人数占在职党员人数的比例计分。",
        reads: [CheckFact("serving_members", .number), CheckFact("reported_members", .number)],
        examples: [
            CheckExample("all 20 reported", facts: ["serving_members": .number(20), "reported_members": .number(20)],
                         asOf: "2026-11-30", fraction: 1),
            CheckExample("15 of 20 reported", facts: ["serving_members": .number(20), "reported_members": .number(15)],
                         asOf: "2026-11-30", fraction: Rational(parsing: "0.75") ?? 0, messages: ["5名在职党员未到社区报到"]),
        ]
    )

    public init() {}

    public func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let serving = context.number("serving_members") ?? 0
        let reported = DecimalMath.min(serving, context.number("reported_members") ?? 0)
        guard serving > 0 else { return CheckOutcome(fraction: 1, explanation: ["无在职党员"]) }
        let missing = serving - reported
        return CheckOutcome(
            fraction: reported / serving,
            explanation: ["在职党员 \(DecimalMath.format(serving)) 名，已报到 \(DecimalMath.format(reported)) 名"],
            findings: missing > 0 ? [CheckFinding("\(DecimalMath.format(missing))名在职党员未到社区报到", severity: .minor)] : [])
    }
}
