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

/// A unit's result as SPEC §6 JSON, keys in a fixed order, written into one byte buffer.
public enum ResultJSON {
    /// One unit's result as one JSON object on one line (SPEC §6): what `--format jsonl` writes
    /// per line and the web service's API returns; `brief` leaves out the items and their
    /// explanations (`--brief`).
    public static func text(_ r: UnitResult, brief: Bool = false) -> String { buffer(r, brief: brief).text }

    /// The result followed by a newline: one line of `--format jsonl`.
    public static func line(_ r: UnitResult, brief: Bool = false) -> String {
        String(decoding: lineBytes(r, brief: brief), as: UTF8.self)
    }

    /// One line of `--format jsonl` as UTF-8 bytes, for a stream that writes bytes (no `String`
    /// is made, so the text is not checked as UTF-8 again: it is valid by construction).
    public static func lineBytes(_ r: UnitResult, brief: Bool = false) -> [UInt8] {
        var out = buffer(r, brief: brief)
        out.raw("\n")
        return out.bytes
    }

    /// Appends `r` as one JSON Lines line (a line feed at its end) to `out`.
    package static func appendLine(_ r: UnitResult, brief: Bool, to out: inout JSONBuffer) {
        write(r, brief: brief, into: &out)
        out.raw("\n")
    }

    static func buffer(_ r: UnitResult, brief: Bool) -> JSONBuffer {
        var out = JSONBuffer(capacity: brief ? 2048 : 8192)
        write(r, brief: brief, into: &out)
        return out
    }

    package static func write(_ r: UnitResult, brief: Bool, into out: inout JSONBuffer) {
        out.raw("{\"kaohe\": 1, \"checklist\": {\"id\": ")
        out.string(r.checklistID)
        out.raw(", \"version\": ")
        out.string(r.checklistVersion)
        out.raw(", \"fingerprint\": ")
        out.string(r.fingerprint)
        out.raw("}, \"unit\": {\"id\": ")
        out.string(r.unit.id)
        out.raw(", \"name\": ")
        out.string(r.unit.name)
        out.raw(", \"category\": ")
        out.string(r.unit.category)
        out.raw("}, \"as_of\": ")
        out.day(r.asOf)
        out.raw(", \"total\": ")
        out.score(r.total)
        out.raw(", \"grade\": ")
        out.string(r.grade)
        out.raw(", \"vetoes\": ")
        out.array(r.vetoes) { out, v in
            out.raw("{\"id\": ")
            out.string(v.id)
            out.raw(", \"title\": ")
            out.string(v.title)
            out.raw(", \"grade\": ")
            out.string(v.grade)
            out.raw(v.zeroScore ? ", \"score_zero\": true}" : ", \"score_zero\": false}")
        }
        out.raw(", \"bonus\": ")
        out.score(r.bonus)
        out.raw(", \"penalty\": ")
        out.score(r.penalty)
        out.raw(", \"sections\": ")
        out.array(r.sections) { out, s in
            out.raw("{\"id\": ")
            out.string(s.id)
            out.raw(", \"title\": ")
            out.string(s.title)
            out.raw(", \"score\": ")
            out.score(s.applies ? s.score : nil)
            out.raw(", \"points\": ")
            out.score(s.points)
            if let weight = s.weight {
                out.raw(", \"weight\": ")
                out.score(weight)
            }
            if s.penalty > 0 {
                out.raw(", \"penalty\": ")
                out.score(s.penalty)
            }
            out.raw("}")
        }
        if !brief {
            out.raw(", \"items\": ")
            items(r.items, into: &out)
        }
        out.raw(", \"findings\": ")
        findings(r.findings, into: &out)
        if !r.projects.isEmpty { projects(r.projects, into: &out) }
        out.raw(", \"errors\": ")
        out.array(r.errors) { out, e in
            out.raw("{\"item\": ")
            out.string(e.item)
            out.raw(", \"message\": ")
            out.string(e.message)
            out.raw(", \"location\": ")
            out.string(e.location?.description)
            out.raw("}")
        }
        out.raw("}")
    }

    /// The items array (the bulk of a result: about 8 KB a unit).
    static func items(_ items: [ItemResult], into out: inout JSONBuffer) {
        out.array(items) { out, i in
            if let plan = i.plan, i.id == plan.id, i.title == plan.item.title, i.section == plan.section {
                out.verbatim(plan.jsonHead)
            } else {
                out.itemHead(id: i.id, title: i.title, section: i.section)
            }
            out.raw(statusAndAwarded(i.status))
            out.score(i.awarded)
            if let plan = i.plan, i.selfScore == nil, i.points == plan.points {
                out.verbatim(plan.jsonPointsTail)
            } else {
                out.itemPoints(i.points, selfScore: i.selfScore)
            }
            out.array(i.lines) { $0.line($1) }
            if let method = i.method {
                out.raw(", \"method\": ")
                out.string(method)
            }
            out.raw("}")
        }
    }

