/// What a fact's declaration allows beyond its type: a whole number for `int` (within 64 bits),
/// `min`/`max`, `one_of`, an enumeration's values. The one definition of them: the careful
/// decoder reports a breach with its place, the fast lane sends the line to the careful path.
public enum FactBreach: Sendable, Equatable {
    case notWhole(Rational)
    case pastWholeRange(Rational)
    case belowMinimum(Rational, Rational)
    case aboveMaximum(Rational, Rational)
    case notOneOfNumbers(Rational, [Value])
    case notOneOfStrings(String, [Value])
    case notInEnumeration(String, [String])

    /// The message for a person, naming the value as `what` (`fact 'x'（标题）`).
    public func message(_ what: String) -> String {
        switch self {
        case .notWhole(let n): "\(what) must be a whole number, not \(DecimalMath.format(n))"
        case .pastWholeRange(let n): "\(what) is \(DecimalMath.format(n)), past the range of a whole number"
        case .belowMinimum(let n, let min): "\(what) is \(DecimalMath.format(n)), below its minimum \(DecimalMath.format(min))"
        case .aboveMaximum(let n, let max): "\(what) is \(DecimalMath.format(n)), above its maximum \(DecimalMath.format(max))"
        case .notOneOfNumbers(let n, let allowed): "\(what) must be one of \(allowed.map(\.literal).joined(separator: ", ")), not \(DecimalMath.format(n))"
        case .notOneOfStrings(let s, let allowed): "\(what) must be one of \(allowed.map(\.display).joined(separator: "、")), not '\(s)'"
        case .notInEnumeration(let s, let allowed): "\(what) must be one of \(allowed.joined(separator: "、")), not '\(s)'"
        }
    }

    /// The same in Chinese for a form, where the field's label stands beside it: what is wrong
    /// with the value typed (不能小于 0（现为 -3）).
    public var chinese: String {
        switch self {
        case .notWhole(let n): "应填整数（现为 \(DecimalMath.format(n))）"
        case .pastWholeRange(let n): "数值 \(DecimalMath.format(n)) 过大，请检查是否多输了数字"
        case .belowMinimum(let n, let min): "不能小于 \(DecimalMath.format(min))（现为 \(DecimalMath.format(n))）"
        case .aboveMaximum(let n, let max): "不能大于 \(DecimalMath.format(max))（现为 \(DecimalMath.format(n))）"
        case .notOneOfNumbers(let n, let allowed): "应为 \(allowed.map(\.literal).joined(separator: "、")) 之一（现为 \(DecimalMath.format(n))）"
        case .notOneOfStrings(let s, let allowed): "应为 \(allowed.map(\.display).joined(separator: "、")) 之一（现为“\(s)”）"
        case .notInEnumeration(let s, let allowed): "应为 \(allowed.joined(separator: "、")) 之一（现为“\(s)”）"
        }
    }

    /// A likely fix, when there is one.
    public var help: String? {
        switch self {
        case .pastWholeRange: "a count fits in 64 bits (at most 9223372036854775807); check for a typing slip"
        case .notInEnumeration(let s, let allowed): Suggestion.didYouMean(s, in: allowed)
        default: nil
        }
    }
}

extension FactSpec {
    /// What `number` breaks of this (`int` or `decimal`) fact's declaration, or nil.
    public func breach(number: Rational) -> FactBreach? {
        if kind == .int {
            if !DecimalMath.isWhole(number) { return .notWhole(number) }
            if number.magnitude > Rational(Int64.max) { return .pastWholeRange(number) }
        }
        if let min, number < min { return .belowMinimum(number, min) }
        if let max, number > max { return .aboveMaximum(number, max) }
        if let oneOf, !oneOf.contains(.number(number)) { return .notOneOfNumbers(number, oneOf) }
        return nil
    }

    /// What `text` breaks of this (`string` or `enum`) fact's declaration, or nil.
    public func breach(text: String) -> FactBreach? {
        switch kind {
        case .enumeration(let allowed): allowed.contains(text) ? nil : .notInEnumeration(text, allowed)
        default: oneOf.map { $0.contains(.string(text)) ? nil : FactBreach.notOneOfStrings(text, $0) } ?? nil
        }
    }
}
