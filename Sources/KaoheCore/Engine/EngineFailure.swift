/// Why an engine operation could not give its answer, composed for a person: the diagnostics
/// about the user's files (each with its place) and the sources to quote them from, or a plain
/// message when no file place applies. Every front end shows `rendered` (the CLI on stderr, the
/// web service beside the field or as the page's error).
public struct EngineFailure: Error, Sendable {
    /// The problems found in the user's files, every one of them (empty for a plain message).
    public var diagnostics: Diagnostics
    /// The files the diagnostics quote.
    public var sources: SourceStore
    /// A message that is not about a place in a file (a missing folder, an unknown checklist).
    public var message: String
    /// Whether `rendered` ends with the count line (`2 errors`).
    public var counted: Bool

    /// A failure with every diagnostic, quoted from `sources`, followed by their count.
    public init(_ diagnostics: Diagnostics, sources: SourceStore, counted: Bool = true) {
        self.diagnostics = diagnostics
        self.sources = sources
        self.message = ""
        self.counted = counted
    }

    /// A failure that is one message for a person.
    public init(message: String) {
        self.diagnostics = Diagnostics()
        self.sources = SourceStore()
        self.message = message
        self.counted = false
    }

    /// What to show: each diagnostic with its `file:line:column`, the line and a caret, then the
    /// count; or the message.
    public var rendered: String {
        guard !diagnostics.all.isEmpty else { return message }
        return DiagnosticRenderer(sources: sources).render(diagnostics.sorted) + (counted ? diagnostics.countLine : "") + message
    }
}

extension Diagnostics {
    /// `2 errors`, `1 error, 3 warnings`, `1 warning`: what was just printed, counted (a count of
    /// zero warnings is left out, so it never contradicts warnings printed earlier, such as the
    /// rules' before an input's errors).
    public var countLine: String {
        var parts: [String] = []
        if errorCount > 0 || warningCount == 0 { parts.append("\(errorCount) error\(errorCount == 1 ? "" : "s")") }
        if warningCount > 0 { parts.append("\(warningCount) warning\(warningCount == 1 ? "" : "s")") }
        return parts.joined(separator: ", ") + "\n"
    }
}
