import KaoheCore
import KaoheServer

/// The API's answers as JSON text.
enum APIJSON {
    static func string(_ text: String?) -> String { text.map(JSONText.quote) ?? "null" }

    static func round(_ r: Round) -> String {
        "{\"id\": \(string(r.id)), \"checklist\": \(string(r.checklist)), \"as_of\": \(string(r.asOf.description)), \"state\": \(string(r.state.rawValue))}"
    }

    static func unit(_ u: RoundUnit) -> String {
        "{\"id\": \(string(u.unit.id)), \"name\": \(string(u.unit.name)), \"category\": \(string(u.unit.category)), "
            + "\"status\": \(string(u.status.rawValue)), \"reason\": \(string(u.reason)), \"total\": \(u.total ?? "null"), \"grade\": \(string(u.grade))}"
    }

    static func diagnostics(_ list: [FieldDiagnostic]) -> String {
        "{\"diagnostics\": [" + list.map { d in
            "{\"path\": \(string(d.path)), \"message\": \(string(d.message))" + (d.help.map { ", \"help\": \(string($0))" } ?? "")
                + ", \"line\": \(d.line), \"column\": \(d.column)}"
        }.joined(separator: ", ") + "]}\n"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]\n" }
}
