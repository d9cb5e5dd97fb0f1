import Foundation
import KaoheCore

/// `kaohe serve --demo`: a scratch round of 市中区's annual checklist with the example units,
/// a committee account, one account per unit (passwords made fresh and printed), and 宣传部's
/// self-assessment already submitted.
package enum Demo {
    /// The accounts made, with their passwords, for the console.
    package struct Account: Sendable {
        package var user: User
        package var password: String
    }

    package static let roundID = "2026-annual"
    package static let checklist = "leshan-shizhong.annual"

    /// Seeds `service` from `examples` (the repository's examples/leshan-shizhong-annual).
    package static func seed(_ service: KaoheService, examples folder: String) throws(ServiceError) -> [Account] {
        let names = ["xuanchuan", "caizheng", "gongan", "jiaoyu"]
        var units: [KaoheCore.Unit] = []
        var documents: [String: String] = [:]
        for name in names {
            let path = "\(folder)/\(name).yaml"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .invalid("the demo needs \(path); run kaohe serve --demo from a Kaohe checkout")
            }
            guard let run = try? service.engine.evaluate(service.rules, text: text, path: path), let unit = run.batch.results.first?.unit else {
                throw .invalid("\(path) does not score against the rules")
            }
            units.append(unit)
            documents[unit.id] = text
        }
        guard let asOf = Day("2026-11-30") else { throw .invalid("bad demo date") }
        try service.openRound(Round(id: roundID, checklist: checklist, asOf: asOf), units: units, by: "demo")
        var accounts = [Account(user: User(id: "admin", name: "区直机关工委", roles: [.admin]), password: password()),
                        Account(user: User(id: "verifier", name: "核查人", roles: [.verifier]), password: password())]
        for unit in units {
            let id = String(unit.id.split(separator: "-").last ?? Substring(unit.id))
            accounts.append(Account(user: User(id: id, name: "\(unit.name)填报员", roles: [.unit], unit: unit.id), password: password()))
        }
        for account in accounts { try service.addUser(account.user, password: account.password, by: "demo") }
        if let first = units.first, let account = accounts.first(where: { $0.user.unit == first.id }), let document = documents[first.id] {
            let actor = try service.signIn(user: account.user.id, password: account.password).actor
            _ = try service.saveDraft(roundID, first.id, document: document, by: actor)
            _ = try service.submit(roundID, first.id, by: actor)
            try service.signOut(actor)
        }
        return accounts
    }

    /// A fresh password of 12 letters and digits (no look-alikes).
    static func password() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
