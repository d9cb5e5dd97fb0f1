import Foundation

/// What a user may do in the web service (SPEC §12). A user may hold several.
package enum Role: String, Sendable, CaseIterable, Codable {
    /// 机关工委: units, users, rounds, review and publishing.
    case admin
    /// 单位填报员: its own unit's self-assessment and ledger items only.
    case unit
    /// 考核组: on-site scores of the units assigned to it.
    case assessor
    /// 核查人: 销号, never of an item they reported rectified themselves.
    case verifier
    /// 评委: scores the finalists of a competition.
    case juror

    /// The role's name in Chinese, for pages.
    package var label: String {
        switch self {
        case .admin: "机关工委管理员"
        case .unit: "单位填报员"
        case .assessor: "考核组成员"
        case .verifier: "核查人"
        case .juror: "评委"
        }
    }

    /// `admin,unit` → the roles; nil when any name is unknown.
    package static func parse(list text: String) -> [Role]? {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let roles = names.compactMap(Role.init(rawValue:))
        return roles.count == names.count && !roles.isEmpty ? roles : nil
    }
}
