import Foundation
import KaoheCore
@testable import KaoheServer
@testable import KaoheWeb
import Testing

@Suite("The generated form")
struct SelfAssessmentFormTests {
    /// The fields a browser would post from `html`: inputs, selects (their selected option) and textareas.
    static func fields(of html: String) -> [String: String] {
        var fields: [String: String] = [:]
        func unescape(_ s: String) -> String {
            s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        func attribute(_ name: String, in tag: String) -> String? {
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[range.upperBound...]
            return rest.firstIndex(of: "\"").map { unescape(String(rest[..<$0])) }
        }
        for tag in html.components(separatedBy: "<input ").dropFirst() {
            let head = String(tag.prefix { $0 != ">" })
            if let name = attribute("name", in: head) { fields[name] = attribute("value", in: head) ?? "" }
        }
        for part in html.components(separatedBy: "<select ").dropFirst() {
            let head = String(part.prefix { $0 != ">" })
            guard let name = attribute("name", in: head), let end = part.range(of: "</select>") else { continue }
            let options = part[..<end.lowerBound].components(separatedBy: "<option").dropFirst()
            if let chosen = options.first(where: { $0.hasPrefix(" value=\"\"") == false && $0.contains(" selected") }) ?? options.first(where: { $0.contains(" selected") }) {
                let text = chosen.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first ?? ""
                fields[name] = attribute("value", in: String(chosen.prefix { $0 != ">" })) ?? unescape(text)
            } else {
                fields[name] = ""
            }
        }
        for part in html.components(separatedBy: "<textarea ").dropFirst() {
            let head = String(part.prefix { $0 != ">" })
            guard let name = attribute("name", in: head), let start = part.firstIndex(of: ">"), let end = part.range(of: "</textarea>") else { continue }
            fields[name] = unescape(String(part[part.index(after: start)..<end.lowerBound]))
        }
        return fields
    }

    @Test("each example unit through the form and back scores exactly as its file: the form loses nothing", arguments: ["xuanchuan", "caizheng", "gongan", "jiaoyu"])
    func roundTrip(_ name: String) throws {
        let f = try ServiceFixture()
        let plan = try #require(f.service.rules.rules.plans["leshan-shizhong.annual"])
        let form = SelfAssessmentForm(plan: plan)
        let original = try ServiceFixture.example(name)
        let html = form.render(form.values(of: original), diagnostics: [], csrf: "", action: "/x")
        let original_ = try f.service.engine.evaluate(f.service.rules, text: original, path: "\(name).yaml")
        let unit = try #require(original_.batch.results.first).unit
        let document = form.document(from: Self.fields(of: html), unit: unit, asOf: f.round.asOf)
        let again = try f.service.engine.evaluate(f.service.rules, text: document, path: "\(name).json")
        // Self scores and evidence come through too, so the JSON results are equal byte for byte.
        #expect(ResultJSON.render(again.batch) == ResultJSON.render(original_.batch))
    }

    @Test("a number typed wrong is kept and reported beside its field; an empty row is dropped; every kind has its input")
    func fieldsAndErrors() throws {
        let f = try ServiceFixture()
        let plan = try #require(f.service.rules.rules.plans["leshan-shizhong.annual"])
        let form = SelfAssessmentForm(plan: plan)
        var fields = Self.fields(of: form.render(form.values(of: try ServiceFixture.example("caizheng")), diagnostics: [], csrf: "", action: "/x"))
        fields["fact.members"] = "十六"
        fields["rows.theme_education"] = "6"
        let document = form.document(from: fields, unit: KaoheCore.Unit(id: "szq-caizheng", name: "区财政局机关党支部", category: "economic"), asOf: f.round.asOf)
        #expect(document.contains("\"members\": \"十六\""))
        #expect(document.components(separatedBy: "\"kind\": \"集中学习\"").count - 1 == 2, "five rows given, the sixth empty row dropped")
        var failure: EngineFailure?
        do { _ = try f.service.engine.evaluate(f.service.rules, text: document, path: "x.json") } catch { failure = error }
        let diagnostics = FieldDiagnostic.of(try #require(failure), document: document, path: "x.json")
        #expect(diagnostics.map(\.path) == ["facts.members"])
        let html = form.render(form.values(of: document), diagnostics: diagnostics, csrf: "", action: "/x")
        #expect(html.contains("<span class=\"field-error\" role=\"alert\">"))
        #expect(html.contains("<select id=\"fact.has_rules\" name=\"fact.has_rules\"><option value=\"\">未填</option><option value=\"true\" selected>是</option>"))
        #expect(html.contains("type=\"date\" id=\"fact.last_election\""))
        #expect(html.contains("<option selected>集中学习</option>"))
        #expect(html.contains("name=\"add\" value=\"theme_education\">添加一行</button>"))
        #expect(!html.contains("<script") && !html.contains(" style="))
        // Evidence: asked for where the item names it (A1), counted only once the unit says where it is.
        #expect(html.contains("佐证材料：运行规则印发文件（文号或存放位置）"))
        #expect(!document.contains("\"evidence\""))
        fields["evidence.A1.0.ref"] = "市中机党〔2026〕3号"
        let withEvidence = form.document(from: fields, unit: KaoheCore.Unit(id: "szq-caizheng", name: "区财政局机关党支部", category: "economic"), asOf: f.round.asOf)
        #expect(withEvidence.contains("\"A1\": {\"evidence\": [{\"title\": \"运行规则印发文件\", \"ref\": \"市中机党〔2026〕3号\"}]}"))
    }
}
