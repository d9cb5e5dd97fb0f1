import Foundation
import HTTPTypes
import Hummingbird
import KaoheCore
@testable import KaoheServer
@testable import KaoheWeb
import KaoheStorageTestSupport
import Testing

/// On-site scoring in the browser: the committee assigns an assessor, who opens the unit and
/// scores its manual item on a page of its own; the unit's result changes; the committee
/// downloads the sheets, and the API says the same.
@Suite("The on-site scoring pages")
struct OnsitePageTests {
    @Test("assign, score on the item's page (a bad value shown with what was typed), the unit's result changes; others are refused")
    func assignAndScore() async throws {
        let o = try OnsiteFixture(.sqlite)
        _ = try o.submitZuzhibu()
        try await RouterClient.test(WebServer.router(o.service)) { client in
            let admin = try await PageTests.signIn(client, "admin", "admin-password")
            let onsite = try await client.execute(uri: "/rounds/2026-maonan/onsite", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            PageTests.checkPage(onsite)
            #expect(onsite.contains("没有待裁定的分歧") && onsite.contains("<option value=\"kz1\">第一考核组 王明</option>"))
            try await client.execute(uri: "/rounds/2026-maonan/onsite/mn-zuzhibu/assign", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                     body: PageTests.form(["csrf": PageTests.csrf(in: onsite), "assessor": "kz1"])) { #expect($0.status == .seeOther) }

            let kz1 = try await PageTests.signIn(client, "kz1", "kz1-password")
            try await client.execute(uri: "/rounds/2026-maonan", method: .get, headers: [.cookie: kz1]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/rounds/2026-maonan/onsite")
            }
            let mine = try await client.execute(uri: "/rounds/2026-maonan/onsite", method: .get, headers: [.cookie: kz1]) { String(buffer: $0.body) }
            #expect(mine.contains("分配给您的单位（1 个）") && mine.contains("/rounds/2026-maonan/onsite/mn-zuzhibu\">区委组织部机关党支部"))
            #expect(!mine.contains("区民政局"))
            let items = try await client.execute(uri: "/rounds/2026-maonan/onsite/mn-zuzhibu", method: .get, headers: [.cookie: kz1]) { String(buffer: $0.body) }
            #expect(items.contains("D1 党建阵地建设（现场查看）</a>（满分 5，自评 5）") && items.contains("未评分"))
            let form = try await client.execute(uri: "/rounds/2026-maonan/onsite/mn-zuzhibu/items/D1", method: .get, headers: [.cookie: kz1]) { String(buffer: $0.body) }
            PageTests.checkPage(form)
            #expect(form.contains("max=\"5\"") && form.contains("value=\"个别谈话\""))
            let bad = try await client.execute(uri: "/rounds/2026-maonan/onsite/mn-zuzhibu/items/D1", method: .post, headers: PageTests.formType.merging([.cookie: kz1]),
                                               body: PageTests.form(["csrf": PageTests.csrf(in: form), "points": "6", "method": "现场查看", "note": "<b>阵地</b>"])) { String(buffer: $0.body) }
            #expect(bad.contains("得分须在 0 到 5 分之间") && bad.contains("value=\"6\"") && bad.contains("&lt;b&gt;阵地&lt;/b&gt;"))
            try await client.execute(uri: "/rounds/2026-maonan/onsite/mn-zuzhibu/items/D1", method: .post, headers: PageTests.formType.merging([.cookie: kz1]),
                                     body: PageTests.form(["csrf": PageTests.csrf(in: form), "points": "3.5", "method": "现场查看", "note": "阵地标识不全"])) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/rounds/2026-maonan/onsite/mn-zuzhibu?saved=D1")
            }
            let after = try await client.execute(uri: "/rounds/2026-maonan/onsite/mn-zuzhibu?saved=D1", method: .get, headers: [.cookie: kz1]) { String(buffer: $0.body) }
            #expect(after.contains("已保存 D1 的现场评分，本单位的考核结果已随之更新") && after.contains("第一考核组 王明：3.5 分（现场查看）"))

            let zzb = try await PageTests.signIn(client, "zzb", "zzb-password")
            let result = try await client.execute(uri: "/rounds/2026-maonan/units/mn-zuzhibu", method: .get, headers: [.cookie: zzb]) { String(buffer: $0.body) }
            #expect(result.contains("现场评分 3.5（现场查看，第一考核组 王明）：阵地标识不全"), "\(result.prefix(3000))")
            try await client.execute(uri: "/rounds/2026-maonan/onsite/mn-zuzhibu", method: .get, headers: [.cookie: zzb]) { #expect($0.status == .forbidden) }
            let kz2 = try await PageTests.signIn(client, "kz2", "kz2-password")
            try await client.execute(uri: "/rounds/2026-maonan/onsite/mn-zuzhibu/items/D1", method: .get, headers: [.cookie: kz2]) { #expect($0.status == .forbidden) }

            try await client.execute(uri: "/rounds/2026-maonan/scoresheets.yaml", method: .get, headers: [.cookie: admin]) { response in
                let text = String(buffer: response.body)
                #expect(response.headers[.contentDisposition]?.contains("2026-maonan-scoresheets.yaml") == true)
                #expect(text.contains("---\n{\"kaohe\": 1, \"kind\": \"scoresheet\", \"assessor\": \"第一考核组 王明\", \"unit\": \"mn-zuzhibu\""))
                #expect(text.contains("\"D1\": {\"points\": 3.5, \"method\": \"现场查看\", \"note\": \"阵地标识不全\"}"))
            }
            try await client.execute(uri: "/rounds/2026-maonan/scoresheets.yaml", method: .get, headers: [.cookie: kz1]) { #expect($0.status == .forbidden) }
        }
    }

    @Test("the API: assign, score, see the item, a dispute decided; without the CSRF token nothing changes")
    func api() async throws {
        let o = try OnsiteFixture(.sqlite)
        _ = try o.submitZuzhibu()
        try await RouterClient.test(WebServer.router(o.service)) { client in
            let admin = try await APITests.signIn(client, "admin", "admin-password")
            try await client.execute(uri: "/api/v1/rounds/2026-maonan/units/mn-zuzhibu/assessors/kz1", method: .put, headers: APITests.headers(admin, csrf: false)) {
                #expect($0.status == .forbidden)
            }
            for assessor in ["kz1", "kz2"] {
                try await client.execute(uri: "/api/v1/rounds/2026-maonan/units/mn-zuzhibu/assessors/\(assessor)", method: .put,
                                         headers: APITests.headers(admin)) { #expect($0.status == .ok) }
            }
            for (user, points) in [("kz1", 4), ("kz2", 2)] {
                let session = try await APITests.signIn(client, user, "\(user)-password")
                try await client.execute(uri: "/api/v1/rounds/2026-maonan/units/mn-zuzhibu/onsite/D1", method: .put, headers: APITests.headers(session),
                                         body: ByteBuffer(string: "{\"points\": \(points), \"method\": \"查阅资料\"}")) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"scores\": [{\"assessor\": \"\(user)\""))
                }
            }
            let disputes = try await client.execute(uri: "/api/v1/rounds/2026-maonan/onsite/disputes", method: .get, headers: APITests.headers(admin)) { String(buffer: $0.body) }
            #expect(disputes.contains("\"item\": \"D1\"") && disputes.contains("\"points\": 4") && disputes.contains("\"points\": 2"))
            try await client.execute(uri: "/api/v1/rounds/2026-maonan/units/mn-zuzhibu/onsite/D1/decide", method: .post,
                                     headers: APITests.headers(admin), body: ByteBuffer(string: "{\"assessor\": \"kz1\"}")) { #expect($0.status == .ok) }
            let sheets = try await client.execute(uri: "/api/v1/rounds/2026-maonan/scoresheets", method: .get, headers: APITests.headers(admin)) { String(buffer: $0.body) }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(sheets.utf8)) as? [String: Any])
            #expect((object["scoresheets"] as? [[String: Any]])?.map { $0["assessor"] as? String } == ["第一考核组 王明"])
            let results = try await client.execute(uri: "/api/v1/rounds/2026-maonan/results", method: .get, headers: APITests.headers(admin)) { String(buffer: $0.body) }
            #expect(results.contains("现场评分 4（查阅资料，第一考核组 王明）"))
        }
    }
}
