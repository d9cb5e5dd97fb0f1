import Foundation
import KaoheCore

/// `leshan-shizhong.inspection-followup` — 巡察“回头看”: every problem fed back by the inspection
/// is rectified by its deadline. Problems whose deadline has passed are checked one by one;
/// those not yet due are only counted.
package struct InspectionFollowUpCheck: Check {
    package static let description = CheckDescription(
        id: "leshan-shizhong.inspection-followup",
        title: "巡察“回头看”问题整改",
        rationale: """
            巡察“回头看”反馈的问题逐项建立台账、限期整改。已到整改期限的问题：按期整改为符合；逾期整改、到期未整改逐项列出。\
            Reads inspection_problems (records with problem, deadline and an optional rectified_on date).
            """,
        reads: [.records("inspection_problems", [("problem", .string), ("deadline", .date), ("rectified_on", .date)])],
        examples: [
            CheckExample("all due problems rectified on time, one not yet due", facts: ["inspection_problems": .list([
                problem("“三会一课”记录不规范", "2026-06-30", "2026-06-10"), problem("党费收缴不及时", "2026-12-31", nil),
            ])], asOf: "2026-11-30", fraction: 1),
            CheckExample("one late, one still open past its deadline", facts: ["inspection_problems": .list([
                problem("“三会一课”记录不规范", "2026-06-30", "2026-06-10"), problem("发展党员程序不规范", "2026-08-31", "2026-09-20"),
                problem("意识形态责任制落实不到位", "2026-09-30", nil),
            ])], asOf: "2026-11-30", fraction: Rational(1) / Rational(3),
                         messages: ["问题「发展党员程序不规范」逾期整改（期限 2026-08-31，2026-09-20 整改）",
                                    "问题「意识形态责任制落实不到位」已过整改期限 2026-09-30，仍未整改"]),
        ]
    )

    static func problem(_ text: String, _ deadline: String, _ done: String?) -> Value {
        .record(["problem": .string(text), "deadline": .day(deadline), "rectified_on": done.map(Value.day) ?? .missing(["rectified_on"])])
    }

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let problems = context.list("inspection_problems")
        var due = 0, onTime = 0
        var findings: [CheckFinding] = []
        for item in problems {
            guard let text = item[field: "problem"].string, let deadline = item[field: "deadline"].day, deadline <= context.asOf else { continue }
            due += 1
            if let done = item[field: "rectified_on"].day {
                if done <= deadline {
                    onTime += 1
                } else {
                    findings.append(CheckFinding("问题「\(text)」逾期整改（期限 \(deadline)，\(done) 整改）", severity: .minor))
                }
            } else {
                findings.append(CheckFinding("问题「\(text)」已过整改期限 \(deadline)，仍未整改", severity: .major))
            }
        }
        return .share(met: onTime, of: due, explanation: ["反馈问题 \(problems.count) 个，已到期 \(due) 个，按期整改 \(onTime) 个"],
                      findings: findings)
    }
}
