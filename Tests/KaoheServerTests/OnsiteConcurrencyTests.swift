import Foundation
import KaoheCore
@testable import KaoheServer
import KaoheStorageTestSupport
import Testing

@Suite("On-site scores at once")
struct OnsiteConcurrencyTests {
    @Test("12 units submit while two assessors each score every one of them, all at once: every score kept, every stored result scored on the scores that count",
          arguments: Backend.available)
    func scoresRacingSubmissions(_ backend: Backend) throws {
        let o = try OnsiteFixture(backend)
        let ids = (1...12).map { String(format: "mn-u%02d", $0) }
        let round = Round(id: "onsite-burst", checklist: "maonan.organs", asOf: o.round.asOf)
        try o.service.openRound(round, units: ids.map { KaoheCore.Unit(id: $0, name: "单位\($0)", category: "party-government") }, by: "admin")
        for id in ids {
            try o.service.addUser(User(id: id, name: id, roles: [.unit], unit: id), password: "password-\(id)", by: "test")
            for assessor in ["kz1", "kz2"] { try o.service.assign(round.id, id, assessor: assessor, by: o.admin) }
        }
        let template = try ServiceFixture.example("zuzhibu", folder: "examples/maonan")
        let failures = Locked<[String]>([])
        // Even tasks: a unit saves and submits. Odd tasks: an assessor scores that unit (kz1 and kz2 agree on
        // even units, differ on odd ones, which then stay unverified until decided).
        DispatchQueue.concurrentPerform(iterations: ids.count * 3) { index in
            let id = ids[index / 3]
            let number = index / 3
            do {
                switch index % 3 {
                case 0:
                    let actor = try o.f.signIn(id, "password-\(id)")
                    _ = try o.service.saveDraft(round.id, id, document: template.replacingOccurrences(of: "mn-zuzhibu", with: id), by: actor)
                    guard case .result = try o.service.submit(round.id, id, by: actor) else { throw ServiceError.invalid("refused") }
                case 1:
                    try o.service.saveOnsite(round.id, id, item: "D1", points: "4", method: "现场查看", note: nil, by: o.kz1)
                default:
                    try o.service.saveOnsite(round.id, id, item: "D1", points: number.isMultiple(of: 2) ? "4" : "2", method: "查阅资料", note: nil, by: o.kz2)
                }
            } catch {
                failures.update { $0.append("\(id) task \(index % 3): \(error)") }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        let snapshot = try o.f.store.onsite(round: round.id, unit: nil)
        #expect(snapshot.scores.count == 24)
        for (number, id) in ids.enumerated() {
            let stored = try #require(try o.f.store.result(round: round.id, unit: id))
            let d1 = try o.item(stored, "D1")
            if number.isMultiple(of: 2) {
                #expect(d1["awarded"] as? Int == 4 && d1["status"] as? String == "partial", "\(id): \(d1)")
            } else {
                #expect(d1["status"] as? String == "unverified" && d1["awarded"] as? Int == 5, "\(id): \(d1)")
            }
            let row = try #require(try o.f.store.units(of: round.id).first { $0.unit.id == id })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any])
            #expect(row.total.flatMap(Double.init) == (object["total"] as? NSNumber)?.doubleValue, "\(id): the list's total is the stored result's")
        }
        #expect(try o.service.onsiteDisputes(round.id, for: o.admin).count == 6)
        #expect(try o.f.store.verifyAudit().isEmpty)
    }
}
