import Foundation
import KaoheCore

/// `common.temporary-organisations` — 临时党组织: set up around a task (central work), dissolved
/// when the task ends. Each one still standing after its task ended is a finding.
package struct TemporaryOrganisationsCheck: Check {
    package static let description = CheckDescription(
        id: "common.temporary-organisations",
        title: "临时党组织规范管理",
        rationale: """
            围绕中心工作组建的临时党组织经上级党组织批准成立，任务完成后应及时撤销。\
            Reads temporary_orgs (records with name, task_ends and dissolved); the share of organisations handled correctly.
            """,
        reads: [.records("temporary_orgs", [("name", .string), ("task_ends", .date), ("dissolved", .bool)])],
        examples: [
            CheckExample("one still working, one dissolved after its task", facts: ["temporary_orgs": .list([
                .record(["name": .string("项目攻坚临时党支部"), "task_ends": .day("2027-06-30"), "dissolved": .bool(false)]),
                .record(["name": .string("防汛临时党支部"), "task_ends": .day("2026-09-30"), "dissolved": .bool(true)]),
            ])], asOf: "2026-11-30", fraction: 1),
            CheckExample("a task ended in August, the branch is still there", facts: ["temporary_orgs": .list([
                .record(["name": .string("招商专班临时党支部"), "task_ends": .day("2026-08-31"), "dissolved": .bool(false)]),
                .record(["name": .string("创文临时党支部"), "task_ends": .day("2027-03-31"), "dissolved": .bool(false)]),
            ])], asOf: "2026-11-30", fraction: Rational(parsing: "0.5") ?? 0,
                         messages: ["临时党组织「招商专班临时党支部」任务已于 2026-08-31 结束，未及时撤销"]),
            CheckExample("no temporary organisations at all", facts: ["temporary_orgs": .list([])], asOf: "2026-11-30", fraction: 1),
        ]
    )

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let orgs = context.list("temporary_orgs")
        var findings: [CheckFinding] = []
        for org in orgs {
            guard let name = org[field: "name"].string, let ends = org[field: "task_ends"].day else { continue }
            if ends < context.asOf && org[field: "dissolved"].bool == false {
                findings.append(CheckFinding("临时党组织「\(name)」任务已于 \(ends) 结束，未及时撤销", severity: .major))
            }
        }
        return .share(met: orgs.count - findings.count, of: orgs.count, explanation: ["临时党组织 \(orgs.count) 个"], findings: findings)
    }
}
