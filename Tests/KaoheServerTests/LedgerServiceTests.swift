import Foundation
import KaoheCore
import KaoheLedger
@testable import KaoheServer
import KaoheStorageTestSupport
import Testing

@Suite("Rectification through the service")
struct LedgerServiceTests {
    /// 财政局's submission accepted: its 17 findings are in the ledger.
    static func accepted(_ backend: Backend) throws -> ServiceFixture {
        let f = try ServiceFixture(backend)
        let cz = try f.signIn("cz", "cz-password-1")
        _ = try f.service.saveDraft(f.round.id, "szq-caizheng", document: try ServiceFixture.example("caizheng"), by: cz)
        _ = try f.service.submit(f.round.id, "szq-caizheng", by: cz)
        _ = try f.service.accept(f.round.id, "szq-caizheng", by: try f.signIn("admin", "admin-password"))
        return f
    }

    @Test("a unit reports its own item rectified, a verifier closes it (销号); each sees only what is theirs", arguments: Backend.available)
    func rectifyAndClose(_ backend: Backend) throws {
        let f = try Self.accepted(backend)
        let cz = try f.signIn("cz", "cz-password-1")
        let xc = try f.signIn("xc", "xc-password-1")
        let hc = try f.signIn("hc", "hc-password-1")
        let items = try f.service.ledgerItems(unit: nil, status: nil, for: cz)
        #expect(items.count == 17 && items.allSatisfy { $0.unit == "szq-caizheng" })
        #expect(try f.service.ledgerItems(unit: nil, status: nil, for: xc).isEmpty)
        #expect(throws: ServiceError.notFound("没有这个单位的整改台账")) { try f.service.ledgerItems(unit: "szq-caizheng", status: nil, for: xc) }
        let id = try #require(items.first?.id)
        #expect(throws: ServiceError.notFound("没有这个整改事项")) { try f.service.moveLedgerItem(id, to: .rectified, note: nil, evidence: nil, by: xc) }
        #expect(throws: ServiceError.forbidden("无权将此事项改为已销号")) { try f.service.moveLedgerItem(id, to: .closed, note: nil, evidence: nil, by: cz) }
        #expect(try f.service.moveLedgerItem(id, to: .rectified, note: "已补开", evidence: "会议记录", by: cz).status == .rectified)
        #expect(try f.service.moveLedgerItem(id, to: .closed, note: "核查属实", evidence: nil, by: hc).status == .closed)
        #expect(try f.store.ledger.verify(head: nil).isIntact)
    }

    @Test("a verifier never closes an item they reported rectified themselves", arguments: Backend.available)
    func noSelfClosing(_ backend: Backend) throws {
        let f = try Self.accepted(backend)
        try f.service.addUser(User(id: "both", name: "财政局兼核查", roles: [.unit, .verifier], unit: "szq-caizheng"), password: "both-password", by: "test")
        let both = try f.signIn("both", "both-password")
        let id = try #require(try f.service.ledgerItems(unit: nil, status: nil, for: both).first?.id)
        _ = try f.service.moveLedgerItem(id, to: .rectified, note: nil, evidence: nil, by: both)
        #expect(throws: ServiceError.forbidden("不能为自己报告已整改的事项销号")) { try f.service.moveLedgerItem(id, to: .closed, note: nil, evidence: nil, by: both) }
        #expect(try f.service.moveLedgerItem(id, to: .closed, note: nil, evidence: nil, by: try f.signIn("hc", "hc-password-1")).status == .closed)
    }
}
