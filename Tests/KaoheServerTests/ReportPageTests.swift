import Foundation
import HTTPTypes
import Hummingbird
import KaoheCore
import KaoheLedger
@testable import KaoheServer
@testable import KaoheWeb
import KaoheStorageTestSupport
import Testing

/// The 月通报 published from the pages: frozen as published, laid out as an official document,
/// readable by everyone signed in, downloadable as HTML and CSV.
@Suite("The 月通报 pages")
struct ReportPageTests {
    @Test("the committee publishes November's 月通报; later moves do not change it; units read it; HTML and CSV to take away", arguments: Backend.available)
    func publish(_ backend: Backend) async throws {
        let f = try LedgerServiceTests.accepted(backend)
        f.clock.advance(20 * 86_400)
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let admin = try await PageTests.signIn(client, "admin", "admin-password")
            let list = try await client.execute(uri: "/reports", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            PageTests.checkPage(list)
            #expect(list.contains("还没有发布的月通报") && list.contains("name=\"month\""))
            let csrf = PageTests.csrf(in: list)
            let bad = try await client.execute(uri: "/reports", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                               body: PageTests.form(["csrf": csrf, "month": "2026-13", "number": "x", "issuer": "y"])) { response in
                #expect(response.status == .unprocessableContent)
                return String(buffer: response.body)
            }
            #expect(bad.contains("月份应为 YYYY-MM"))
            try await client.execute(uri: "/reports", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                     body: PageTests.form(["csrf": csrf, "month": "2026-12", "number": "x", "issuer": "y"])) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("只能发布已结束月份的月通报"))
            }
            let location = try await client.execute(uri: "/reports", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                                    body: PageTests.form(["csrf": csrf, "month": "2026-11", "number": "市中机工委〔2026〕12号",
                                                                          "issuer": "中共乐山市市中区直属机关工作委员会"])) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            #expect(location == "/reports/1")
            let head = try f.store.ledger.head().description
            let shown = try await client.execute(uri: location, method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            PageTests.checkPage(shown)
            for part in ["<div class=\"issuer-mark\">中共乐山市市中区直属机关工作委员会文件</div>", "<div class=\"doc-number\">市中机工委〔2026〕12号</div>",
                         "<hr class=\"red-line\">", "关于2026年11月机关党建问题整改情况的通报", "各机关党组织：", "全区累计发现机关党建问题17个",
                         "<h2 class=\"annex-title\">附件1</h2>", "区财政局机关党支部", head] {
                #expect(shown.contains(part), "the published report has \(part)")
            }
            // Frozen: a move afterwards changes the ledger, not what was published.
            let item = try #require(try f.store.ledger.items(LedgerFilter()).first)
            _ = try f.service.moveLedgerItem(item.id, to: .rectified, note: nil, evidence: nil, by: try f.signIn("cz", "cz-password-1"))
            #expect(try f.store.ledger.head().description != head)
            let cz = try await PageTests.signIn(client, "cz", "cz-password-1")
            let later = try await client.execute(uri: location, method: .get, headers: [.cookie: cz]) { String(buffer: $0.body) }
            #expect(later.contains(head) && later.contains("已整改0个"), "a unit reads the report as it was published")
            try await client.execute(uri: "/reports", method: .post, headers: PageTests.formType.merging([.cookie: cz]),
                                     body: PageTests.form(["csrf": PageTests.csrf(in: later), "month": "2026-11", "number": "x", "issuer": "y"])) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: location + "/file.html", method: .get, headers: [.cookie: cz]) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"))
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"monthly-2026-11-1.html\"")
            }
            try await client.execute(uri: location + "/file.csv", method: .get, headers: [.cookie: cz]) { response in
                #expect(String(buffer: response.body).hasPrefix("\u{FEFF}名次,单位"))
            }
            try await client.execute(uri: "/reports/9", method: .get, headers: [.cookie: cz]) { #expect($0.status == .notFound) }
        }
        #expect(try f.store.reports().map(\.number) == ["市中机工委〔2026〕12号"])
        #expect(try f.store.auditEntries().contains { $0.action == "reports.publish" && $0.outcome == .denied && $0.actor == "cz" })
    }
}
