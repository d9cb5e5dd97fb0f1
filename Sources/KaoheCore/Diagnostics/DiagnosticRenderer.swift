/// Renders diagnostics the way compilers do: `file:line:col: error: message`, the source line,
/// a caret under the offending token, then any help and notes.
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        out += excerpt(at: diagnostic.location)
        if let help = diagnostic.help {
            out += "  help: \(help)\n"
        }
        for note in diagnostic.notes {
            out += "\(note.location): note: \(note.message)\n"
            out += excerpt(at: note.location)
        }
        return out
    }

    /// The source line and a caret line, both indented by two spaces. Tabs in the line are kept
    /// in the caret's padding so the caret lands under the token in any tab width; wide (CJK)
    /// characters pad with two spaces.
    func excerpt(at location: SourceLocation) -> String {
        guard let line = sources.line(location.line, of: location.file) else { return "" }
        let scalars = Array(line.unicodeScalars)
        let start = min(max(location.column - 1, 0), scalars.count)
        var padding = ""
        for scalar in scalars[..<start] {
            padding += scalar == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(scalar))
        }
        let end = min(start + location.length, scalars.count)
        var marker = "^"
        if end > start + 1 {
            let width = scalars[(start + 1)..<end].reduce(0) { $0 + DisplayWidth.of($1) }
            marker += String(repeating: "~", count: width + DisplayWidth.of(scalars[start]) - 1)
        }
        return "  \(line)\n  \(padding)\(marker)\n"
    }
}
