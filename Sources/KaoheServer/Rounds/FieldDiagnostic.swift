import Foundation
import KaoheCore

/// A diagnostic about a saved or submitted self-assessment, for the form and the API: the field
/// it concerns as a path (`facts.meetings[3].date`, `responses.A2.self_score`), its message and
/// help, and its line and column in the document.
package struct FieldDiagnostic: Sendable, Equatable {
    package var path: String
    package var message: String
    package var help: String?
    package var line: Int
    package var column: Int

    /// The diagnostics of `failure`, each placed on the field of `document` it points at.
    package static func of(_ failure: EngineFailure, document: String, path file: String) -> [FieldDiagnostic] {
        var sources = SourceStore()
        var ignored = Diagnostics()
        let root = YAMLReader().parse(data: Data(document.utf8), path: file, sources: &sources, diagnostics: &ignored).first
        guard !failure.diagnostics.all.isEmpty else {
            return [FieldDiagnostic(path: "", message: failure.message.replacingOccurrences(of: "kaohe: ", with: ""), help: nil, line: 1, column: 1)]
        }
        return failure.diagnostics.sorted.map { d in
            FieldDiagnostic(path: root.flatMap { field(at: d.location, in: $0, path: "") } ?? "", message: d.message, help: d.help,
                            line: d.location.line, column: d.location.column)
        }
    }

    /// The path of the deepest key or value that starts at `location`.
    static func field(at location: SourceLocation, in node: YAMLNode, path: String) -> String? {
        func same(_ a: SourceLocation) -> Bool { a.line == location.line && a.column == location.column }
        switch node.content {
        case .mapping(let pairs):
            for pair in pairs {
                guard let key = pair.key.scalar else { continue }
                let here = path.isEmpty ? key : "\(path).\(key)"
                if let deeper = field(at: location, in: pair.value, path: here) { return deeper }
                if same(pair.key.tokenLocation) || same(pair.value.tokenLocation) { return here }
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                let here = "\(path)[\(index)]"
                if let deeper = field(at: location, in: item, path: here) { return deeper }
                if same(item.tokenLocation) { return here }
            }
        default:
            break
        }
        return same(node.tokenLocation) ? path : nil
    }
}
