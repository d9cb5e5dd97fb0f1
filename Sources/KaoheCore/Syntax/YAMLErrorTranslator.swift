/// Turns libyaml's errors into diagnostics in our own words, at the place they occurred.
enum YAMLErrorTranslator {
    static func diagnostic(for error: LibYAMLError, path: String, text: String) -> Diagnostic {
        func at(_ mark: LibYAMLError.Mark) -> SourceLocation {
            // libyaml may point one line past a file that does not end in a line break (the end
            // of the stream): show the end of the last line instead, where the excerpt exists.
            let (line, column) = TextEnd(text).clamp(line: mark.line, column: mark.column)
            return SourceLocation(file: path, line: line, column: column)
        }
        let problem = error.problem
        switch error.kind {
        case .reader:
            // libyaml's offset for a control character is not where it is; find it ourselves.
            if problem.contains("control characters"), let control = firstControlCharacter(in: text, path: path) {
                let hex = String(control.value, radix: 16, uppercase: true)
                return Diagnostic(.error, at: control.location,
                                  "a control character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)) is not allowed in a YAML file",
                                  help: "delete it; it often comes from copying out of another program")
            }
            let location = error.offset.map { lineColumn(ofUTF8Offset: $0, in: text, path: path) }
                ?? SourceLocation(file: path, line: 1, column: 1)
            return Diagnostic(.error, at: location, "YAML cannot read the file: \(problem)")
        case .scanner, .parser, .other:
            // An unclosed quote or bracket runs to the end of the file: point where it was opened.
            if let context = error.context, problem.contains("end of stream") || error.mark.line > context.mark.line + 1 {
                return Diagnostic(.error, at: at(context.mark), "YAML syntax: \(reword(problem)) \(context.text) that starts here",
                                  help: help(for: context.text) ?? help(for: problem),
                                  notes: [.init(location: at(error.mark), message: "the YAML parser gave up here")])
            }
            return Diagnostic(.error, at: at(error.mark), "YAML syntax: \(reword(problem))", help: help(for: problem))
        }
    }

    /// The first character YAML forbids (C0 controls but tab and line breaks, DEL, C1 controls
    /// but NEL), with its line and column.
    static func firstControlCharacter(in text: String, path: String) -> (location: SourceLocation, value: UInt32)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F || (v >= 0x80 && v <= 0x9F && v != 0x85) {
                return (SourceLocation(file: path, line: line, column: column), v)
            }
            if v == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    static func reword(_ problem: String) -> String {
        switch problem {
        case "found character that cannot start any token":
            return "a character that cannot start any token (a tab used for indentation?)"
        case "mapping values are not allowed in this context":
            return "a ':' where no mapping can start (missing space after ':' or an unquoted value with ': ' in it?)"
        case let text where text.hasPrefix("Maximum nesting level reached"):
            return "nesting deeper than 1000 levels"
        default:
            return problem
        }
    }

    static func help(for problem: String) -> String? {
        if problem.contains("cannot start any token") { return "indent with spaces, never tabs" }
        if problem.contains("mapping values") { return "quote values that contain ': ', e.g. title: \"A: B\"" }
        if problem.contains("did not find expected key") { return "check the indentation of this line against the lines above" }
        if problem.contains("quoted scalar") { return "close the quote, or write the value without quotes" }
        if problem.contains("flow") { return "check that every '[' and '{' is closed" }
        if problem.contains("Maximum nesting level") { return "a rules file never needs this nesting" }
        return nil
    }

    static func lineColumn(ofUTF8Offset offset: Int, in text: String, path: String) -> SourceLocation {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: path, line: line, column: column)
    }
}
