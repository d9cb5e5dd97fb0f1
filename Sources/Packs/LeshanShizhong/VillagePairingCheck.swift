import KaoheCore

/// `leshan-shizhong.village-pairing` — 结对镇村、到镇村报到: a department paired with villages
/// (市中区: 65 departments paired with towns and villages) visits each of them at least
/// `per_quarter` times in every quarter of the period that has ended by the as-of date. The share
/// of (village, quarter) pairs with enough visits earns the points; each village's missed
/// quarters are a finding.
package struct VillagePairingCheck: Check {
    package static let description = CheckDescription(
        id: "leshan-shizhong.village-pairing",
        title: "结对镇村定期到村报到",
        rationale: """
            市中区65个部门与镇村结对，定期到镇村报到、开展帮扶。按考核期内截至考核日已结束的季度逐村检查，\
            每村每季度至少到村 per_quarter 次（次数为区里的选择，可在清单中调整）；按达标的村·季度占比计分。\
            Reads paired_villages (a list of village names) and village_visits (records with village and date).
            """,
        parameters: [CheckParameter("per_quarter", .number, default: .number(1), summary: "visits each paired village needs in each quarter")],
        reads: [CheckFact("paired_villages", .list(.string)), .records("village_visits", [("village", .string), ("date", .date)])],
        examples: [
            CheckExample("two villages, each visited in every quarter that has ended", facts: [
                "paired_villages": .list([.string("青平镇青平村"), .string("白马镇新华村")]),
                "village_visits": .list(visits(["青平镇青平村": [2, 5, 8], "白马镇新华村": [3, 6, 9]])),
            ], asOf: "2026-11-30", fraction: 1),
            CheckExample("one village missed the second and third quarters", facts: [
                "paired_villages": .list([.string("青平镇青平村"), .string("白马镇新华村")]),
                "village_visits": .list(visits(["青平镇青平村": [2, 5, 8], "白马镇新华村": [1, 1, 11]])),
            ], asOf: "2026-11-30", fraction: Rational(2, 3),
                         messages: ["结对村「白马镇新华村」2026年第二季度、2026年第三季度未到村报到"]),
            CheckExample("two visits a quarter asked for, one made", facts: [
                "paired_villages": .list([.string("青平镇青平村")]),
                "village_visits": .list(visits(["青平镇青平村": [2, 3, 5, 6, 8]])),
            ], parameters: ["per_quarter": .number(2)], asOf: "2026-11-30", fraction: Rational(2, 3),
                         messages: ["结对村「青平镇青平村」2026年第三季度未到村报到"]),
        ]
    )

    /// Visit records on the 15th of the given months of 2026, for the examples.
    static func visits(_ months: KeyValuePairs<String, [Int]>) -> [Value] {
        months.flatMap { village, list in
            list.compactMap { month in
                Day(year: 2026, month: month, day: 15).map { Value.record(["village": .string(village), "date": .date($0)]) }
            }
        }
    }

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let villages = context.list("paired_villages").compactMap(\.string)
        let needed = context.int(parameter: "per_quarter")
        guard needed >= 1 else { throw EvaluationFault("per_quarter must be a whole number of at least 1") }
        let quarters = Quarter.ended(in: context.assessedSpan)
        let visits = context.list("village_visits").compactMap { visit -> (String, Day)? in
            guard let village = visit[field: "village"].string, case .date(let day) = visit[field: "date"] else { return nil }
            return (village, day)
        }
        var met = 0
        var findings: [CheckFinding] = []
        for village in villages {
            let missed = quarters.filter { quarter in
                visits.filter { $0.0 == village && quarter.contains($0.1) }.count < needed
            }
            met += quarters.count - missed.count
            if !missed.isEmpty {
                findings.append(CheckFinding("结对村「\(village)」" + missed.map(\.label).joined(separator: "、") + "未到村报到", severity: .minor))
            }
        }
        let explanation = ["结对村 \(villages.count) 个，已结束季度 \(quarters.count) 个，每村每季度应到村 \(needed) 次"]
        return .share(met: met, of: villages.count * quarters.count, explanation: explanation, findings: findings)
    }
}

/// A calendar quarter.
struct Quarter: Sendable, Equatable {
    var year: Int
    var number: Int
    var from: Day
    var to: Day

    var label: String { "\(year)年第\(["一", "二", "三", "四"][number - 1])季度" }

    func contains(_ day: Day) -> Bool { day >= from && day <= to }

    /// The quarters that start in `span` and have ended by its end.
    static func ended(in span: (from: Day, to: Day)) -> [Quarter] {
        var quarters: [Quarter] = []
        let (startYear, startMonth, _) = span.from.components
        var year = startYear, number = (startMonth - 1) / 3 + 1
        while let from = Day(year: year, month: number * 3 - 2, day: 1),
              let next = from.adding(months: 3), let to = next.adding(days: -1), to <= span.to {
            if from >= span.from { quarters.append(Quarter(year: year, number: number, from: from, to: to)) }
            (year, number) = number == 4 ? (year + 1, 1) : (year, number + 1)
        }
        return quarters
    }
}
