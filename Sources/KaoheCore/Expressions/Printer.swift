/// Prints a syntax tree back as text, parenthesising every compound operand, so that
/// parse → print → parse gives the same tree.
public enum ExpressionPrinter {
    public static func print(_ expr: Expr) -> String {
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
        case .unary(let op, let operand): return op + self.operand(operand)
        case .binary(let op, let left, let right): return "\(operand(left)) \(op) \(operand(right))"
        case .conditional(let c, let t, let e): return "\(operand(c)) ? \(operand(t)) : \(operand(e))"
        case .list(let elements): return "[" + elements.map(print).joined(separator: ", ") + "]"
        }
    }

    static func operand(_ expr: Expr) -> String {
        switch expr.kind {
        case .binary, .conditional, .unary: return "(\(print(expr)))"
        case .number(let text) where text.hasPrefix("-"): return "(\(text))"
        default: return print(expr)
        }
    }

    public static func quote(_ value: String) -> String {
        var out = "'"
        for c in value {
            switch c {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "'"
    }
}
