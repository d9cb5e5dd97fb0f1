import Foundation

/// A project's verdict on one standard.
public struct StandardResult: Sendable, Equatable {
    /// Whether a brand project meets one standard (达标), half meets it, or not.
    public enum Status: String, Sendable {
        case met, unmet, missing
    }

    public var id: String
    public var title: String
    public var status: Status
    public var reasons: [String]
}

/// A brand project's screening (初审): each standard met or not, with reasons, and the outcome.
public struct ProjectResult: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var category: String?
    public var outcome: String
    public var standards: [StandardResult]
}

/// Screens brand projects against standards (SPEC §4): every standard's `require` expression and
/// its project check, which sees every project of the batch (for 同质化). Outcome: all met →
/// `outcome.all`; all but one → `outcome.most`; else `outcome.else`.
package struct ProjectScreener: Sendable {
    package let standards: StandardsPlan

    package init(standards: StandardsPlan) {
        self.standards = standards
    }

    package func screen(_ inputs: [ProjectInput]) -> [String: ProjectResult] {
        let all = inputs.map(\.project)
        var results: [String: ProjectResult] = [:]
        for input in inputs {
            results[input.project.key] = screen(input, among: all)
        }
        return results
    }

    func screen(_ input: ProjectInput, among all: [Project]) -> ProjectResult {
        let doc = standards.document
        var frame = Frame(facts: input.values, asOf: Day(ordinal: 0), period: nil)
        var verdicts: [StandardResult] = []
        for (index, standard) in doc.standards.enumerated() {
            var status = StandardResult.Status.met
            var reasons: [String] = []
            let requirement = standards.requirements[index]
            do {
                switch try Evaluator.evaluate(requirement, &frame) {
                case .bool(true): break
                case .missing(let names):
                    status = .missing
                    reasons.append("缺少：" + names.map { name in doc.fields.first { $0.name == name }?.label ?? name }.joined(separator: "、"))
                default:
                    status = .unmet
                    reasons.append("不满足：\(requirement.text)（" + requirement.facts.map { name in
                        "\(doc.fields.first { $0.name == name }?.label ?? name) = \(Self.describe(input.project.fields[name]))"
                    }.joined(separator: "，") + "）")
                }
            } catch {
                status = .unmet
                reasons.append("规则错误：\(error.message)")
            }
            if let check = standards.checks[index] {
                let outcome = check.init().evaluate(input.project, among: all)
                if !outcome.met {
                    if status == .met { status = .unmet }
                    reasons += outcome.reasons
                }
            }
            verdicts.append(StandardResult(id: standard.id.value, title: standard.title, status: status, reasons: reasons))
        }
        let failed = verdicts.filter { $0.status != .met }.count
        let outcome = failed == 0 ? doc.outcome.all : failed == 1 ? doc.outcome.most : doc.outcome.otherwise
        return ProjectResult(id: input.project.id, name: input.project.fields["name"]?.string, category: input.project.category,
                             outcome: outcome, standards: verdicts)
    }

    static func describe(_ value: Value?) -> String {
        switch value {
        case .string(let s)?: return "「\(s.count > 12 ? String(s.prefix(12)) + "…" : s)」（\(s.count)字）"
        case .list(let items)?: return "\(items.count)项"
        case let v?: return v.display
        case nil: return "缺失"
        }
    }
}
