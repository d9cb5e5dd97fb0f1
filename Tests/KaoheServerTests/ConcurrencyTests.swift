import Foundation
import KaoheCore
@testable import KaoheServer
import KaoheStorageTestSupport
import Testing

@Suite("Many units at once")
struct ConcurrencyTests {
    @Test("59 units save drafts and submit at once: every version kept whole, every submission evaluated once", arguments: Backend.available)
    func manyUnits(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let ids = (1...59).map { String(format: "u%02d", $0) }
        let round = Round(id: "burst", checklist: "leshan-shizhong.annual", asOf: f.round.asOf)
        try f.service.openRound(round, units: ids.map { KaoheCore.Unit(id: "szq-\($0)", name: "单位\($0)", category: "party-government") }, by: "admin")
        for id in ids {
            try f.service.addUser(User(id: id, name: id, roles: [.unit], unit: "szq-\(id)"), password: "password-\(id)", by: "test")
        }
        let template = try ServiceFixture.example("xuanchuan")
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            let id = ids[index]
            do {
                let actor = try f.signIn(id, "password-\(id)")
                for step in 1...3 {
                    let document = template.replacingOccurrences(of: "szq-xuanchuan", with: "szq-\(id)")
                        .replacingOccurrences(of: "  members: 21", with: "  members: \(20 + step)")
                    _ = try f.service.saveDraft("burst", "szq-\(id)", document: document, by: actor)
                }
                guard case .result = try f.service.submit("burst", "szq-\(id)", by: actor) else { throw ServiceError.invalid("refused") }
            } catch {
                failures.update { $0.append("\(id): \(error)") }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        let rows = try f.store.units(of: "burst")
        #expect(rows.count == 59 && rows.allSatisfy { $0.status == .submitted })
        for id in ids {
            let versions = try f.store.draftVersions(round: "burst", unit: "szq-\(id)")
            #expect(versions.map(\.version) == [1, 2, 3])
            #expect(versions.last?.document.contains("  members: 23") == true && versions.last?.document.contains("szq-\(id)") == true)
            let result = try #require(try f.store.result(round: "burst", unit: "szq-\(id)"))
            #expect(result.contains("\"id\": \"szq-\(id)\""))
        }
        #expect(try f.store.auditEntries().filter { $0.action == "submit" && $0.outcome == .done }.count == 59)
        #expect(try f.store.verifyAudit().isEmpty)
    }

    @Test("two saves racing on one draft: both kept as versions, the later one whole; a submit racing a save never mixes them", arguments: Backend.available)
    func racingSaves(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let xc = try f.signIn("xc", "xc-password-1")
        let a = try ServiceFixture.example("xuanchuan")
        let b = a.replacingOccurrences(of: "  members: 21", with: "  members: 22")
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            _ = try? f.service.saveDraft(f.round.id, "szq-xuanchuan", document: index.isMultiple(of: 2) ? a : b, by: xc)
        }
        let versions = try f.store.draftVersions(round: f.round.id, unit: "szq-xuanchuan")
        #expect(versions.map(\.version) == Array(1...40))
        #expect(versions.allSatisfy { $0.document == a || $0.document == b })
    }
}
