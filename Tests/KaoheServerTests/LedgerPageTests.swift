import Foundation
import HTTPTypes
import Hummingbird
import KaoheCore
import KaoheLedger
@testable import KaoheServer
@testable import KaoheWeb
import KaoheStorageTestSupport
import Testing

/// The rectification ledger in the browser: a unit reports its item rectified, a verifier closes
/// it (销号), each sees only what is theirs, overdue items stand out, the committee exports.
@Suite("The ledger's pages")
struct LedgerPageTests {
    @Test("回头看: 财政局's December self-assessment accepted in a later round marks the problems gone as rectified, and the item's page says so")
    func lookback() async throws {
        let f = try LedgerServiceTests.accepted(.sqlite)
        let admin = try f.signIn("admin", "admin-password")
        let december = Round(id: "2026-12", checklist: "leshan-shizhong.annual", asOf: Day("2026-12-31") ?? Day(ordinal: 0))
        try f.service.openRound(december, units: [KaoheCore.Unit(id: "szq-caizheng", name: "区财政局机关党支部", category: "economic")], by: "admin")
        let cz = try f.signIn("cz", "cz-password-1")
        _ = try f.service.saveDraft(december.id, "szq-caizheng",
                                    document: try ServiceFixture.example("caizheng", folder: "examples/leshan-shizhong-annual-2026-12"), by: cz)
        _ = try f.service.submit(december.id, "szq-caizheng", by: cz)
        let summary = try f.service.accept(december.id, "szq-caizheng", by: admin)
        #expect(summary.rectified > 0)
        let gone = try #require(try f.store.ledger.items(LedgerFilter(unit: "szq-caizheng", status: .rectified)).first)
        let still = try #require(try f.store.ledger.items(LedgerFilter(unit: "szq-caizheng", status: .open)).first)
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let session = try await PageTests.signIn(client, "cz", "cz-password-1")
            let page = try await client.execute(uri: "/ledger/\(gone.id)", method: .get, headers: [.cookie: session]) { String(buffer: $0.body) }
            PageTests.checkPage(page)
            #expect(page.contains("<h2>回头看</h2>") && page.contains("2026-12-31 再次考核时问题未再出现：转为<strong>已整改</strong>，待核查人核查销号（admin 受理考核结果时自动比对）"),
                    "\(page.prefix(3000))")
            let open = try await client.execute(uri: "/ledger/\(still.id)", method: .get, headers: [.cookie: session]) { String(buffer: $0.body) }
            #expect(!open.contains("<h2>回头看</h2>"))
        }
    }

    @Test("a unit reports rectified with a note, a verifier closes it, the item's page shows each move; overdue in red; CSV for Excel")
    func rectifyAndClose() async throws {
        let f = try LedgerServiceTests.accepted(.sqlite)
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let cz = try await PageTests.signIn(client, "cz", "cz-password-1")
            let list = try await client.execute(uri: "/ledger", method: .get, headers: [.cookie: cz]) { String(buffer: $0.body) }
            PageTests.checkPage(list)
            #expect(list.contains("共 17 项，未整改 17 项，其中逾期 <strong class=\"error\">0</strong> 项"), "\(list.prefix(2000))")
            #expect(!list.contains("导出 CSV"), "a unit does not export the district's ledger")
            let id = try #require(try f.store.ledger.items(LedgerFilter(unit: "szq-caizheng")).first?.id)
            let item = try await client.execute(uri: "/ledger/\(id)", method: .get, headers: [.cookie: cz]) { String(buffer: $0.body) }
            #expect(item.contains("value=\"rectifying\"") && item.contains("value=\"rectified\"") && !item.contains("value=\"closed\""))
            try await client.execute(uri: "/ledger/\(id)/move", method: .post, headers: PageTests.formType.merging([.cookie: cz]),
                                     body: PageTests.form(["csrf": PageTests.csrf(in: item), "status": "rectified", "note": "已补开支委会", "evidence": "会议记录第12页"])) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/ledger/\(id)")
            }
            let hc = try await PageTests.signIn(client, "hc", "hc-password-1")
            let review = try await client.execute(uri: "/ledger/\(id)", method: .get, headers: [.cookie: hc]) { String(buffer: $0.body) }
            #expect(review.contains("已整改待销号") && review.contains("已补开支委会") && review.contains("会议记录第12页"))
            #expect(review.contains("销号（核查属实）") && review.contains("退回整改"))
            try await client.execute(uri: "/ledger/\(id)/move", method: .post, headers: PageTests.formType.merging([.cookie: hc]),
                                     body: PageTests.form(["csrf": PageTests.csrf(in: review), "status": "closed", "note": "核查属实"])) { #expect($0.status == .seeOther) }
            let closed = try await client.execute(uri: "/ledger/\(id)", method: .get, headers: [.cookie: hc]) { String(buffer: $0.body) }
            #expect(closed.contains("<strong>已销号</strong>") && closed.contains("已整改待销号 → 已销号"))

            let xc = try await PageTests.signIn(client, "xc", "xc-password-1")
            try await client.execute(uri: "/ledger/\(id)", method: .get, headers: [.cookie: xc]) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/ledger/\(id)/move", method: .post, headers: PageTests.formType.merging([.cookie: xc]),
                                     body: PageTests.form(["csrf": "x", "status": "rectified"])) { #expect($0.status == .forbidden) }

            f.clock.advance(90 * 86_400)
            let admin = try await PageTests.signIn(client, "admin", "admin-password")
            let late = try await client.execute(uri: "/ledger?overdue=1", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            #expect(late.contains("（已逾期）") && late.contains("class=\"error overdue\""))
            try await client.execute(uri: "/ledger.csv?status=closed", method: .get, headers: [.cookie: admin]) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("\u{FEFF}编号,单位编号,单位,考核项目,问题"))
                #expect(text.split(separator: "\r\n").count == 2, "the header and the one closed item")
            }
        }
        #expect(try f.store.ledger.verify(head: nil).isIntact)
        #expect(try f.store.auditEntries().contains { $0.action == "ledger.read" && $0.outcome == .denied && $0.actor == "xc" })
    }
}
