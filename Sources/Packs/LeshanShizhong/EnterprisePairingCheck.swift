import Foundation
import KaoheCore

/// `leshan-shizhong.enterprise-pairing` — 一企一专员: every cadre is paired with an enterprise on
/// the service list, and no enterprise on the list is left without a cadre.
package struct EnterprisePairingCheck: Check {
    package static let description = CheckDescription(
        id: "leshan-shizhong.enterprise-pairing",
        title: "一企一专员结对服务",
        rationale: """
            市中区选派干部担任企业服务专员（411名干部服务411家企业），每名干部结对一家企业，每家企业有专员。\
            Reads cadres (records with name and an optional enterprise) and enterprises (the service list).
            """,
        reads: [.records("cadres", [("name", .string), ("enterprise", .string)]), CheckFact("enterprises", .list(.string))],
        examples: [
            CheckExample("two cadres, two enterprises, paired one to one", facts: [
                "cadres": .list([cadre("何某", "乐山某机械公司"), cadre("罗某", "某食品厂")]),
                "enterprises": .list([.string("乐山某机械公司"), .string("某食品厂")]),
            ], asOf: "2026-11-30", fraction: 1),
            CheckExample("a cadre unpaired and an enterprise without a cadre", facts: [
                "cadres": .list([cadre("何某", "乐山某机械公司"), cadre("罗某", nil)]),
                "enterprises": .list([.string("乐山某机械公司"), .string("某食品厂")]),
            ], asOf: "2026-11-30", fraction: Rational(parsing: "0.5") ?? 0, messages: ["干部罗某未结对服务企业", "企业「某食品厂」没有服务专员"]),
        ]
    )

    static func cadre(_ name: String, _ enterprise: String?) -> Value {
        .record(["name": .string(name), "enterprise": enterprise.map(Value.string) ?? .missing(["enterprise"])])
    }

    package init() {}

    package func evaluate(_ context: CheckContext) throws(EvaluationFault) -> CheckOutcome {
        let cadres = context.list("cadres")
        let enterprises = context.list("enterprises").compactMap(\.string)
        var findings: [CheckFinding] = []
        var covered = Set<String>()
        for cadre in cadres {
            let name = cadre[field: "name"].string ?? "?"
            guard let enterprise = cadre[field: "enterprise"].string, !enterprise.isEmpty else {
                findings.append(CheckFinding("干部\(name)未结对服务企业", severity: .minor))
                continue
            }
            if enterprises.contains(enterprise) {
                covered.insert(enterprise)
            } else {
                findings.append(CheckFinding("干部\(name)结对的「\(enterprise)」不在服务企业名单中", severity: .minor))
            }
        }
        for enterprise in enterprises where !covered.contains(enterprise) {
            findings.append(CheckFinding("企业「\(enterprise)」没有服务专员", severity: .minor))
        }
        let total = cadres.count + enterprises.count
        return .share(met: total - findings.count, of: total,
                      explanation: ["干部 \(cadres.count) 名，服务企业 \(enterprises.count) 家，已覆盖 \(covered.count) 家"], findings: findings)
    }
}
