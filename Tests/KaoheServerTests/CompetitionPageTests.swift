import Foundation
import HTTPTypes
import Hummingbird
import KaoheCore
@testable import KaoheServer
@testable import KaoheWeb
import KaoheStorageTestSupport
import Testing

/// The competition in the browser's pages and in the API: the committee enters daily scores,
/// names the finalists and asks the jurors; a juror scores a finalist on a page of its own (a
/// value above the dimension's points is shown again with what was typed) and sees nothing of the
/// others'; the committee closes scoring and the board shows the trimmed totals and the winners.
@Suite("The competition pages")
struct CompetitionPageTests {
    static let base = "/rounds/2026-maonan/competitions/maonan.innovation-2026"

    @Test("daily scores, finalists and jurors through the committee's board; a juror's pages; the close and the results")
    func committeeAndJurors() async throws {
        let c = try CompetitionFixture(.sqlite)
        try c.submitAll()
        try c.acceptAll()
        try await RouterClient.test(WebServer.router(c.service)) { client in
            let admin = try await PageTests.signIn(client, "admin", "admin-password")
            let round = try await client.execute(uri: "/rounds/2026-maonan", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            #expect(round.contains("<a href=\"/rounds/2026-maonan/competitions\">品牌项目比赛"))
            let list = try await client.execute(uri: "/rounds/2026-maonan/competitions", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            #expect(list.contains("<a href=\"\(Self.base)\">茂南区区直机关党建创新大赛（2026）</a>"))
            let preview = try await client.execute(uri: Self.base, method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            PageTests.checkPage(preview)
            #expect(preview.contains("尚未确定入围名单") && preview.contains("name=\"daily-mn-zuzhibu\"") && preview.contains("初审结论为返工"))
            let csrf = PageTests.csrf(in: preview)
            let bad = try await client.execute(uri: Self.base + "/daily", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                               body: PageTests.form(["csrf": csrf, "daily-mn-zuzhibu": "90", "daily-mn-minzhengju": "101"])) { String(buffer: $0.body) }
            #expect(bad.contains("区民政局机关党支部：日常得分须在 0 到 100 分之间") && bad.contains("value=\"101\""))
            try await client.execute(uri: Self.base + "/finalists", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                     body: PageTests.form(["csrf": csrf])) { response in
                #expect(String(buffer: response.body).contains("以下入围单位还没有日常得分：mn-minzhengju、mn-zhifaju"))
            }
            try await client.execute(uri: Self.base + "/daily", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                     body: PageTests.form(["csrf": csrf, "daily-mn-zuzhibu": "90", "daily-mn-minzhengju": "95.5", "daily-mn-zhifaju": "80"])) { response in
                #expect(response.status == .seeOther && response.headers[.location] == Self.base + "?done=daily")
            }
            try await client.execute(uri: Self.base + "/finalists", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                     body: PageTests.form(["csrf": csrf])) { #expect($0.status == .seeOther) }
            for juror in 1...5 {
                try await client.execute(uri: Self.base + "/jurors", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                         body: PageTests.form(["csrf": csrf, "juror": "pw\(juror)"])) { #expect($0.status == .seeOther) }
            }
            let scoring = try await client.execute(uri: Self.base, method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            #expect(scoring.contains("入围名单已确定（3 个）") && scoring.contains("<td>评委1</td><td>0 / 3</td>") && !scoring.contains("name=\"daily-"))

            // A juror: the round's link goes straight to the competitions; each finalist on its own page.
            let pw1 = try await PageTests.signIn(client, "pw1", "pw1-password")
            try await client.execute(uri: "/rounds/2026-maonan", method: .get, headers: [.cookie: pw1]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/rounds/2026-maonan/competitions")
            }
            try await client.execute(uri: Self.base, method: .get, headers: [.cookie: pw1]) { #expect($0.headers[.location] == Self.base + "/jury") }
            let tasks = try await client.execute(uri: Self.base + "/jury", method: .get, headers: [.cookie: pw1]) { String(buffer: $0.body) }
            #expect(tasks.contains("入围单位 3 个，您已评 0 个") && tasks.contains("\(Self.base)/jury/mn-minzhengju\">区民政局机关党支部</a>（民政暖心驿站）"))
            let form = try await client.execute(uri: Self.base + "/jury/mn-zuzhibu", method: .get, headers: [.cookie: pw1]) { String(buffer: $0.body) }
            PageTests.checkPage(form)
            #expect(form.contains("政治性（0 到 20 分）") && form.contains("max=\"20\"") && form.contains("红色引擎"))
            var fields = CompetitionFixture.points(juror: 1, unit: "mn-zuzhibu")
            fields["csrf"] = PageTests.csrf(in: form)
            fields["novelty"] = "25"
            let refused = try await client.execute(uri: Self.base + "/jury/mn-zuzhibu", method: .post, headers: PageTests.formType.merging([.cookie: pw1]),
                                                   body: PageTests.form(fields)) { String(buffer: $0.body) }
            #expect(refused.contains("新颖性须在 0 到 20 分之间") && refused.contains("value=\"25\""))
            fields["novelty"] = "15.5"
            try await client.execute(uri: Self.base + "/jury/mn-zuzhibu", method: .post, headers: PageTests.formType.merging([.cookie: pw1]),
                                     body: PageTests.form(fields)) { #expect($0.headers[.location] == Self.base + "/jury?saved=mn-zuzhibu") }
            let saved = try await client.execute(uri: Self.base + "/jury?saved=mn-zuzhibu", method: .get, headers: [.cookie: pw1]) { String(buffer: $0.body) }
            #expect(saved.contains("已保存对 区委组织部机关党支部 的评分") && saved.contains("已评，合计 76.5 分") && saved.contains("您已评 1 个"))
            try await client.execute(uri: "/rounds/2026-maonan/units/mn-zuzhibu", method: .get, headers: [.cookie: pw1]) { #expect($0.status == .forbidden) }
            try c.scoreAll(jurors: 1..<5)
            try c.service.saveJury(c.round.id, CompetitionFixture.competition, "mn-minzhengju", scores: CompetitionFixture.points(juror: 1, unit: "mn-minzhengju"), by: c.jurors[0])

            // Short of jurors: the close is refused with who is missing.
            let short = try await client.execute(uri: Self.base + "/close", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                                 body: PageTests.form(["csrf": csrf])) { String(buffer: $0.body) }
            #expect(short.contains("还不够的：mn-zhifaju（4位）"))
            try c.service.saveJury(c.round.id, CompetitionFixture.competition, "mn-zhifaju", scores: CompetitionFixture.points(juror: 1, unit: "mn-zhifaju"), by: c.jurors[0])
            try await client.execute(uri: Self.base + "/close", method: .post, headers: PageTests.formType.merging([.cookie: admin]),
                                     body: PageTests.form(["csrf": csrf])) { #expect($0.headers[.location] == Self.base + "?done=closed") }
            let closed = try await client.execute(uri: Self.base + "?done=closed", method: .get, headers: [.cookie: admin]) { String(buffer: $0.body) }
            PageTests.checkPage(closed)
            #expect(closed.contains("评分已结束") && closed.contains("六、优秀项目（8 个）") && closed.contains("<del>评委1 "))
            #expect(closed.contains("report.html\" download"))
            let results = try await client.execute(uri: Self.base + "/jury", method: .get, headers: [.cookie: pw1]) { String(buffer: $0.body) }
            #expect(results.contains("评分已结束，不能再改分") && results.contains("五、最终排名"))
            try await client.execute(uri: Self.base + "/report.html", method: .get, headers: [.cookie: admin]) { response in
                #expect(response.headers[.contentDisposition]?.contains("maonan.innovation-2026.html") == true)
                #expect(String(buffer: response.body).contains("<h2>六、优秀项目（8 个）</h2>"))
            }
        }
    }

    @Test("the API: the board hides jurors' points before the close; a juror's scores; the report equals kaohe competition's JSON; no CSRF token, no change")
    func api() async throws {
        let c = try CompetitionFixture(.sqlite)
        try c.named()
        let api = "/api/v1" + Self.base
        try await RouterClient.test(WebServer.router(c.service)) { client in
            let admin = try await APITests.signIn(client, "admin", "admin-password")
            let pw1 = try await APITests.signIn(client, "pw1", "pw1-password")
            let body = ByteBuffer(string: "{\"political\": 18, \"ideological\": 17.5, \"feasibility\": 16, \"novelty\": 15, \"effectiveness\": 19}")
            try await client.execute(uri: api + "/jury/mn-zuzhibu", method: .put, headers: APITests.headers(pw1, csrf: false), body: body) { #expect($0.status == .forbidden) }
            try await client.execute(uri: api + "/jury/mn-zuzhibu", method: .put, headers: APITests.headers(pw1), body: body) { #expect($0.status == .ok) }
            try await client.execute(uri: api + "/jury/mn-zuzhibu", method: .put, headers: APITests.headers(pw1),
                                     body: ByteBuffer(string: "{\"political\": 21}")) { #expect($0.status == .unprocessableContent) }
            let mine = try await client.execute(uri: api + "/jury", method: .get, headers: APITests.headers(pw1)) { String(buffer: $0.body) }
            #expect(mine.contains("\"stage\": \"scoring\"") && mine.contains("\"scores\": {\"effectiveness\": 19, \"feasibility\": 16, \"ideological\": 17.5, \"novelty\": 15, \"political\": 18}"))
            try await client.execute(uri: api, method: .get, headers: APITests.headers(pw1)) { #expect($0.status == .forbidden) }
            let board = try await client.execute(uri: api, method: .get, headers: APITests.headers(admin)) { String(buffer: $0.body) }
            #expect(board.contains("{\"id\": \"pw1\", \"name\": \"评委1\", \"scored\": 1}") && !board.contains("17.5"))
            #expect(board.contains("\"finalists\": [\"mn-zuzhibu\", \"mn-minzhengju\", \"mn-zhifaju\"]"))
            try c.scoreAll()
            try await client.execute(uri: api + "/close", method: .post, headers: APITests.headers(admin)) { #expect($0.status == .ok) }
            try await client.execute(uri: api + "/close", method: .post, headers: APITests.headers(admin)) { #expect($0.status == .conflict) }
            let report = try await client.execute(uri: api + "/report", method: .get, headers: APITests.headers(pw1)) { String(buffer: $0.body) }
            let outcome = try #require(try c.service.competitionBoard(c.round.id, CompetitionFixture.competition, for: c.admin).outcome)
            #expect(report == CompetitionReport.json(outcome))
            let sheets = try await client.execute(uri: api + "/sheets", method: .get, headers: APITests.headers(admin)) { String(buffer: $0.body) }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(sheets.utf8)) as? [String: Any])
            #expect((object["jury"] as? [[String: Any]])?.count == 5 && (object["daily"] as? [String: Any])?["kind"] as? String == "daily")
            try await client.execute(uri: api + "/sheets", method: .get, headers: APITests.headers(pw1)) { #expect($0.status == .forbidden) }
        }
    }
}
