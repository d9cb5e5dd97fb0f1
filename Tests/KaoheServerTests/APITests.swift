import Foundation
import HTTPTypes
import Hummingbird
import KaoheCore
import KaoheLedger
@testable import KaoheServer
@testable import KaoheWeb
import KaoheStorageTestSupport
import Testing

/// The JSON API through Hummingbird's router, as a browser or script would use it.
@Suite("The JSON API")
struct APITests {
    /// Signs in and gives the cookie header and the CSRF token.
    static func signIn(_ client: RouterClient, _ user: String, _ password: String) async throws -> (cookie: String, csrf: String) {
        try await client.execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: "{\"user\": \"\(user)\", \"password\": \"\(password)\"}")) { response in
            #expect(response.status == .ok)
            let setCookie = response.headers[.setCookie] ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), "\(setCookie)")
            let cookie = String(setCookie.split(separator: ";").first ?? "")
            let body = String(buffer: response.body)
            let csrf = body.components(separatedBy: "\"csrf\": \"").last?.prefix(32) ?? ""
            return (cookie, String(csrf))
        }
    }

    static func headers(_ session: (cookie: String, csrf: String), csrf: Bool = true) -> HTTPFields {
        var fields: HTTPFields = [.cookie: session.cookie]
        if csrf, let name = HTTPField.Name("X-CSRF-Token") { fields[name] = session.csrf }
        return fields
    }

    @Test("a unit saves a draft with a mistake (422, saved), fixes it, submits; the committee accepts and reads the results")
    func round() async throws {
        let f = try ServiceFixture()
        let good = try ServiceFixture.example("xuanchuan")
        let bad = good.replacingOccurrences(of: "  members: 21", with: "  members: 二十一")
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let xc = try await Self.signIn(client, "xc", "xc-password-1")
            let draft = "/api/v1/rounds/2026-annual/units/szq-xuanchuan/draft"
            try await client.execute(uri: draft, method: .put, headers: Self.headers(xc), body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("\"path\": \"facts.members\""))
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'; frame-ancestors 'none'")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: draft, method: .get, headers: Self.headers(xc, csrf: false)) { response in
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == Self.json(of: bad), "the YAML saved, given back as §5 JSON")
            }
            #expect(try f.store.latestDraft(round: "2026-annual", unit: "szq-xuanchuan")?.document == bad, "stored as sent, byte for byte")
            try await client.execute(uri: draft, method: .put, headers: Self.headers(xc), body: ByteBuffer(string: good)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "{\"diagnostics\": []}\n")
            }
            let result = try await client.execute(uri: "/api/v1/rounds/2026-annual/units/szq-xuanchuan/submit", method: .post, headers: Self.headers(xc)) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            let file = ServiceFixture.repository.appendingPathComponent("examples/leshan-shizhong-annual/xuanchuan.yaml").path
            #expect(result == ResultJSON.render(try f.service.engine.evaluate(f.service.rules, inputs: [file], asOf: f.round.asOf).batch))
            try await client.execute(uri: draft, method: .put, headers: Self.headers(xc), body: ByteBuffer(string: good)) { response in
                #expect(response.status == .conflict)
            }
            let admin = try await Self.signIn(client, "admin", "admin-password")
            try await client.execute(uri: "/api/v1/rounds/2026-annual/units/szq-xuanchuan/accept", method: .post, headers: Self.headers(admin)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/rounds/2026-annual/units", method: .get, headers: Self.headers(admin, csrf: false)) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("\"id\": \"szq-xuanchuan\", \"name\": \"区委宣传部机关党支部\", \"category\": \"party-government\", \"status\": \"accepted\", \"reason\": null, \"total\": 102.00, \"grade\": \"好\""), "\(body)")
            }
            try await client.execute(uri: "/api/v1/rounds/2026-annual/results", method: .get, headers: Self.headers(admin, csrf: false)) { response in
                #expect(String(buffer: response.body) == result)
            }
            try await client.execute(uri: "/api/v1/ledger?unit=szq-xuanchuan", method: .get, headers: Self.headers(admin, csrf: false)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("no session → 401; no CSRF token → 403; another unit's draft → 404; a body over 1 MB → 413; sign-out ends the session")
    func security() async throws {
        let f = try ServiceFixture()
        try await RouterClient.test(WebServer.router(f.service)) { client in
            try await client.execute(uri: "/api/v1/rounds", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: "{\"user\": \"xc\", \"password\": \"nope-nope-nope\"}")) {
                #expect($0.status == .unauthorized)
            }
            let xc = try await Self.signIn(client, "xc", "xc-password-1")
            let own = "/api/v1/rounds/2026-annual/units/szq-xuanchuan/draft"
            try await client.execute(uri: own, method: .put, headers: Self.headers(xc, csrf: false), body: ByteBuffer(string: "kaohe: 1")) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/rounds/2026-annual/units/szq-caizheng/draft", method: .get, headers: Self.headers(xc)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/rounds/2026-annual/units/szq-xuanchuan/accept", method: .post, headers: Self.headers(xc)) {
                #expect($0.status == .forbidden)
            }
            let huge = String(repeating: "#", count: WebRequest.maxBody + 1)
            try await client.execute(uri: own, method: .put, headers: Self.headers(xc), body: ByteBuffer(string: huge)) {
                #expect($0.status == .contentTooLarge)
            }
            let injection = try ServiceFixture.example("xuanchuan").replacingOccurrences(of: "topic: 七一专题党课", with: "topic: \"<script>alert(1)</script>'; DROP TABLE drafts; --\"")
            try await client.execute(uri: own, method: .put, headers: Self.headers(xc), body: ByteBuffer(string: injection)) { #expect($0.status == .ok) }
            try await client.execute(uri: own, method: .get, headers: Self.headers(xc)) {
                #expect(String(buffer: $0.body).contains("\"topic\": \"<script>alert(1)</script>'; DROP TABLE drafts; --\""), "text in a JSON string, as typed")
            }
            #expect(try f.store.latestDraft(round: "2026-annual", unit: "szq-xuanchuan")?.document == injection)
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: Self.headers(xc)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/rounds", method: .get, headers: Self.headers(xc)) { #expect($0.status == .unauthorized) }
        }
        let denied = try f.store.auditEntries().filter { $0.outcome == .denied }.map(\.action)
        #expect(denied.contains("csrf") && denied.contains("draft.read") && denied.contains("accept"))
    }

    @Test("the ledger item with its history and allowed moves; the 月通报 published, listed and read through the API")
    func ledgerItemAndReports() async throws {
        let f = try LedgerServiceTests.accepted(.sqlite)
        f.clock.advance(20 * 86_400)
        let id = try #require(try f.store.ledger.items(LedgerFilter(unit: "szq-caizheng")).first?.id)
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let cz = try await Self.signIn(client, "cz", "cz-password-1")
            try await client.execute(uri: "/api/v1/ledger/\(id)", method: .get, headers: Self.headers(cz, csrf: false)) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(body.contains("\"moves\": [\"rectifying\", \"rectified\"]") && body.contains("\"action\": \"opened\""), "\(body)")
            }
            let xc = try await Self.signIn(client, "xc", "xc-password-1")
            try await client.execute(uri: "/api/v1/ledger/\(id)", method: .get, headers: Self.headers(xc, csrf: false)) { #expect($0.status == .notFound) }
            let publish = ByteBuffer(string: "{\"month\": \"2026-11\", \"number\": \"市中机工委〔2026〕12号\", \"issuer\": \"中共乐山市市中区直属机关工作委员会\"}")
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: Self.headers(cz), body: publish) { #expect($0.status == .forbidden) }
            let admin = try await Self.signIn(client, "admin", "admin-password")
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: Self.headers(admin, csrf: false), body: publish) { #expect($0.status == .forbidden) }
            let head = try f.store.ledger.head().description
            try await client.execute(uri: "/api/v1/reports", method: .post, headers: Self.headers(admin), body: publish) { response in
                #expect(response.status == .created)
                #expect(String(buffer: response.body).contains("\"head\": \"\(head)\""))
            }
            try await client.execute(uri: "/api/v1/reports", method: .get, headers: Self.headers(cz, csrf: false)) { response in
                #expect(String(buffer: response.body).hasPrefix("[{\"id\": 1, \"month\": \"2026-11\""))
            }
            try await client.execute(uri: "/api/v1/reports/1", method: .get, headers: Self.headers(cz, csrf: false)) { response in
                let text = String(buffer: response.body)
                #expect(text.utf8.contains("\"csv\": \"\u{FEFF}名次".utf8), "the CSV as downloaded, byte-order mark included")
                let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                #expect((object?["html"] as? String)?.contains("关于2026年11月机关党建问题整改情况的通报") == true)
                #expect((object?["csv"] as? String)?.contains("名次,单位") == true)
            }
            try await client.execute(uri: "/api/v1/reports/7", method: .get, headers: Self.headers(cz, csrf: false)) { #expect($0.status == .notFound) }
        }
    }

    /// A YAML self-assessment as the API gives it back.
    static func json(of yaml: String) -> String {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        return YAMLReader().parse(data: Data(yaml.utf8), path: "t", sources: &sources, diagnostics: &diagnostics).first?.json ?? ""
    }
}