    /// An item's status as a JSON string and the key after it, in one piece.
    static func statusAndAwarded(_ status: ItemStatus) -> StaticString {
        switch status {
        case .met: return "\"met\", \"awarded\": "
        case .partial: return "\"partial\", \"awarded\": "
        case .unmet: return "\"unmet\", \"awarded\": "
        case .missing: return "\"missing\", \"awarded\": "
        case .notApplicable: return "\"not-applicable\", \"awarded\": "
        case .unverified: return "\"unverified\", \"awarded\": "
        case .error: return "\"error\", \"awarded\": "
        }
    }

    /// A finding's severity and an empty rectification (no action, due date or owner), in one piece.
    static func severityWithoutRectification(_ severity: Severity) -> StaticString {
        switch severity {
        case .veto: return ", \"severity\": \"veto\", \"rectify\": {\"action\": null, \"due\": null, \"owner\": null}}"
        case .major: return ", \"severity\": \"major\", \"rectify\": {\"action\": null, \"due\": null, \"owner\": null}}"
        case .minor: return ", \"severity\": \"minor\", \"rectify\": {\"action\": null, \"due\": null, \"owner\": null}}"
        case .notice: return ", \"severity\": \"notice\", \"rectify\": {\"action\": null, \"due\": null, \"owner\": null}}"
        case .error: return ", \"severity\": \"error\", \"rectify\": {\"action\": null, \"due\": null, \"owner\": null}}"
        }
    }

    /// The findings array (most of a brief result): id, item, message, deduction, severity, rectify.
    static func findings(_ list: [Finding], into out: inout JSONBuffer) {
        out.raw("[")
        // Each finding borrowed in place through the array's buffer: the array's subscript (or a
        // closure over `array(_:_:)`) copies each, retaining its strings.
        list.withUnsafeBufferPointer { findings in
            guard let first = findings.baseAddress else { return }
            for index in findings.indices {
                if index > 0 { out.raw(", ") }
                finding(at: first + index, into: &out)
            }
        }
        out.raw("]")
    }

    /// One finding's JSON object, its fields read where the finding is.
    @inline(__always)
    static func finding(at f: UnsafePointer<Finding>, into out: inout JSONBuffer) {
        out.raw("{\"id\": ")
        out.string(f.pointee.id)
        switch f.pointee.shape {
        case .zero(let plan)?:
            out.verbatim(plan.findingJSON.zero)
        case .partial(let plan, let awarded)?:
            out.verbatim(plan.findingJSON.partialHead)
            out.score(awarded)
            out.verbatim(plan.findingJSON.partialTail)
            out.score(f.pointee.deduction)
        case nil:
            out.raw(", \"item\": ")
            out.string(f.pointee.item)
            out.raw(", \"message\": ")
            out.string(f.pointee.message)
            out.raw(", \"deduction\": ")
            out.score(f.pointee.deduction)
        }
        if f.pointee.action == nil, f.pointee.due == nil, f.pointee.owner == nil {
            out.raw(severityWithoutRectification(f.pointee.severity))
            return
        }
        out.raw(", \"severity\": ")
        out.string(f.pointee.severity.rawValue)
        out.raw(", \"rectify\": {\"action\": ")
        out.string(f.pointee.action)
        out.raw(", \"due\": ")
        if let due = f.pointee.due { out.day(due) } else { out.raw("null") }
        out.raw(", \"owner\": ")
        out.string(f.pointee.owner)
        out.raw("}}")
    }

    /// The brand projects' screening (a checklist with standards), key and all.
    static func projects(_ projects: [ProjectResult], into out: inout JSONBuffer) {
        out.raw(", \"projects\": ")
        out.array(projects) { out, p in
            out.raw("{\"id\": ")
            out.string(p.id)
            out.raw(", \"name\": ")
            out.string(p.name)
            out.raw(", \"category\": ")
            out.string(p.category)
            out.raw(", \"outcome\": ")
            out.string(p.outcome)
            out.raw(", \"standards\": ")
            out.array(p.standards) { out, s in
                out.raw("{\"id\": ")
                out.string(s.id)
                out.raw(", \"title\": ")
                out.string(s.title)
                out.raw(", \"status\": ")
                out.string(s.status.rawValue)
                out.raw(", \"reasons\": ")
                out.strings(s.reasons)
                out.raw("}")
            }
            out.raw("}")
        }
    }

    /// One result, or a batch with its ranking; `brief` leaves out the items (`--brief`).
    public static func render(_ batch: Batch, brief: Bool = false) -> String {
        if batch.results.count == 1, let only = batch.results.first { return line(only, brief: brief) }
        var o = JSONObject()
        o.add("kaohe", raw: "1")
        o.add("results", array: batch.results.map { text($0, brief: brief) })
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
