/// A document held in memory rather than in a file (a form's draft, a score sheet from a
/// database), with the path its diagnostics name.
public struct InlineDocument: Sendable, Equatable {
    /// Where diagnostics say the document is, e.g. `2026-annual/onsite/xc-wang.json`.
    public var path: String
    /// The YAML or JSON text.
    public var text: String

    /// A document `text` that diagnostics place at `path`.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
