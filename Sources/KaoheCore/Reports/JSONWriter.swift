import Foundation

/// A tiny JSON builder that keeps keys in the order they are written (results have a stable,
/// documented key order) and numbers in decimal form.
package struct JSONObject {
    /// The object so far, without its closing brace: keys are appended in place.
    private var buffer = "{"

    package init() {}

    package mutating func add(_ key: String, raw: String) {
        if buffer.utf8.count > 1 { buffer += ", " }
        JSONText.append(key, to: &buffer)
        buffer += ": "
        buffer += raw
    }
    package mutating func add(_ key: String, _ value: String) {
        if buffer.utf8.count > 1 { buffer += ", " }
        JSONText.append(key, to: &buffer)
        buffer += ": "
        JSONText.append(value, to: &buffer)
    }
    package mutating func add(_ key: String, _ value: String?) {
        if let value { add(key, value) } else { add(key, raw: "null") }
    }
    package mutating func add(_ key: String, _ value: Bool) { add(key, raw: value ? "true" : "false") }
    package mutating func add(_ key: String, score: Rational) { add(key, raw: DecimalMath.format(DecimalMath.round(score))) }
    package mutating func add(_ key: String, score: Rational?) { add(key, raw: score.map { DecimalMath.format(DecimalMath.round($0)) } ?? "null") }
    package mutating func add(_ key: String, _ object: JSONObject) { add(key, raw: object.text) }
    package mutating func add(_ key: String, array: [String]) { add(key, raw: "[" + array.joined(separator: ", ") + "]") }
    package mutating func add(_ key: String, strings: [String]) {
        var list = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { list += ", " }
            JSONText.append(string, to: &list)
        }
        add(key, raw: list + "]")
    }

    package var text: String { buffer + "}" }
}

/// A unit's result as SPEC §6 JSON, keys in a fixed order.
public enum ResultJSON {
    /// One unit's result as one JSON object on one line (SPEC §6): what `--format jsonl` writes
    /// per line and the web service's API returns; `brief` leaves out the items and their
    /// explanations (`--brief`).
    public static func text(_ r: UnitResult, brief: Bool = false) -> String { object(r, brief: brief).text }

    package static func object(_ r: UnitResult, brief: Bool = false) -> JSONObject {
        var o = JSONObject()
        o.add("kaohe", raw: "1")
        var checklist = JSONObject()
        checklist.add("id", r.checklistID)
        checklist.add("version", r.checklistVersion)
        checklist.add("fingerprint", r.fingerprint)
        o.add("checklist", checklist)
        var unit = JSONObject()
        unit.add("id", r.unit.id)
        unit.add("name", r.unit.name)
        unit.add("category", r.unit.category)
        o.add("unit", unit)
        o.add("as_of", r.asOf.description)
        o.add("total", score: r.total)
        o.add("grade", r.grade)
        o.add("vetoes", array: r.vetoes.map { v in
            var x = JSONObject()
            x.add("id", v.id)
            x.add("title", v.title)
            x.add("grade", v.grade)
            x.add("score_zero", v.zeroScore)
            return x.text
        })
        o.add("bonus", score: r.bonus)
        o.add("penalty", score: r.penalty)
        o.add("sections", array: r.sections.map { s in
            var x = JSONObject()
            x.add("id", s.id)
            x.add("title", s.title)
            x.add("score", score: s.applies ? s.score : nil)
            x.add("points", score: s.points)
            if let weight = s.weight { x.add("weight", score: weight) }
            if s.penalty > 0 { x.add("penalty", score: s.penalty) }
            return x.text
        })
        if !brief { o.add("items", raw: items(r.items)) }
        o.add("findings", raw: findings(r.findings))
        if !r.projects.isEmpty {
            o.add("projects", array: r.projects.map { p in
                var x = JSONObject()
                x.add("id", p.id)
                x.add("name", p.name)
                x.add("category", p.category)
                x.add("outcome", p.outcome)
                x.add("standards", array: p.standards.map { s in
                    var y = JSONObject()
                    y.add("id", s.id)
                    y.add("title", s.title)
                    y.add("status", s.status.rawValue)
                    y.add("reasons", strings: s.reasons)
                    return y.text
                })
                return x.text
            })
        }
        o.add("errors", array: r.errors.map { e in
            var x = JSONObject()
            x.add("item", e.item)
            x.add("message", e.message)
            x.add("location", e.location?.description)
            return x.text
        })
        return o
    }

    /// The items array, appended into one buffer (the bulk of a result: about 8 KB a unit).
    static func items(_ items: [ItemResult]) -> String {
        var out = "["
        out.reserveCapacity(items.count * 300)
        for (index, i) in items.enumerated() {
            out += index == 0 ? "{\"id\": " : ", {\"id\": "
            JSONText.append(i.id, to: &out)
            out += ", \"title\": "
            JSONText.append(i.title, to: &out)
            out += ", \"section\": "
            JSONText.append(i.section, to: &out)
            out += ", \"status\": \""
            out += i.status.rawValue
            out += "\", \"awarded\": "
            out += DecimalMath.format(DecimalMath.round(i.awarded))
            out += ", \"points\": "
            out += DecimalMath.format(DecimalMath.round(i.points))
            out += ", \"self_score\": "
            out += i.selfScore.map { DecimalMath.format(DecimalMath.round($0)) } ?? "null"
            out += ", \"explain\": ["
            for (line, text) in i.explain.enumerated() {
                if line > 0 { out += ", " }
                JSONText.append(text, to: &out)
            }
            out += "]"
            if let method = i.method {
                out += ", \"method\": "
                JSONText.append(method, to: &out)
            }
            out += "}"
        }
        return out + "]"
    }

    /// The findings array, appended into one buffer without an object and a copy per finding
    /// (they are most of a brief result): id, item, message, deduction, severity, rectify.
    static func findings(_ list: [Finding]) -> String {
        var out = "["
        out.reserveCapacity(list.count * 240)
        for (index, f) in list.enumerated() {
            out += index == 0 ? "{\"id\": " : ", {\"id\": "
            JSONText.append(f.id, to: &out)
            out += ", \"item\": "
            JSONText.append(f.item, to: &out)
            out += ", \"message\": "
            JSONText.append(f.message, to: &out)
            out += ", \"deduction\": "
            out += DecimalMath.format(DecimalMath.round(f.deduction))
            out += ", \"severity\": "
            JSONText.append(f.severity.rawValue, to: &out)
            out += ", \"rectify\": {\"action\": "
            JSONText.append(f.action, to: &out)
            out += ", \"due\": "
            JSONText.append(f.due?.description, to: &out)
            out += ", \"owner\": "
            JSONText.append(f.owner, to: &out)
            out += "}}"
        }
        return out + "]"
    }

    /// One result, or a batch with its ranking; `brief` leaves out the items (`--brief`).
    public static func render(_ batch: Batch, brief: Bool = false) -> String {
        if batch.results.count == 1, let only = batch.results.first { return object(only, brief: brief).text + "\n" }
        var o = JSONObject()
        o.add("kaohe", raw: "1")
        o.add("results", array: batch.results.map { object($0, brief: brief).text })
        o.add("ranking", array: batch.ranking.map { row in
            var x = JSONObject()
            x.add("rank", raw: String(row.rank))
            x.add("unit", row.result.unit.id)
            x.add("name", row.result.unit.name)
            x.add("total", score: row.result.total)
            x.add("grade", row.result.grade)
            x.add("findings", raw: String(row.result.findings.filter { $0.severity != .notice }.count))
            x.add("tied", row.tied)
            return x.text
        })
        return o.text + "\n"
    }
}
