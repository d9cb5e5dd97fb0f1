import Foundation
import KaoheBundledPacks
import KaoheCore
import KaoheLedger
@testable import KaoheServer
import KaoheStorage
import KaoheStorageTestSupport
import Testing

@Suite("The web service's round")
struct RoundServiceTests {
    @Test("a whole round: draft, submit (the result is kaohe evaluate's JSON byte for byte), return, resubmit, accept into the ledger", arguments: Backend.available)
    func wholeRound(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let admin = try f.signIn("admin", "admin-password")
        let xc = try f.signIn("xc", "xc-password-1")
        let cz = try f.signIn("cz", "cz-password-1")
        #expect(try f.service.units(of: f.round.id, for: admin).map(\.status) == [.none, .none])

        let saved = try f.service.saveDraft(f.round.id, "szq-xuanchuan", document: try ServiceFixture.example("xuanchuan"), by: xc)
        #expect(saved.version == 1 && saved.diagnostics.isEmpty)
        guard case .result(let json) = try f.service.submit(f.round.id, "szq-xuanchuan", by: xc) else {
            Issue.record("the submission was refused")
            return
        }
        let file = ServiceFixture.repository.appendingPathComponent("examples/leshan-shizhong-annual/xuanchuan.yaml").path
        let expected = ResultJSON.render(try f.service.engine.evaluate(f.service.rules, inputs: [file], asOf: f.round.asOf).batch)
        #expect(json == expected)
        #expect(json.contains("\"total\": 102, \"grade\": \"好\""))
        #expect(throws: ServiceError.conflict("the self-assessment is 已提交（submitted）and can no longer be changed")) {
            try f.service.saveDraft(f.round.id, "szq-xuanchuan", document: "kaohe: 1", by: xc)
        }

        try f.service.returnSubmission(f.round.id, "szq-xuanchuan", reason: "请补充党务培训签到表", by: admin)
        let returned = try f.service.units(of: f.round.id, for: xc)
        #expect(returned.map(\.status) == [.returned] && returned.first?.reason == "请补充党务培训签到表")
        _ = try f.service.saveDraft(f.round.id, "szq-xuanchuan", document: try ServiceFixture.example("xuanchuan"), by: xc)
        #expect(try f.store.draftVersions(round: f.round.id, unit: "szq-xuanchuan").map(\.version) == [1, 2])
        _ = try f.service.submit(f.round.id, "szq-xuanchuan", by: xc)

        _ = try f.service.saveDraft(f.round.id, "szq-caizheng", document: try ServiceFixture.example("caizheng"), by: cz)
        _ = try f.service.submit(f.round.id, "szq-caizheng", by: cz)
        let imported = try f.service.accept(f.round.id, "szq-caizheng", by: admin)
        #expect(imported.opened == 17)
        #expect(try f.store.ledger.items(LedgerFilter(unit: "szq-caizheng")).count == 17)
        #expect(try f.service.units(of: f.round.id, for: admin).map(\.status) == [.accepted, .submitted])
        let rows = try f.service.units(of: f.round.id, for: admin)
        #expect(rows.map(\.total) == ["80.23", "102.00"])

