import KaoheCore

/// `leshan-shizhong.dual-registration` — 双报到: the unit's Party organisation registers with its
/// community, and its members register where they live and serve there. The share of registered
/// members who took part in community service at least `min_times` in the period up to the
/// as-of date earns the points; an organisation not registered earns none.
package struct DualRegistrationCheck: Check {
    package static let description = CheckDescription(
        id: "leshan-shizhong.dual-registration",
        title: "“双报到”参与社区服务",
        rationale: """
            机关党组织到驻地社区报到、在职党员到居住地社区报到并参加服务（市中区组建49支双报到服务队）。\
            党组织未报到不得分；已报到的，按考核期内截至考核日至少参加 min_times 次社区服务的报到党员占比计分\
            （次数为区里的选择，可在清单中调整）。\
            Reads community_registered (bool), registered_members (names) and community_service (records with name and date).
            """,
        parameters: [CheckParameter("min_times", .number, default: .number(1), summary: "times each registered member takes part in the period")],
        reads: [CheckFact("community_registered", .bool), CheckFact("registered_members", .list(.string)),
                .records("community_service", [("name", .string), ("date", .date)])],
        examples: [
            CheckExample("registered, and all three members served", facts: [
                "community_registered": .bool(true),
                "registered_members": .list([.string("张某"), .string("李某"), .string("王某")]),
                "community_service": .list(service([("张某", 3), ("李某", 6), ("王某", 9)])),
            ], asOf: "2026-11-30", fraction: 1),
            CheckExample("registered, one of four members never served", facts: [
                "community_registered": .bool(true),
                "registered_members": .list([.string("张某"), .string("李某"), .string("王某"), .string("赵某")]),
                "community_service": .list(service([("张某", 3), ("李某", 6), ("王某", 9), ("张某", 10)])),
            ], asOf: "2026-11-30", fraction: Rational(3, 4), messages: ["1名报到党员考核期内未参加社区服务：赵某"]),
            CheckExample("the organisation has not registered with its community", facts: [
                "community_registered": .bool(false),
                "registered_members": .list([.string("张某")]),
                "community_service": .list(service([("张某", 3)])),
            ], asOf: "2026-11-30", fraction: 0, messages: ["单位党组织未到驻地社区报到"]),
        ]
    )

    /// Service records on the 20th of the given month of 2026, for the examples.
    static func service(_ rows: [(String, Int)]) -> [Value] {
        rows.compactMap { name, month in
            Day(year: 2026, month: month, day: 20).map { Value.record(["name": .string(name), "date": .date($0)]) }
        }
    }

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        guard context.facts["community_registered"]?.bool == true else {
            return CheckOutcome(fraction: 0, explanation: ["单位党组织未到驻地社区报到"],
                                findings: [CheckFinding("单位党组织未到驻地社区报到", severity: .major)])
        }
        let needed = context.int(parameter: "min_times")
        let span = context.assessedSpan
        let members = context.list("registered_members").compactMap(\.string)
        var times: [String: Int] = [:]
        for row in context.list("community_service") {
            guard let name = row[field: "name"].string, case .date(let day) = row[field: "date"], day >= span.from, day <= span.to else { continue }
            times[name, default: 0] += 1
        }
        let idle = members.filter { times[$0, default: 0] < needed }
        let explanation = ["党组织已报到；报到党员 \(members.count) 名，考核期内参加社区服务不少于 \(needed) 次的 \(members.count - idle.count) 名"]
        guard !members.isEmpty else {
            return CheckOutcome(fraction: 0, explanation: explanation, findings: [CheckFinding("在职党员均未到居住地社区报到", severity: .minor)])
        }
        let findings = idle.isEmpty ? [] : [CheckFinding("\(idle.count)名报到党员考核期内未参加社区服务：" + idle.joined(separator: "、"), severity: .minor)]
        return CheckOutcome(fraction: Rational(members.count - idle.count) / Rational(members.count), explanation: explanation, findings: findings)
    }
}
