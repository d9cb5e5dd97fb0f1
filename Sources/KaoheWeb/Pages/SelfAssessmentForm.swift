import Foundation
import KaoheCore
import KaoheServer

/// The self-assessment as a form generated from the checklist (SPEC §12): section by section,
/// each fact once with its title and constraints — numbers with min/max, 是/否, dates, selects
/// for enums, record lists as tables with rows to add and remove — then each item's self score
/// and, where the item asks for it, its evidence. The form's fields go back to a §5 document;
/// a value of the wrong kind is kept as typed, so the engine's diagnostic names its field.
struct SelfAssessmentForm {
    let plan: ChecklistPlan
    typealias E = PageLayout

    /// A document's values, by form field name (`fact.members`, `fact.meetings.2.date`,
    /// `score.A2`, `evidence.A2.0.title`), and each record list's row count.
    struct Values {
        var fields: [String: String] = [:]
        var rows: [String: Int] = [:]
    }

    // MARK: Document → values

    /// The values of a saved draft (YAML or JSON).
    func values(of document: String) -> Values {
        var values = Values()
        var sources = SourceStore()
        var ignored = Diagnostics()
        guard let root = YAMLReader().parse(data: Data(document.utf8), path: "draft", sources: &sources, diagnostics: &ignored).first else { return values }
        for fact in plan.facts {
            guard let node = root["facts"]?[fact.name], !node.isNull else { continue }
            switch fact.kind {
            case .records(let fields):
                let items = node.sequence ?? []
                values.rows[fact.name] = items.count
                for (index, item) in items.enumerated() {
                    for field in fields { values.fields["fact.\(fact.name).\(index).\(field.name)"] = Self.text(item[field.name]) }
                }
            case .list:
                values.fields["fact.\(fact.name)"] = (node.sequence ?? []).compactMap(\.scalar).joined(separator: "\n")
            default:
                values.fields["fact.\(fact.name)"] = Self.text(node)
            }
        }
        for pair in root["responses"]?.mapping ?? [] {
            guard let id = pair.key.scalar else { continue }
            values.fields["score.\(id)"] = Self.text(pair.value["self_score"])
            for (index, evidence) in (pair.value["evidence"]?.sequence ?? []).enumerated() {
                values.fields["evidence.\(id).\(index).title"] = evidence.scalar ?? Self.text(evidence["title"])
                values.fields["evidence.\(id).\(index).ref"] = Self.text(evidence["ref"])
            }
        }
        return values
    }

    static func text(_ node: YAMLNode?) -> String? {
        guard let node, !node.isNull else { return nil }
        return node.scalar
    }

    // MARK: Form fields → document

