import Foundation
import KaoheCore
import KaoheLedger
@testable import KaoheServer
import KaoheStorageTestSupport
import Testing

@Suite("Ledger moves at once")
struct LedgerConcurrencyTests {
    @Test("财政局 reports its 17 items rectified at once, then two verifiers race to close each: one 销号 per item, the other refused, the history chain whole",
          arguments: Backend.available)
    func movesAtOnce(_ backend: Backend) throws {
        let f = try LedgerServiceTests.accepted(backend)
        try f.service.addUser(User(id: "hc2", name: "第二核查人", roles: [.verifier]), password: "hc2-password-1", by: "test")
        let cz = try f.signIn("cz", "cz-password-1")
        let verifiers = [try f.signIn("hc", "hc-password-1"), try f.signIn("hc2", "hc2-password-1")]
        let ids = try f.service.ledgerItems(unit: nil, status: nil, for: cz).map(\.id)
        #expect(ids.count == 17)
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            do {
                _ = try f.service.moveLedgerItem(ids[index], to: .rectified, note: "第\(index)项已整改", evidence: nil, by: cz)
            } catch {
                failures.update { $0.append("#\(ids[index]) rectified: \(error)") }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        let closed = Locked<[Int64: [String]]>([:])
        let refused = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: ids.count * 2) { index in
            let id = ids[index / 2], verifier = verifiers[index % 2]
            do throws(ServiceError) {
                _ = try f.service.moveLedgerItem(id, to: .closed, note: "核查属实", evidence: nil, by: verifier)
                closed.update { $0[id, default: []].append(verifier.user.id) }
            } catch {
                if case .conflict = error {
                    refused.update { $0.append("#\(id) \(verifier.user.id)") }
                } else {
                    failures.update { $0.append("#\(id) closed by \(verifier.user.id): \(error)") }
                }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        #expect(ids.allSatisfy { closed.value[$0]?.count == 1 }, "\(closed.value)")
        #expect(refused.value.count == ids.count)
        for id in ids {
            let (item, history) = try f.service.ledgerItem(id, for: verifiers[0])
            #expect(item.status == .closed && history.filter { $0.to == .closed }.count == 1 && history.filter { $0.to == .rectified }.count == 1)
        }
        #expect(try f.store.ledger.verify(head: nil).isIntact)
        #expect(try f.store.verifyAudit().isEmpty)
    }
}
