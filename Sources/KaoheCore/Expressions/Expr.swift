/// The syntax tree of an expression. Spans are offsets in the expression text.
package struct Expr: Sendable {
    package indirect enum Kind: Sendable {
        case number(String)
        case string(String)
        case bool(Bool)
        case duration(Duration)
        case identifier(String)
        case select(Expr, String)
        case index(Expr, Expr)
        /// `f(args)` or, with a target, `target.f(args)` (macros and `size`).
        case call(String, target: Expr?, [Expr])
        case unary(String, Expr)
        case binary(String, Expr, Expr)
        case conditional(Expr, Expr, Expr)
        case list([Expr])
    }

    package var kind: Kind
    package var offset: Int
    package var length: Int
    /// For binary operators, where the operator itself is (faults point at it).
    package var operatorOffset: Int?

    package init(_ kind: Kind, offset: Int, length: Int) {
        self.kind = kind
        self.offset = offset
        self.length = max(1, length)
    }

    var end: Int { offset + length }
}
