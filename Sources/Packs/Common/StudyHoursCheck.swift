import Foundation
import KaoheCore

/// `common.study-hours` — 学习学时: members study at least 32 class hours a year; branch
/// secretaries and 班子成员 at least 56. Each person short is a finding naming them.
package struct StudyHoursCheck: Check {
    package static let description = CheckDescription(
        id: "common.study-hours",
        title: "党员教育培训学时",
        rationale: """
            党员每年集中学习培训一般不少于32学时，基层党组织书记和班子成员每年不少于56学时。\
            Reads study_records (records with name, role and hours); the share of people who met their hours.
            """,
        parameters: [
            CheckParameter("member_hours", .number, default: .number(32), summary: "hours a year for members"),
            CheckParameter("leader_hours", .number, default: .number(56), summary: "hours a year for secretaries and 班子成员"),
            CheckParameter("leader_roles", .list(.string), default: .list([.string("支部书记"), .string("班子成员"), .string("党组书记"), .string("机关党委书记")]),
                           summary: "roles that need leader_hours"),
        ],
        reads: [.records("study_records", [("name", .string), ("role", .string), ("hours", .number)])],
        examples: [
            CheckExample("a member with 40 hours, a secretary with 60", facts: ["study_records": .list([
                .record(["name": .string("赵某"), "role": .string("党员"), "hours": .number(40)]),
                .record(["name": .string("钱某"), "role": .string("支部书记"), "hours": .number(60)]),
            ])], asOf: "2026-11-30", fraction: 1),
            CheckExample("a 班子成员 with 40 hours falls short", facts: ["study_records": .list([
                .record(["name": .string("孙某"), "role": .string("班子成员"), "hours": .number(40)]),
                .record(["name": .string("周某"), "role": .string("党员"), "hours": .number(32)]),
            ])], asOf: "2026-11-30", fraction: Rational(parsing: "0.5") ?? 0, messages: ["孙某（班子成员）学习40学时，少于56学时"]),
        ]
    )

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let memberHours = context.number(parameter: "member_hours")
        let leaderHours = context.number(parameter: "leader_hours")
        let leaders = context.strings(parameter: "leader_roles")
        let records = context.list("study_records")
        var findings: [CheckFinding] = []
        for record in records {
            guard let name = record[field: "name"].string, let role = record[field: "role"].string,
                  let hours = record[field: "hours"].number else { continue }
            let needed = leaders.contains(role) ? leaderHours : memberHours
            if hours < needed {
                findings.append(CheckFinding("\(name)（\(role)）学习\(DecimalMath.format(hours))学时，少于\(DecimalMath.format(needed))学时", severity: .minor))
            }
        }
        return .share(met: records.count - findings.count, of: records.count, explanation: ["参学 \(records.count) 人"], findings: findings)
    }
}
