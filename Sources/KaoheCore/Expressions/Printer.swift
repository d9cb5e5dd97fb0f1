/// Prints a syntax tree back as text, parenthesising compound operands where the grammar needs
/// it, so that parse → print → parse gives the same tree.
package enum ExpressionPrinter {
    package static func print(_ expr: Expr) -> String {
        switch expr.kind {
        case .number(let text): return text
        case .string(let value): return quote(value)
        case .bool(let value): return value ? "true" : "false"
        case .duration(let duration): return duration.description
        case .identifier(let name): return name
        case .select(let target, let name): return "\(operand(target)).\(name)"
        case .index(let target, let index): return "\(operand(target))[\(print(index))]"
        case .call(let name, let target, let args):
            let list = args.map(print).joined(separator: ", ")
            if let target { return "\(operand(target)).\(name)(\(list))" }
            return "\(name)(\(list))"
        case .unary(let op, let operand):
            // A chain of prefix operators prints without parentheses (each pair would add two
            // levels of nesting, past the parser's limit for a long chain; found by fuzzing).
            if case .unary = operand.kind { return op + " " + print(operand) }
            if case .number(let text) = operand.kind, text.hasPrefix("-") { return op + " " + text }
            return op + self.operand(operand)
        case .binary(let op, let left, let right):
            // Every binary level is left-associative: a left operand of the same level needs no
            // parentheses (so a long chain prints flat instead of nesting one level per operator).
            let level = precedence(op)
            // A prefix operator binds tighter than any binary one, so a unary operand needs none either.
            let leftText = binaryLevel(of: left).map { $0 >= level } == true || isUnary(left) ? print(left) : operand(left)
            let rightText = binaryLevel(of: right).map { $0 > level } == true || isUnary(right) ? print(right) : operand(right)
            return "\(leftText) \(op) \(rightText)"
        case .conditional(let c, let t, let e): return "\(operand(c)) ? \(operand(t)) : \(operand(e))"
        case .list(let elements): return "[" + elements.map(print).joined(separator: ", ") + "]"
        }
    }

    /// The binding strength of a binary operator, as the parser's levels have it.
    static func precedence(_ op: String) -> Int {
        switch op {
        case "||": return 1
        case "&&": return 2
        case "??": return 4
        case "+", "-": return 5
        case "*", "/", "%": return 6
        default: return 3  // comparisons and `in`
        }
    }

    static func isUnary(_ expr: Expr) -> Bool {
        if case .unary = expr.kind { return true }
        return false
    }

    static func binaryLevel(of expr: Expr) -> Int? {
        if case .binary(let op, _, _) = expr.kind { return precedence(op) }
        return nil
    }

    static func operand(_ expr: Expr) -> String {
        switch expr.kind {
        case .binary, .conditional, .unary: return "(\(print(expr)))"
        case .number(let text) where text.hasPrefix("-"): return "(\(text))"
        default: return print(expr)
        }
    }

    package static func quote(_ value: String) -> String {
        // By Unicode scalar, not by Character: a quote followed by a combining mark is one
        // Character, and would otherwise go out unescaped (found by fuzzing).
        var out = "'"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }
}
