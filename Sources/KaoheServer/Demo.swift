import Foundation
import KaoheCore

/// `kaohe serve --demo`: a scratch database with two rounds of the example units — 市中区's annual
/// checklist (宣传部 already submitted) and 茂南区's with on-site scoring and the brand-project
/// competition (every unit submitted, an assessor assigned, five jurors asked) — a committee
/// account, a verifier, an assessor, five jurors and one account per unit (passwords made fresh
/// and printed).
package enum Demo {
    /// The accounts made, with their passwords, for the console.
    package struct Account: Sendable {
        package var user: User
        package var password: String
    }

    package static let roundID = "2026-annual"
    package static let checklist = "leshan-shizhong.annual"
    /// 茂南区's round, with on-site scoring: an assessor is assigned to each of its units.
    package static let onsiteRoundID = "2026-maonan"
    /// The competition run on 茂南区's round; its five jurors are asked in the demo.
    package static let competitionID = "maonan.innovation-2026"
    static let jurorNames = ["一", "二", "三", "四", "五"]

    /// Seeds `service` from `examples` (the repository's examples/ folder): 市中区's annual round
    /// with 宣传部 submitted, and 茂南区's round with every unit submitted, an assessor (考核组)
    /// assigned to every unit, ready to score its on-site item, and five jurors (评委) asked to
    /// judge its competition.
    package static func seed(_ service: KaoheService, examples folder: String) throws(ServiceError) -> [Account] {
        var accounts = [Account(user: User(id: "admin", name: "区直机关工委", roles: [.admin]), password: password()),
                        Account(user: User(id: "verifier", name: "核查人", roles: [.verifier]), password: password()),
                        Account(user: User(id: "kaohezu", name: "第一考核组", roles: [.assessor]), password: password())]
        let jurors = jurorNames.enumerated().map { index, name in
            Account(user: User(id: "pingwei\(index + 1)", name: "评委\(name)", roles: [.juror]), password: password())
        }
        accounts += jurors
        for account in accounts { try service.addUser(account.user, password: account.password, by: "demo") }
        guard let asOf = Day("2026-11-30") else { throw .invalid("bad demo date") }
        let admin = try service.signIn(user: "admin", password: accounts[0].password).actor
        accounts += try seedRound(service, Round(id: roundID, checklist: checklist, asOf: asOf), folder: "\(folder)/leshan-shizhong-annual",
                                  names: ["xuanchuan", "caizheng", "gongan", "jiaoyu"], submitting: 1)
        let maonan = try seedRound(service, Round(id: onsiteRoundID, checklist: "maonan.organs", asOf: asOf), folder: "\(folder)/maonan",
                                   names: ["zuzhibu", "minzhengju", "shangwuju", "zhifaju"], submitting: 4)
        for account in maonan {
            if let unit = account.user.unit { try service.assign(onsiteRoundID, unit, assessor: "kaohezu", by: admin) }
        }
        for juror in jurors { try service.assignJuror(onsiteRoundID, competitionID, juror: juror.user.id, by: admin) }
        try service.signOut(admin)
        return accounts + maonan
    }

    /// Opens `round` for the units of the example files `names` in `folder`, one 填报员 account
    /// each, and submits the self-assessments of the first `submitting` units.
    static func seedRound(_ service: KaoheService, _ round: Round, folder: String, names: [String], submitting: Int) throws(ServiceError) -> [Account] {
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
        try service.openRound(round, units: units, by: "demo")
        var accounts: [Account] = []
        for unit in units {
            let id = String(unit.id.split(separator: "-").last ?? Substring(unit.id))
            accounts.append(Account(user: User(id: id, name: "\(unit.name)填报员", roles: [.unit], unit: unit.id), password: password()))
        }
        for account in accounts { try service.addUser(account.user, password: account.password, by: "demo") }
        for (unit, account) in zip(units, accounts).prefix(submitting) {
            guard let document = documents[unit.id] else { continue }
            let actor = try service.signIn(user: account.user.id, password: account.password).actor
            _ = try service.saveDraft(round.id, unit.id, document: document, by: actor)
            _ = try service.submit(round.id, unit.id, by: actor)
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