        let all = try f.service.results(f.round.id, for: admin)
        let folder = ServiceFixture.repository.appendingPathComponent("examples/leshan-shizhong-annual").path
        let both = try f.service.engine.evaluate(f.service.rules, inputs: ["\(folder)/caizheng.yaml", "\(folder)/xuanchuan.yaml"], asOf: f.round.asOf)
        #expect(all == ResultJSON.render(both.batch))
        #expect(try f.store.verifyAudit().isEmpty)
    }

    @Test("a mistake is saved all the same and shown on its field; submitting it keeps the draft", arguments: Backend.available)
    func diagnosticsOnFields(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let xc = try f.signIn("xc", "xc-password-1")
        let wrong = try ServiceFixture.example("xuanchuan").replacingOccurrences(of: "  members: 21", with: "  members: 二十一")
        let saved = try f.service.saveDraft(f.round.id, "szq-xuanchuan", document: wrong, by: xc)
        #expect(saved.version == 1)
        #expect(saved.diagnostics.map(\.path) == ["facts.members"], "\(saved.diagnostics)")
        #expect(saved.diagnostics.first?.message.contains("members") == true)
        guard case .diagnostics(let found) = try f.service.submit(f.round.id, "szq-xuanchuan", by: xc) else {
            Issue.record("a wrong draft was accepted")
            return
        }
        #expect(found.map(\.path) == ["facts.members"])
        #expect(try f.store.units(of: f.round.id).first { $0.unit.id == "szq-xuanchuan" }?.status == .draft)
        let other = try ServiceFixture.example("caizheng")
        let mislabelled = try f.service.saveDraft(f.round.id, "szq-xuanchuan", document: other, by: xc)
        #expect(mislabelled.diagnostics.map(\.path) == ["unit.id"])
    }

    @Test("each role against what it must not do: 403 or 404, and every refusal is in the history", arguments: Backend.available)
    func scope(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let admin = try f.signIn("admin", "admin-password")
        let xc = try f.signIn("xc", "xc-password-1")
        let cz = try f.signIn("cz", "cz-password-1")
        let hc = try f.signIn("hc", "hc-password-1")
        _ = try f.service.saveDraft(f.round.id, "szq-caizheng", document: try ServiceFixture.example("caizheng"), by: cz)
        // Another unit's draft does not exist for xc.
        #expect(throws: ServiceError.notFound("没有这个单位的自评")) { try f.service.draft(f.round.id, "szq-caizheng", for: xc) }
        #expect(throws: ServiceError.notFound("没有这个单位的自评")) {
            try f.service.saveDraft(f.round.id, "szq-caizheng", document: "x", by: xc)
        }
        #expect(throws: ServiceError.notFound("没有这个单位的自评")) { try f.service.submit(f.round.id, "szq-caizheng", by: xc) }
        // The committee reads drafts but does not fill them in.
        #expect(try f.service.draft(f.round.id, "szq-caizheng", for: admin)?.version == 1)
        #expect(throws: ServiceError.forbidden("只有本单位填报员可以填写自评")) {
            try f.service.saveDraft(f.round.id, "szq-caizheng", document: "x", by: admin)
        }
        // Units and verifiers do not review.
        for actor in [xc, cz, hc] {
            #expect(throws: ServiceError.forbidden("只有机关工委可以退回")) { try f.service.returnSubmission(f.round.id, "szq-caizheng", reason: "x", by: actor) }
            #expect(throws: ServiceError.forbidden("只有机关工委可以受理")) { try f.service.accept(f.round.id, "szq-caizheng", by: actor) }
            #expect(throws: ServiceError.forbidden("只有机关工委可以查看全部结果")) { try f.service.results(f.round.id, for: actor) }
        }
        #expect(throws: ServiceError.forbidden("只有机关工委和填报单位可以查看")) { try f.service.units(of: f.round.id, for: hc) }
        #expect(try f.service.units(of: f.round.id, for: xc).map(\.unit.id) == ["szq-xuanchuan"])
        let denied = try f.store.auditEntries().filter { $0.outcome == .denied }
        #expect(denied.count == 14, "\(denied.map(\.action))")
        #expect(Set(denied.map(\.actor)) == ["xc", "cz", "hc", "admin"])
    }

    @Test("SQL and HTML in every text a person types are stored and given back as text, unchanged", arguments: Backend.available)
    func injection(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let hostile = "<script>alert('考核')</script>'; DROP TABLE users; -- \" OR 1=1 --"
        try f.service.addUser(User(id: "x1", name: hostile, roles: [.unit], unit: "szq-x"), password: "x1-password-1", by: "test")
        #expect(try f.store.users().first { $0.id == "x1" }?.name == hostile)
        let round = Round(id: "hostile", checklist: "leshan-shizhong.annual", asOf: f.round.asOf)
        try f.service.openRound(round, units: [KaoheCore.Unit(id: "szq-x", name: hostile, category: "party-government")], by: "admin")
        #expect(try f.store.units(of: "hostile").first?.unit.name == hostile)
        let x1 = try f.signIn("x1", "x1-password-1")
        let document = try ServiceFixture.example("xuanchuan").replacingOccurrences(of: "szq-xuanchuan", with: "szq-x")
            .replacingOccurrences(of: "topic: 七一专题党课", with: "topic: \"\(hostile.replacingOccurrences(of: "\"", with: "\\\""))\"")
        _ = try f.service.saveDraft("hostile", "szq-x", document: document, by: x1)
        #expect(try f.store.latestDraft(round: "hostile", unit: "szq-x")?.document == document)
        _ = try f.service.submit("hostile", "szq-x", by: x1)
        let admin = try f.signIn("admin", "admin-password")
        try f.service.returnSubmission("hostile", "szq-x", reason: hostile, by: admin)
        #expect(try f.store.units(of: "hostile").first?.reason == hostile)
        _ = try f.service.saveDraft("hostile", "szq-x", document: document, by: x1)
        _ = try f.service.submit("hostile", "szq-x", by: x1)
        _ = try f.service.accept("hostile", "szq-x", by: admin)
        _ = try f.service.saveDraft(f.round.id, "szq-caizheng", document: try ServiceFixture.example("caizheng"), by: try f.signIn("cz", "cz-password-1"))
        _ = try f.service.submit(f.round.id, "szq-caizheng", by: try f.signIn("cz", "cz-password-1"))
        _ = try f.service.accept(f.round.id, "szq-caizheng", by: admin)
        let item = try #require(try f.store.ledger.items(LedgerFilter(unit: "szq-caizheng")).first)
        _ = try f.service.moveLedgerItem(item.id, to: .rectifying, note: hostile, evidence: hostile, by: try f.signIn("cz", "cz-password-1"))
        let history = try f.store.ledger.item(item.id).1
        #expect(history.last?.note == hostile && history.last?.evidence == hostile)
        #expect(try f.store.users().count == 5, "the users table is still there, with everyone in it")
        #expect(try f.store.ledger.verify(head: nil).isIntact && f.store.verifyAudit().isEmpty)
    }

    @Test("the history's hash chain finds an entry altered", arguments: Backend.available)
    func auditChain(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        _ = try f.signIn("admin", "admin-password")
        #expect(try f.store.verifyAudit().isEmpty)
        try f.store.database.write { sql in try sql.execute("UPDATE audit SET actor = 'someone' WHERE sequence = 2") }
        #expect(try f.store.verifyAudit() == ["history entry #2 was altered"])
    }
}
