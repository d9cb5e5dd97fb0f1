import Foundation
import HTTPTypes
import Hummingbird
import KaoheCore
@testable import KaoheServer
@testable import KaoheWeb
import Testing

/// The pages through Hummingbird's router, as a browser's forms use them.
@Suite("The pages")
struct PageTests {
    static func form(_ fields: [String: String]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(string: fields.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&"))
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs in through the form; the cookie header to send after.
    static func signIn(_ client: RouterClient, _ user: String, _ password: String) async throws -> String {
        try await client.execute(uri: "/login", method: .post, headers: formType, body: form(["user": user, "password": password])) { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/rounds")
            return String((response.headers[.setCookie] ?? "").split(separator: ";").first ?? "")
        }
    }

    static func csrf(in page: String) -> String {
        String(page.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.prefix(32) ?? "")
    }

    static func checkPage(_ html: String) {
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"zh-Hans\">"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(!html.contains("<script") && !html.contains("<style") && !html.contains(" style="), "the CSP forbids inline script and style")
    }

    @Test("sign in, fill in with a mistake, see it, fix it, submit; the committee returns, the unit resubmits, the committee accepts and sees the ranking")
    func round() async throws {
        let f = try ServiceFixture()
        try await RouterClient.test(WebServer.router(f.service)) { client in
            try await client.execute(uri: "/rounds", method: .get) { #expect($0.status == .seeOther && $0.headers[.location] == "/login") }
            try await client.execute(uri: "/login", method: .post, headers: Self.formType, body: Self.form(["user": "xc", "password": "wrong-wrong"])) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("账号或密码不正确"))
            }
            let xc = try await Self.signIn(client, "xc", "xc-password-1")
            let unitPage = "/rounds/2026-annual/units/szq-xuanchuan"
            // The text editor (以文本方式编辑), for those who paste a whole self-assessment.
            let blank = try await client.execute(uri: unitPage + "?mode=text", method: .get, headers: [.cookie: xc]) { String(buffer: $0.body) }
            Self.checkPage(blank)
            #expect(blank.contains("  id: szq-xuanchuan") && blank.contains("as_of: 2026-11-30"), "the template starts with the unit's own header")
            let csrf = Self.csrf(in: blank)
            let good = try ServiceFixture.example("xuanchuan")
            let wrong = good.replacingOccurrences(of: "  members: 21", with: "  members: 二十一")
            let saved = try await client.execute(uri: unitPage + "/save", method: .post, headers: Self.formType.merging([.cookie: xc]),
                                                 body: Self.form(["csrf": csrf, "document": wrong])) { String(buffer: $0.body) }
            #expect(saved.contains("已保存草稿（第 1 版）") && saved.contains("（facts.members）"), "\(saved)")
            _ = try await client.execute(uri: unitPage + "/save", method: .post, headers: Self.formType.merging([.cookie: xc]), body: Self.form(["csrf": csrf, "document": good]))
            let submitted = try await client.execute(uri: unitPage + "/submit", method: .post, headers: Self.formType.merging([.cookie: xc]),
                                                     body: Self.form(["csrf": csrf])) { String(buffer: $0.body) }
            #expect(submitted.contains("已提交，结果如下。") && submitted.contains("总分：<strong>102.00</strong>"))
            #expect(!submitted.contains("<textarea"), "a submitted self-assessment is frozen")

            let admin = try await Self.signIn(client, "admin", "admin-password")
            let overview = try await client.execute(uri: "/rounds/2026-annual", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            Self.checkPage(overview)
            let adminCSRF = Self.csrf(in: overview)
            try await client.execute(uri: unitPage + "/return", method: .post, headers: Self.formType.merging([.cookie: admin]),
                                     body: Self.form(["csrf": adminCSRF, "reason": "<b>请补充</b>签到表"])) { #expect($0.status == .seeOther) }
            let returned = try await client.execute(uri: unitPage, method: .get, headers: [.cookie: xc]) { String(buffer: $0.body) }
            #expect(returned.contains("退回原因：&lt;b&gt;请补充&lt;/b&gt;签到表"), "the reason is shown as text")
            _ = try await client.execute(uri: unitPage + "/save", method: .post, headers: Self.formType.merging([.cookie: xc]), body: Self.form(["csrf": csrf, "document": good]))
            _ = try await client.execute(uri: unitPage + "/submit", method: .post, headers: Self.formType.merging([.cookie: xc]), body: Self.form(["csrf": csrf]))
            try await client.execute(uri: unitPage + "/accept", method: .post, headers: Self.formType.merging([.cookie: admin]),
                                     body: Self.form(["csrf": adminCSRF])) { #expect($0.status == .seeOther) }
            let results = try await client.execute(uri: "/rounds/2026-annual/results", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            Self.checkPage(results)
            #expect(results.contains("区委宣传部机关党支部（szq-xuanchuan）") && results.contains("<strong>102.00</strong>"))
            try await client.execute(uri: "/rounds/2026-annual/results", method: .get, headers: [.cookie: xc]) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/assets/kaohe.css", method: .get) { #expect($0.headers[.contentType] == "text/css; charset=utf-8") }
        }
    }

    @Test("the generated form: filled in field by field, a row added, a wrong number shown beside its field, then submitted")
    func generatedForm() async throws {
        let f = try ServiceFixture()
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let cz = try await Self.signIn(client, "cz", "cz-password-1")
            let page = "/rounds/2026-annual/units/szq-caizheng"
            // Start from the example's values, as if the unit had typed them into the form.
            _ = try f.service.saveDraft("2026-annual", "szq-caizheng", document: try ServiceFixture.example("caizheng"), by: try f.signIn("cz", "cz-password-1"))
            let first = try await client.execute(uri: page, method: .get, headers: [.cookie: cz]) { String(buffer: $0.body) }
            Self.checkPage(first)
            #expect(first.contains("<legend>F 强化政治引领</legend>") && first.contains("class=\"assessment\""))
            var fields = SelfAssessmentFormTests.fields(of: first)
            fields["add"] = "village_visits"
            let added = try await client.execute(uri: page + "/form", method: .post, headers: Self.formType.merging([.cookie: cz]), body: Self.form(fields)) { String(buffer: $0.body) }
            #expect(added.contains("fact.village_visits.4.village"), "a fifth, empty row to fill in")
            fields = SelfAssessmentFormTests.fields(of: added)
            fields["fact.members"] = "十六"
            fields["do"] = "submit"
            let refused = try await client.execute(uri: page + "/form", method: .post, headers: Self.formType.merging([.cookie: cz]), body: Self.form(fields)) { String(buffer: $0.body) }
            #expect(refused.contains("未能提交") && refused.contains("<span class=\"field-error\" role=\"alert\">"), "\(refused)")
            #expect(refused.contains("value=\"十六\""), "what was typed is kept")
            #expect(refused.contains("应填数字（现为“十六”）"), "the mistake is said in Chinese beside the field")
            fields = SelfAssessmentFormTests.fields(of: refused)
            fields["fact.members"] = "-3"
            let below = try await client.execute(uri: page + "/form", method: .post, headers: Self.formType.merging([.cookie: cz]), body: Self.form(fields)) { String(buffer: $0.body) }
            #expect(below.contains("<span class=\"field-error\" role=\"alert\">不能小于 0（现为 -3）</span>"))
            fields = SelfAssessmentFormTests.fields(of: refused)
            fields["fact.members"] = "16"
            fields["do"] = "submit"
            let submitted = try await client.execute(uri: page + "/form", method: .post, headers: Self.formType.merging([.cookie: cz]), body: Self.form(fields)) { String(buffer: $0.body) }
            #expect(submitted.contains("已提交，结果如下。") && submitted.contains("总分：<strong>80.23</strong>"), "\(submitted.prefix(3000))")
        }
    }

    @Test("一表同享: a unit's form in a later round starts from its last round's values, to confirm or change")
    func prefill() async throws {
        let f = try ServiceFixture()
        let xcActor = try f.signIn("xc", "xc-password-1")
        _ = try f.service.saveDraft("2026-annual", "szq-xuanchuan", document: try ServiceFixture.example("xuanchuan"), by: xcActor)
        let next = Round(id: "2027-annual", checklist: "leshan-shizhong.annual", asOf: Day("2027-11-30") ?? f.round.asOf)
        try f.service.openRound(next, units: try f.store.units(of: "2026-annual").map(\.unit), by: "admin")
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let xc = try await Self.signIn(client, "xc", "xc-password-1")
            let page = try await client.execute(uri: "/rounds/2027-annual/units/szq-xuanchuan", method: .get, headers: [.cookie: xc]) { String(buffer: $0.body) }
            #expect(page.contains("一表同享：已按上一轮次（2026-annual）的填报内容预填"))
            #expect(SelfAssessmentFormTests.fields(of: page)["fact.members"] == "21")
            let other = try await client.execute(uri: "/rounds/2026-annual/units/szq-xuanchuan", method: .get, headers: [.cookie: xc]) { String(buffer: $0.body) }
            #expect(!other.contains("一表同享"), "a round with its own draft is not prefilled")
        }
        #expect(try f.store.latestDraft(round: "2027-annual", unit: "szq-xuanchuan") == nil, "nothing is saved until the unit saves")
    }

    @Test("the committee opens a round on its page (every mistake of the form at once), and takes the results away as CSV, HTML and JSON")
    func openRoundAndExports() async throws {
        let f = try ServiceFixture()
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let admin = try await Self.signIn(client, "admin", "admin-password")
            let form = try await client.execute(uri: "/rounds/new", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            Self.checkPage(form)
            #expect(form.contains("<option value=\"leshan-shizhong.annual\">"))
            let csrf = Self.csrf(in: form)
            let bad = try await client.execute(uri: "/rounds", method: .post, headers: Self.formType.merging([.cookie: admin]),
                                               body: Self.form(["csrf": csrf, "id": "二〇二七", "checklist": "leshan-shizhong.annual", "as_of": "2027-13-01",
                                                                "units": "szq-a,甲单位,economic\nszq-b"])) { response in
                #expect(response.status == .unprocessableContent)
                return String(buffer: response.body)
            }
            #expect(bad.contains("轮次编号只能用字母") && bad.contains("考核日期应为 YYYY-MM-DD") && bad.contains("参加单位:2:1: error: expected id,name,category"))
            #expect(bad.contains("value=\"二〇二七\""), "what was typed is kept")
            try await client.execute(uri: "/rounds", method: .post, headers: Self.formType.merging([.cookie: admin]),
                                     body: Self.form(["csrf": csrf, "id": "2027-q1", "checklist": "leshan-shizhong.annual", "as_of": "2027-03-31",
                                                      "units": "id,name,category\nszq-xuanchuan,区委宣传部机关党支部,party-government\nszq-x,<img src=x onerror=alert(1)>'--,economic"])) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/rounds/2027-q1")
            }
            let opened = try await client.execute(uri: "/rounds/2027-q1", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            #expect(opened.contains("&lt;img src=x onerror=alert(1)&gt;&#39;--") || opened.contains("&lt;img src=x onerror=alert(1)&gt;'--"), "a unit's name is shown as text")
            #expect(!opened.contains("<img src=x"))
            #expect(try f.store.rounds().map(\.id) == ["2026-annual", "2027-q1"])
            #expect(try f.store.auditEntries().contains { $0.action == "rounds.open" && $0.target == "2027-q1" && $0.actor == "admin" })

            let xcActor = try f.signIn("xc", "xc-password-1")
            _ = try f.service.saveDraft("2026-annual", "szq-xuanchuan", document: try ServiceFixture.example("xuanchuan"), by: xcActor)
            _ = try f.service.submit("2026-annual", "szq-xuanchuan", by: xcActor)
            let expected = try f.service.results("2026-annual", for: try f.signIn("admin", "admin-password"))
            try await client.execute(uri: "/rounds/2026-annual/results.json", method: .get, headers: [.cookie: admin]) { response in
                #expect(String(buffer: response.body) == expected)
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"____-2026-annual.json\"") == true)
            }
            try await client.execute(uri: "/rounds/2026-annual/results.csv", method: .get, headers: [.cookie: admin]) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(String(buffer: response.body).hasPrefix("\u{FEFF}"), "a byte-order mark, for Excel")
                #expect(String(buffer: response.body).contains("区委宣传部机关党支部"))
            }
            try await client.execute(uri: "/rounds/2026-annual/results.html", method: .get, headers: [.cookie: admin]) { response in
                #expect(String(buffer: response.body).hasPrefix("<!DOCTYPE html>"))
            }
            let xc = try await Self.signIn(client, "xc", "xc-password-1")
            try await client.execute(uri: "/rounds/new", method: .get, headers: [.cookie: xc]) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/rounds/2026-annual/results.csv", method: .get, headers: [.cookie: xc]) { #expect($0.status == .forbidden) }
        }
    }

    @Test("a form posted without the session's CSRF token is refused")
    func csrf() async throws {
        let f = try ServiceFixture()
        try await RouterClient.test(WebServer.router(f.service)) { client in
            let xc = try await Self.signIn(client, "xc", "xc-password-1")
            try await client.execute(uri: "/rounds/2026-annual/units/szq-xuanchuan/save", method: .post, headers: Self.formType.merging([.cookie: xc]),
                                     body: Self.form(["document": "kaohe: 1"])) { #expect($0.status == .forbidden) }
            #expect(try f.store.latestDraft(round: "2026-annual", unit: "szq-xuanchuan") == nil)
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var all = self
        for field in other { all.append(field) }
        return all
    }
}
