/// A lexical token of the expression language, with its span in the expression text
/// (offsets in Unicode scalars, so they map onto libyaml's columns).
package struct Token: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case number(String)
        case string(String)
        case duration(Duration)
        case identifier(String)
        case symbol(String)
        case end
    }

    package var kind: Kind
    package var offset: Int
    package var length: Int

    var describe: String {
        switch kind {
        case .number(let text): return "number \(text)"
        case .string: return "a string"
        case .duration(let duration): return "duration \(duration)"
        case .identifier(let name): return "'\(name)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "the end of the expression"
        }
    }
}

/// A problem in an expression, located by offset within its text.
package struct ExpressionError: Error, Sendable, Equatable {
    package var message: String
    package var offset: Int
    package var length: Int
    package var help: String?

    package init(_ message: String, offset: Int, length: Int = 1, help: String? = nil) {
        self.message = message
        self.offset = offset
        self.length = length
        self.help = help
    }
}
