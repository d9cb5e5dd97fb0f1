import Foundation
import KaoheCore

/// `maonan.distinct-brand` — 同质化: a brand project's name or concept must not copy another
/// project's in the same round. Names are compared without the words every brand uses (工程、
/// 行动、驿站…): they match when one contains the other or their character bigrams are 60% alike;
/// concepts match when 70% alike. The reasons name every project matched.
package struct DistinctBrandCheck: ProjectCheck {
    package static let nameThreshold = Rational(3, 5)
    package static let conceptThreshold = Rational(7, 10)

    package static let description = ProjectCheckDescription(
        id: "maonan.distinct-brand",
        title: "品牌不同质",
        rationale: """
            茂南区“一机关一品牌”：专家组对与其他单位雷同的项目（同质化）不予通过。品牌名称去掉“工程、行动、驿站”等通用词后\
            互相包含或字符相似度达到60%、理念内涵相似度达到70%的，判为同质，并列出相似的项目。Reads name and concept of every project in the batch.
            """,
        reads: [CheckFact("name", .string), CheckFact("concept", .string)],
        examples: [
            ProjectCheckExample("names alike only in their generic words", project: project("mn-a", "匠心工程", "以工匠精神锤炼机关作风，打造业务精品"),
                                among: [project("mn-b", "同心工程", "凝聚统一战线力量，服务发展大局")], met: true),
            ProjectCheckExample("distinct names and concepts", project: project("mn-a", "红色引擎", "以党建引领项目建设，推动重点项目提速增效"),
                                among: [project("mn-b", "民情直通车", "畅通群众诉求渠道，做到件件有回音")], met: true),
            ProjectCheckExample("a name that contains another's", project: project("mn-a", "红色引擎·先锋行", "以党建引领项目建设"),
                                among: [project("mn-b", "红色引擎", "党员先锋服务企业发展")], met: false,
                                reasons: ["品牌名称与 mn-b/p1「红色引擎」雷同（相似度 0.67）"]),
            ProjectCheckExample("a copied concept under another name", project: project("mn-a", "便民驿站", "打通服务群众最后一公里，让群众少跑腿"),
                                among: [project("mn-c", "暖心服务站", "打通服务群众最后一公里，让群众少跑腿、好办事")], met: false,
                                reasons: ["理念内涵与 mn-c/p1「暖心服务站」雷同（相似度 0.91）"]),
        ]
    )

    static func project(_ unit: String, _ name: String, _ concept: String) -> Project {
        Project(unit: unit, id: "p1", fields: ["name": .string(name), "concept": .string(concept)])
    }

    package init() {}

    package func evaluate(_ project: Project, among projects: [Project]) -> ProjectCheckOutcome {
        guard let name = project.fields["name"]?.string else { return ProjectCheckOutcome(met: true) }
        let concept = project.fields["concept"]?.string
        var reasons: [String] = []
        for other in projects.sorted(by: { $0.key < $1.key }) where other.key != project.key {
            if let otherName = other.fields["name"]?.string {
                let mine = TextSimilarity.core(of: name), theirs = TextSimilarity.core(of: otherName)
                let similarity = TextSimilarity.dice(mine, theirs)
                if TextSimilarity.contains(mine, theirs) || similarity >= Self.nameThreshold {
                    reasons.append("品牌名称与 \(other.key)「\(otherName)」雷同（相似度 \(Self.format(similarity))）")
                    continue
                }
            }
            if let concept, let otherConcept = other.fields["concept"]?.string {
                let similarity = TextSimilarity.dice(concept, otherConcept)
                if similarity >= Self.conceptThreshold {
                    reasons.append("理念内涵与 \(other.key)「\(other.fields["name"]?.string ?? other.id)」雷同（相似度 \(Self.format(similarity))）")
                }
            }
        }
        return ProjectCheckOutcome(met: reasons.isEmpty, reasons: reasons)
    }

    static func format(_ value: Rational) -> String { DecimalMath.format(DecimalMath.round(value, scale: 2)) }
}
