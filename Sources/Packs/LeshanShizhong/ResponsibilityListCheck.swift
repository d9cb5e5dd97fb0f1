import Foundation
import KaoheCore

/// `leshan-shizhong.responsibility-list` — 机关党建“三级五岗”责任清单 (a Sichuan template): each of
/// the three levels and five posts has its numbered duties assigned, and every 班子成员 (党组（党委）
/// 其他成员) has 一岗双责 duties; one who has none is a finding naming the person and post.
package struct ResponsibilityListCheck: Check {
    package static let levels = ["党组（党委）", "机关党委", "党支部"]
    package static let posts = ["党组（党委）书记", "党组（党委）其他成员", "机关党委书记", "机关纪委书记", "党支部书记"]

    package static let description = CheckDescription(
        id: "leshan-shizhong.responsibility-list",
        title: "三级五岗责任清单",
        rationale: """
            三级：党组（党委）、机关党委、党支部；五岗：党组（党委）书记（第一责任人）、党组（党委）其他成员（一岗双责）、\
            机关党委书记、机关纪委书记、党支部书记。每个层级、每个岗位都应明确编号职责；班子成员未明确一岗双责职责的，点名列出。\
            Reads responsibilities (records with level, post, person and duties, the number of duties assigned).
            """,
        reads: [.records("responsibilities", [("level", .string), ("post", .string), ("person", .string), ("duties", .number)])],
        examples: [
            CheckExample("every level and post has duties", facts: ["responsibilities": .list(complete)], asOf: "2026-11-30", fraction: 1),
            CheckExample("a 班子成员 without 一岗双责 duties, and no 机关纪委书记 duties", facts: ["responsibilities": .list(
                complete.filter { $0[field: "post"].string != "机关纪委书记" }
                    + [duty("党组（党委）", "党组（党委）其他成员", "陈某", 0)])],
                         asOf: "2026-11-30", fraction: Rational(8) / Rational(10),
                         messages: ["「机关纪委书记」岗位未明确职责", "班子成员陈某（党组（党委）其他成员）未明确一岗双责职责"]),
        ]
    )

    static func duty(_ level: String, _ post: String, _ person: String, _ duties: Int) -> Value {
        .record(["level": .string(level), "post": .string(post), "person": .string(person), "duties": .number(Rational(duties))])
    }

    static let complete: [Value] = [
        duty("党组（党委）", "党组（党委）书记", "刘某", 9), duty("党组（党委）", "党组（党委）其他成员", "黄某", 8),
        duty("机关党委", "机关党委书记", "吴某", 5), duty("机关党委", "机关纪委书记", "郑某", 5), duty("党支部", "党支部书记", "冯某", 6),
    ]

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let records = context.list("responsibilities")
        func assigned(_ field: String, _ value: String) -> Bool {
            records.contains { $0[field: field].string == value && ($0[field: "duties"].number ?? 0) > 0 }
        }
        var findings: [CheckFinding] = []
        for level in Self.levels where !assigned("level", level) {
            findings.append(CheckFinding("「\(level)」层级未明确责任清单", severity: .major))
        }
        for post in Self.posts where !assigned("post", post) {
            findings.append(CheckFinding("「\(post)」岗位未明确职责", severity: .major))
        }
        let members = records.filter { $0[field: "post"].string == "党组（党委）其他成员" }
        for member in members where (member[field: "duties"].number ?? 0) == 0 {
            let person = member[field: "person"].string ?? "?"
            findings.append(CheckFinding("班子成员\(person)（党组（党委）其他成员）未明确一岗双责职责", severity: .major))
        }
        let total = Self.levels.count + Self.posts.count + members.count
        return .share(met: total - findings.count, of: total,
                      explanation: ["责任清单 \(records.count) 条，班子成员 \(members.count) 人"], findings: findings)
    }
}
