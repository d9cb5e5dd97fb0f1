import Foundation
import KaoheCore

/// The units of a round from CSV (`id,name,category`, a header row optional, UTF-8 with or
/// without a byte-order mark, as Excel saves it). Every bad row is reported.
package enum UnitsCSV {
    package static func parse(_ text: String, path: String) throws(EngineFailure) -> [KaoheCore.Unit] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var units: [KaoheCore.Unit] = []
        var seen = Set<String>()
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        sources.add(path: path, text: String(body))
        for (index, raw) in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || (index == 0 && line.lowercased().hasPrefix("id,")) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let place = SourceLocation(file: path, line: index + 1, column: 1)
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty else {
                diagnostics.error(place, "expected id,name,category", help: "for example: szq-minzheng,区民政局机关党委,social-service")
                continue
            }
            guard seen.insert(fields[0]).inserted else {
                diagnostics.error(place, "unit '\(fields[0])' is listed twice")
                continue
            }
            units.append(KaoheCore.Unit(id: fields[0], name: fields[1], category: fields[2].isEmpty ? nil : fields[2]))
        }
        if diagnostics.hasErrors { throw EngineFailure(diagnostics, sources: sources) }
        if units.isEmpty { throw EngineFailure(message: "kaohe: \(path) lists no units (id,name,category)") }
        return units
    }
}