    /// The §5 JSON document the form's fields say, for `unit` in a round of `asOf`.
    func document(from form: [String: String], unit: KaoheCore.Unit, asOf: Day) -> String {
        var facts: [String] = []
        for fact in plan.facts {
            switch fact.kind {
            case .records(let fields):
                let count = Int(form["rows.\(fact.name)"] ?? "") ?? 0
                var records: [String] = []
                for index in 0..<min(count, 1000) {
                    var parts: [String] = []
                    for field in fields {
                        let raw = (form["fact.\(fact.name).\(index).\(field.name)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                        if !raw.isEmpty { parts.append("\(JSONText.quote(field.name)): \(Self.json(raw, as: field.kind))") }
                    }
                    if !parts.isEmpty { records.append("{" + parts.joined(separator: ", ") + "}") }
                }
                if count > 0 || form["fact.\(fact.name).present"] != nil { facts.append("\(JSONText.quote(fact.name)): [\(records.joined(separator: ", "))]") }
            case .list(let element):
                guard let raw = form["fact.\(fact.name)"] else { continue }
                let lines = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if !lines.isEmpty || form["fact.\(fact.name).present"] != nil {
                    facts.append("\(JSONText.quote(fact.name)): [\(lines.map { Self.json($0, as: element) }.joined(separator: ", "))]")
                }
            default:
                let raw = (form["fact.\(fact.name)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if !raw.isEmpty { facts.append("\(JSONText.quote(fact.name)): \(Self.json(raw, as: fact.kind))") }
            }
        }
        var responses: [String] = []
        for item in plan.sections.flatMap(\.items).map(\.item) {
            var parts: [String] = []
            let score = (form["score.\(item.id.value)"] ?? "").trimmingCharacters(in: .whitespaces)
            if !score.isEmpty { parts.append("\"self_score\": \(Self.json(score, as: .decimal))") }
            var evidence: [String] = []
            for index in 0..<max(item.evidence.count, 1) {
                let title = (form["evidence.\(item.id.value).\(index).title"] ?? "").trimmingCharacters(in: .whitespaces)
                let ref = (form["evidence.\(item.id.value).\(index).ref"] ?? "").trimmingCharacters(in: .whitespaces)
                let named = index < item.evidence.count
                // A field the form offers counts only once filled in; a title from the document itself stays.
                if !title.isEmpty && (!named || !ref.isEmpty || form["evidence.\(item.id.value).\(index).kept"] != nil) {
                    evidence.append("{\"title\": \(JSONText.quote(title))" + (ref.isEmpty ? "" : ", \"ref\": \(JSONText.quote(ref))") + "}")
                }
            }
            if !evidence.isEmpty { parts.append("\"evidence\": [\(evidence.joined(separator: ", "))]") }
            if !parts.isEmpty { responses.append("\(JSONText.quote(item.id.value)): {\(parts.joined(separator: ", "))}") }
        }
        var unitFields = ["\"id\": \(JSONText.quote(unit.id))", "\"name\": \(JSONText.quote(unit.name))"]
        if let category = unit.category { unitFields.append("\"category\": \(JSONText.quote(category))") }
        return "{\"kaohe\": 1, \"kind\": \"self-assessment\", \"checklist\": \(JSONText.quote(plan.checklist.id)), "
            + "\"unit\": {\(unitFields.joined(separator: ", "))}, \"as_of\": \(JSONText.quote(asOf.description)), "
            + "\"facts\": {\(facts.joined(separator: ", "))}" + (responses.isEmpty ? "" : ", \"responses\": {\(responses.joined(separator: ", "))}") + "}\n"
    }

    /// A value as JSON: a number or a boolean when it is one, else text (so that a number typed
    /// wrong reaches the engine as written and is reported on its field).
    static func json(_ raw: String, as kind: FactSpec.Kind) -> String {
        switch kind {
        case .int, .decimal:
            return raw.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil ? raw : JSONText.quote(raw)
        case .bool:
            return raw == "true" || raw == "false" ? raw : JSONText.quote(raw)
        default:
            return JSONText.quote(raw)
        }
    }

    // MARK: Rendering

    /// The form, its fields filled from `values`, each field's diagnostics beside it.
    func render(_ values: Values, diagnostics: [FieldDiagnostic], csrf: String, action: String) -> String {
        var messages: [String: [String]] = [:]
        var unplaced: [FieldDiagnostic] = []
        for d in diagnostics {
            if let name = fieldName(for: d.path) { messages[name, default: []].append(d.message + (d.help.map { "（\($0)）" } ?? "")) } else { unplaced.append(d) }
        }
        var out = "<form method=\"post\" action=\"\(E.e(action))\" class=\"assessment\">\(csrf)\n"
        if !unplaced.isEmpty {
            out += "<ul class=\"diagnostics error\" role=\"alert\">" + unplaced.map { "<li>\(E.e($0.path.isEmpty ? "" : $0.path + "："))\(E.e($0.message))</li>" }.joined() + "</ul>\n"
        }
        var shown = Set<String>()
        for section in plan.sections {
            out += "<fieldset><legend>\(E.e(section.section.id.value)) \(E.e(section.section.title))</legend>\n"
            for itemPlan in section.items {
                let item = itemPlan.item
                out += "<div class=\"item\"><h3>\(E.e(item.id.value)) \(E.e(item.title))（\(DecimalMath.format(item.points)) 分）</h3>\n"
                for name in facts(of: itemPlan) where !shown.contains(name) {
                    guard let fact = plan.facts.first(where: { $0.name == name }) else { continue }
                    shown.insert(name)
                    out += field(fact, values, messages)
                }
                out += scoreField(item, values, messages)
                out += "</div>\n"
            }
            out += "</fieldset>\n"
        }
        let rest = plan.facts.filter { !shown.contains($0.name) }
        if !rest.isEmpty {
            out += "<fieldset><legend>其他情况</legend>\n" + rest.map { field($0, values, messages) }.joined() + "</fieldset>\n"
        }
        out += "<p class=\"actions\"><button type=\"submit\" name=\"do\" value=\"save\" class=\"primary\">保存草稿</button> "
        out += "<button type=\"submit\" name=\"do\" value=\"submit\">提交</button>（提交后不能再修改，除非被退回）</p>\n</form>\n"
        return out
    }

    /// The facts an item reads, in the checklist's order.
    func facts(of item: ItemPlan) -> [String] {
        var names: Set<String> = []
        func add(_ expression: CompiledExpression?) { expression?.facts.forEach { names.insert($0) } }
        add(item.when)
        switch item.score {
        case .binary(let e), .expr(let e), .thresholds(let e, _), .deduct(_, let e, _): add(e)
        case .ratio(let of, let over, _, _):
            add(of)
            add(over)
        case .check(let binding): binding.reads.forEach { names.insert($0.name) }
        case .manual: break
        }
        return plan.facts.map(\.name).filter(names.contains)
    }

    /// The form field a diagnostic's path concerns: `facts.meetings[2].date` → `fact.meetings.2.date`.
    func fieldName(for path: String) -> String? {
        if path.hasPrefix("facts.") {
            let rest = path.dropFirst("facts.".count).replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
            let name = String(rest.split(separator: ".").first ?? "")
            guard let fact = plan.facts.first(where: { $0.name == name }) else { return nil }
            if case .list = fact.kind { return "fact.\(name)" }
            return "fact.\(rest)"
        }
        if path.hasPrefix("responses."), path.hasSuffix(".self_score") {
            return "score.\(path.dropFirst("responses.".count).dropLast(".self_score".count))"
        }
        return nil
    }

    func field(_ fact: FactSpec, _ values: Values, _ messages: [String: [String]]) -> String {
        let name = "fact.\(fact.name)"
        let label = E.e(fact.title ?? fact.name)
        var out = "<div class=\"field\">"
        switch fact.kind {
        case .records(let fields):
            let count = max(values.rows[fact.name] ?? 0, 1)
            out += "<fieldset class=\"records\"><legend>\(label)</legend><input type=\"hidden\" name=\"rows.\(fact.name)\" value=\"\(count)\">"
            out += "<input type=\"hidden\" name=\"\(name).present\" value=\"1\">"
            out += "<div class=\"table-wrap\"><table><thead><tr>" + fields.map { "<th scope=\"col\">\(E.e(Self.title(of: $0)))</th>" }.joined() + "<th scope=\"col\"></th></tr></thead><tbody>"
            for index in 0..<count {
                out += "<tr>"
                for f in fields {
                    let cell = "\(name).\(index).\(f.name)"
                    out += "<td>" + input(f, name: cell, id: cell, value: values.fields[cell], label: "\(fact.title ?? fact.name) 第\(index + 1)行 \(Self.title(of: f))")
                        + errors(Self.wording(messages[cell], f, values.fields[cell])) + "</td>"
                }
                out += "<td><button type=\"submit\" name=\"remove\" value=\"\(E.e(fact.name)).\(index)\" aria-label=\"删除第\(index + 1)行\">删除</button></td></tr>"
            }
            out += "</tbody></table></div><button type=\"submit\" name=\"add\" value=\"\(E.e(fact.name))\">添加一行</button>"
            out += errors(messages.filter { $0.key == name || $0.key.hasPrefix(name + ".") && !$0.key.contains(".\(fact.name).") }.flatMap(\.value)) + "</fieldset>"
        case .list:
            out += "<label for=\"\(name)\">\(label)（每行一项）</label><textarea id=\"\(name)\" name=\"\(name)\" rows=\"3\">\(E.e(values.fields[name] ?? ""))</textarea>"
            out += "<input type=\"hidden\" name=\"\(name).present\" value=\"1\">" + errors(messages[name])
        default:
            out += "<label for=\"\(name)\">\(label)\(hint(fact))</label>" + input(fact, name: name, id: name, value: values.fields[name], label: nil)
                + errors(Self.wording(messages[name], fact, values.fields[name]))
        }
        return out + "</div>\n"
    }

    func input(_ fact: FactSpec, name: String, id: String, value: String?, label: String?) -> String {
        let aria = label.map { " aria-label=\"\(E.e($0))\"" } ?? ""
        let value = value ?? ""
        switch fact.kind {
        case .bool:
            return "<select id=\"\(id)\" name=\"\(name)\"\(aria)>" + [("", "未填"), ("true", "是"), ("false", "否")].map {
                "<option value=\"\($0.0)\"\(value == $0.0 ? " selected" : "")>\($0.1)</option>"
            }.joined() + "</select>"
        case .enumeration(let allowed):
            return "<select id=\"\(id)\" name=\"\(name)\"\(aria)><option value=\"\">未填</option>" + allowed.map {
                "<option\(value == $0 ? " selected" : "")>\(E.e($0))</option>"
            }.joined() + "</select>"
        case .date:
            return "<input type=\"date\" id=\"\(id)\" name=\"\(name)\" value=\"\(E.e(value))\"\(aria)>"
        case .int, .decimal:
            let bounds = (fact.min.map { " min=\"\(DecimalMath.format($0))\"" } ?? "") + (fact.max.map { " max=\"\(DecimalMath.format($0))\"" } ?? "")
            return "<input type=\"text\" inputmode=\"decimal\" id=\"\(id)\" name=\"\(name)\" value=\"\(E.e(value))\"\(bounds)\(aria)>"
        default:
            return "<input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\(E.e(value))\"\(aria)>"
        }
    }

    /// A record field's heading: the checklist's title, else the usual Chinese word for the
    /// field names the bundled checklists use, else the name.
    static func title(of field: FactSpec) -> String {
        field.title ?? commonTitles[field.name] ?? field.name
    }

    static let commonTitles = [
        "name": "姓名", "date": "日期", "kind": "类别", "topic": "主题", "village": "村（社区）", "role": "身份", "in_post": "在岗",
        "member": "党员", "months_unpaid": "未交月数", "hours": "学时", "level": "层级", "post": "岗位", "person": "责任人",
        "duties": "职责条数", "problem": "问题", "deadline": "整改期限", "rectified_on": "整改完成日期", "enterprise": "服务企业",
        "last_election": "上次换届时间", "task_ends": "任务结束日期", "dissolved": "已撤销",
    ]

    func hint(_ fact: FactSpec) -> String {
        switch fact.kind {
        case .int: return "（整数" + (fact.min.map { "，≥ \(DecimalMath.format($0))" } ?? "") + (fact.max.map { "，≤ \(DecimalMath.format($0))" } ?? "") + "）"
        case .decimal: return "（数值）"
        case .duration: return "（期限，如 180d、6mo）"
        default: return ""
        }
    }

    func scoreField(_ item: Item, _ values: Values, _ messages: [String: [String]]) -> String {
        let name = "score.\(item.id.value)"
        var out = "<div class=\"field\"><label for=\"\(name)\">自评分（满分 \(DecimalMath.format(item.points))，可不填）</label>"
        out += "<input type=\"text\" inputmode=\"decimal\" id=\"\(name)\" name=\"\(name)\" value=\"\(E.e(values.fields[name] ?? ""))\">" + errors(messages[name])
        for (index, wanted) in item.evidence.enumerated() {
            // Evidence is asked for only where the item names it; it counts only once the unit
            // says where it is (a 文号 or a place), never because the field exists.
            let base = "evidence.\(item.id.value).\(index)"
            out += "<input type=\"hidden\" name=\"\(base).title\" value=\"\(E.e(values.fields["\(base).title"] ?? wanted))\">"
            if values.fields["\(base).title"] != nil { out += "<input type=\"hidden\" name=\"\(base).kept\" value=\"1\">" }
            out += "<label for=\"\(base).ref\">佐证材料：\(E.e(wanted))（文号或存放位置）</label>"
            out += "<input type=\"text\" id=\"\(base).ref\" name=\"\(base).ref\" value=\"\(E.e(values.fields["\(base).ref"] ?? ""))\">"
        }
        return out + "</div>\n"
    }

    /// The engine's messages on a field, in Chinese where the form can say what is wrong with the
    /// value typed: a number outside what the fact allows (the same `FactBreach` the engine
    /// found), or text where a number is wanted. Other messages stay as the engine gave them.
    static func wording(_ messages: [String]?, _ fact: FactSpec, _ typed: String?) -> [String]? {
        guard let messages, !messages.isEmpty, let typed = typed?.trimmingCharacters(in: .whitespaces), !typed.isEmpty else { return messages }
        switch fact.kind {
        case .int, .decimal:
            guard let number = Rational(parsing: typed) else { return ["应填数字（现为“\(typed)”）"] }
            return fact.breach(number: number).map { [$0.chinese] } ?? messages
        case .enumeration, .string:
            return fact.breach(text: typed).map { [$0.chinese] } ?? messages
        default:
            return messages
        }
    }

    func errors(_ list: [String]?) -> String {
        guard let list, !list.isEmpty else { return "" }
        return "<span class=\"field-error\" role=\"alert\">" + list.map(E.e).joined(separator: "；") + "</span>"
    }
}
