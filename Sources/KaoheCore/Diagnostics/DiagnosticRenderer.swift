/// Renders diagnostics the way compilers do: `file:line:col: error: message`, the source line,
/// a caret under the offending token, then any help and notes.
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceStore

    /// A renderer quoting lines from `sources`.
    public init(sources: SourceStore) {
        self.sources = sources
    }

    /// Every diagnostic, in the order given.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// `file:line:col: error: message`, the line, a caret under the place, help and notes.
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

    /// The widest excerpt shown; a longer line is cut to a window around the caret.
    static let maxExcerptScalars = 120

    /// The source line and a caret line, both indented by two spaces. Tabs in the line are kept
    /// in the caret's padding so the caret lands under the token in any tab width; wide (CJK)
    /// characters pad with two spaces. Control characters are shown as their visible symbols
    /// (␀), and a very long line (a minified file, 10,000 brackets) is cut around the caret.
    func excerpt(at location: SourceLocation) -> String {
        guard let line = sources.line(location.line, of: location.file) else { return "" }
        var scalars = Array(line.unicodeScalars).map(Self.visible)
        var start = min(max(location.column - 1, 0), scalars.count)
        var length = location.length
        var prefix = "", suffix = ""
        if scalars.count > Self.maxExcerptScalars {
            let from = max(0, start - Self.maxExcerptScalars / 2)
            let to = min(scalars.count, from + Self.maxExcerptScalars)
            if from > 0 { prefix = "..." }
            if to < scalars.count { suffix = "..." }
            scalars = Array(scalars[from..<to])
            start -= from
            length = min(length, to - from - start)
        }
        var padding = String(repeating: " ", count: prefix.count)
        for scalar in scalars[..<start] {
            padding += scalar == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(scalar))
        }
        let end = min(start + max(length, 1), scalars.count)
        var marker = "^"
        if end > start + 1 {
            let width = scalars[(start + 1)..<end].reduce(0) { $0 + DisplayWidth.of($1) }
            // Zero-width scalars (combining marks, joiners) add nothing: never a negative count
            // (a token of them crashed the renderer; found by fuzzing).
            marker += String(repeating: "~", count: max(0, width + DisplayWidth.of(scalars[start]) - 1))
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return "  \(prefix)\(String(text))\(suffix)\n  \(padding)\(marker)\n"
    }

    /// C0 controls (but tab) and DEL as the Unicode control pictures, so a NUL or an escape in
    /// a file cannot garble the terminal.
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x20 && scalar != "\t" { return Unicode.Scalar(0x2400 + scalar.value) ?? scalar }
        if scalar.value == 0x7F { return "\u{2421}" }
        return scalar
    }
}
