import Foundation
import Hummingbird
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

    /// A published 月通报: what it is, and with `content` its document (HTML) and table (CSV).
    static func report(_ r: PublishedReport, content: Bool = false) -> String {
        var text = "{\"id\": \(r.id), \"month\": \(string(r.month)), \"number\": \(string(r.number)), \"issuer\": \(string(r.issuer)), "
            + "\"title\": \(string(r.title)), \"published_by\": \(string(r.publishedBy)), \"published_at\": \(r.publishedAt), \"head\": \(string(r.head))"
        if content { text += ", \"html\": \(string(r.standalone)), \"csv\": \(string(r.csv))" }
        return text + "}"
    }

    /// A draft as §5 JSON: as sent when it was JSON, converted when it was YAML (the form and the
    /// text editor save YAML); a YAML draft that does not parse is answered as the text saved.
    static func draft(_ document: String) -> Response {
        let start = document.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.hasPrefix("{") { return WebRequest.json(document) }
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let nodes = YAMLReader().parse(data: Data(document.utf8), path: "draft", sources: &sources, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors, nodes.count == 1, let node = nodes.first else {
            return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
        }
        return WebRequest.json(node.json)
    }
}
