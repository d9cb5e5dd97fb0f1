/// Recursive-descent parser for the expression language. Precedence, loosest first:
/// `? :`, `||`, `&&`, comparisons and `in`, `??`, `+ -`, `* / %`, unary `! -`, postfix.
package struct ExpressionParser: Sendable {
    /// How deep parentheses, lists, calls, indexes, prefix operators and conditional branches may
    /// nest: CEL asks for at least 32 (SPEC §2.5); each level counts once.
    static let maxDepth = 64
    static let relations: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

    package init() {}

    package func parse(_ text: String) throws(ExpressionError) -> Expr {
        var state = State(tokens: try Lexer().tokenize(text))
        let expr = try state.conditional()
        guard case .end = state.current.kind else {
            throw ExpressionError("expected an operator or the end of the expression, found \(state.current.describe)",
                                  offset: state.current.offset, length: state.current.length,
                                  help: state.current.kind == .symbol("=") ? "compare with '=='" : nil)
        }
        return expr
    }

    struct State {
        var tokens: [Token]
        var position = 0
        var depth = 0

        var current: Token { tokens[position] }

        mutating func advance() -> Token {
            let token = tokens[position]
            if position < tokens.count - 1 { position += 1 }
            return token
        }

        func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

        func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }

        mutating func expect(_ symbol: String, _ context: String) throws(ExpressionError) -> Token {
            guard isSymbol(symbol) else {
                throw ExpressionError("expected '\(symbol)' \(context), found \(current.describe)",
                                      offset: current.offset, length: current.length)
            }
            return advance()
        }

        mutating func nest() throws(ExpressionError) {
            depth += 1
            if depth > ExpressionParser.maxDepth {
                throw ExpressionError("expression nests deeper than \(ExpressionParser.maxDepth) levels",
                                      offset: current.offset)
            }
        }

        static func span(_ a: Expr, _ b: Expr) -> (Int, Int) { (a.offset, b.end - a.offset) }

        mutating func conditional() throws(ExpressionError) -> Expr {
            let condition = try or()
            guard isSymbol("?") else { return condition }
            _ = advance()
            try nest()
            defer { depth -= 1 }
            let then = try conditional()
            _ = try expect(":", "in a conditional 'c ? a : b'")
            let otherwise = try conditional()
            let (o, l) = Self.span(condition, otherwise)
            return Expr(.conditional(condition, then, otherwise), offset: o, length: l)
        }

        mutating func binaryLevel(
            _ operators: Set<String>, keyword: String? = nil,
            next: (inout State) throws(ExpressionError) -> Expr
        ) throws(ExpressionError) -> Expr {
            var left = try next(&self)
            while true {
                let symbol: String
                if case .symbol(let s) = current.kind, operators.contains(s) {
                    symbol = s
                } else if let keyword, isKeyword(keyword) {
                    symbol = keyword
                } else {
                    return left
                }
                let operatorToken = advance()
                let right = try next(&self)
                let (o, l) = Self.span(left, right)
                left = Expr(.binary(symbol, left, right), offset: o, length: l)
                left.operatorOffset = operatorToken.offset
            }
        }

        mutating func or() throws(ExpressionError) -> Expr {
            try binaryLevel(["||"]) { (s: inout State) throws(ExpressionError) in try s.and() }
        }

        mutating func and() throws(ExpressionError) -> Expr {
            try binaryLevel(["&&"]) { (s: inout State) throws(ExpressionError) in try s.relation() }
        }

        mutating func relation() throws(ExpressionError) -> Expr {
            try binaryLevel(ExpressionParser.relations, keyword: "in") { (s: inout State) throws(ExpressionError) in
                try s.coalesce()
            }
        }

        mutating func coalesce() throws(ExpressionError) -> Expr {
            try binaryLevel(["??"]) { (s: inout State) throws(ExpressionError) in try s.additive() }
        }

        mutating func additive() throws(ExpressionError) -> Expr {
            try binaryLevel(["+", "-"]) { (s: inout State) throws(ExpressionError) in try s.multiplicative() }
        }

        mutating func multiplicative() throws(ExpressionError) -> Expr {
            try binaryLevel(["*", "/", "%"]) { (s: inout State) throws(ExpressionError) in try s.unary() }
        }

        mutating func unary() throws(ExpressionError) -> Expr {
            if isSymbol("!") || isSymbol("-") {
                try nest()
                defer { depth -= 1 }
                let op = advance()
                let operand = try unary()
                if case .symbol("-") = op.kind, case .number(let text) = operand.kind, !text.hasPrefix("-") {
                    return Expr(.number("-" + text), offset: op.offset, length: operand.end - op.offset)
                }
                guard case .symbol(let symbol) = op.kind else { return operand }
                return Expr(.unary(symbol, operand), offset: op.offset, length: operand.end - op.offset)
            }
            return try postfix()
        }

        mutating func postfix() throws(ExpressionError) -> Expr {
            var expr = try primary()
            while true {
                if isSymbol(".") {
                    _ = advance()
                    guard case .identifier(let name) = current.kind else {
                        throw ExpressionError("expected a field or method name after '.', found \(current.describe)",
                                              offset: current.offset, length: current.length)
                    }
                    let nameToken = advance()
                    if isSymbol("(") {
                        let (args, close) = try arguments()
                        expr = Expr(.call(name, target: expr, args), offset: expr.offset, length: close - expr.offset)
                    } else {
                        expr = Expr(.select(expr, name), offset: expr.offset, length: nameToken.offset + nameToken.length - expr.offset)
                    }
                } else if isSymbol("[") {
                    try nest()
                    defer { depth -= 1 }
                    _ = advance()
                    let index = try conditional()
                    let close = try expect("]", "to close the index")
                    expr = Expr(.index(expr, index), offset: expr.offset, length: close.offset + 1 - expr.offset)
                } else {
                    return expr
                }
            }
        }

        /// Parses `( a, b, … )`; returns the arguments and the offset just past `)`.
        mutating func arguments() throws(ExpressionError) -> ([Expr], Int) {
            try nest()
            defer { depth -= 1 }
            _ = try expect("(", "to start the arguments")
            var args: [Expr] = []
            if !isSymbol(")") {
                repeat {
                    if isSymbol(",") { _ = advance() }
                    args.append(try conditional())
                } while isSymbol(",")
            }
            let close = try expect(")", "to close the argument list")
            return (args, close.offset + 1)
        }

        mutating func primary() throws(ExpressionError) -> Expr {
            let token = current
            switch token.kind {
            case .number(let text):
                _ = advance()
                return Expr(.number(text), offset: token.offset, length: token.length)
            case .string(let value):
                _ = advance()
                return Expr(.string(value), offset: token.offset, length: token.length)
            case .duration(let duration):
                _ = advance()
                return Expr(.duration(duration), offset: token.offset, length: token.length)
            case .identifier(let name):
                _ = advance()
                if name == "true" || name == "false" {
                    return Expr(.bool(name == "true"), offset: token.offset, length: token.length)
                }
                if isSymbol("(") {
                    let (args, close) = try arguments()
                    return Expr(.call(name, target: nil, args), offset: token.offset, length: close - token.offset)
                }
                return Expr(.identifier(name), offset: token.offset, length: token.length)
            case .symbol("("):
                try nest()
                defer { depth -= 1 }
                _ = advance()
                var inner = try conditional()
                let close = try expect(")", "to close '('")
                inner.offset = token.offset
                inner.length = close.offset + 1 - token.offset
                return inner
            case .symbol("["):
                try nest()
                defer { depth -= 1 }
                _ = advance()
                var elements: [Expr] = []
                if !isSymbol("]") {
                    repeat {
                        if isSymbol(",") { _ = advance() }
                        if isSymbol("]") { break }
                        elements.append(try conditional())
                    } while isSymbol(",")
                }
                let close = try expect("]", "to close the list")
                return Expr(.list(elements), offset: token.offset, length: close.offset + 1 - token.offset)
            case .end:
                throw ExpressionError("expression ends too early: expected a value", offset: token.offset)
            case .symbol(let symbol):
                if symbol == "{" {
                    throw ExpressionError(OutsideSubset.maps.message, offset: token.offset, length: token.length, help: OutsideSubset.maps.help)
                }
                throw ExpressionError("expected a value, found '\(symbol)'", offset: token.offset, length: token.length)
            }
        }
    }
}
