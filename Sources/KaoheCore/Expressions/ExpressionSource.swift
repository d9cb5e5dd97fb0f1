/// An expression's text and where it was written, so an offset inside the expression maps to
/// the file's line and column (the caret goes under the token inside the YAML string).
public struct ExpressionSource: Sendable, Hashable {
    public var text: String
    /// Where the first character of `text` is, when known exactly.
    public var start: SourceLocation
    /// For block scalars (`|`), each line of the text starts on its own file line.
    var blockLines: Bool

    package init(text: String, start: SourceLocation, blockLines: Bool = false) {
        self.text = text
        self.start = start
        self.blockLines = blockLines
    }

    /// An expression typed on the command line.
    public static func commandLine(_ text: String) -> ExpressionSource {
        ExpressionSource(text: text, start: SourceLocation(file: "<expression>", line: 1, column: 1))
    }

    /// A YAML scalar holding an expression. Quoted scalars start one column after the quote;
    /// plain ones at the node; literal blocks on the next line at their indentation.
    package init(node: YAMLNode, sources: SourceStore) {
        let text = node.scalar ?? ""
        var start = node.location
        var block = false
        if case .scalar(_, let style) = node.content {
            switch style {
            case .singleQuoted, .doubleQuoted:
                start.column += 1
            case .literal, .folded:
                let next = sources.line(start.line + 1, of: start.file) ?? ""
                let indent = next.unicodeScalars.prefix { $0 == " " }.count
                start = SourceLocation(file: start.file, line: start.line + 1, column: indent + 1)
                block = style == .literal
            case .plain:
                break
            }
        }
        self.init(text: text, start: start, blockLines: block)
    }

    package func locate(offset: Int, length: Int = 1) -> SourceLocation {
        guard blockLines || !text.contains("\n") else {
            return start.advanced(by: 0, length: 1)
        }
        var line = start.line, column = start.column, index = 0
        for scalar in text.unicodeScalars {
            if index == offset { break }
            if scalar == "\n" { line += 1; column = start.column } else { column += 1 }
            index += 1
        }
        return SourceLocation(file: start.file, line: line, column: column, length: length)
    }

    func diagnostic(_ error: ExpressionError) -> Diagnostic {
        Diagnostic(.error, at: locate(offset: error.offset, length: error.length), error.message, help: error.help)
    }
}
