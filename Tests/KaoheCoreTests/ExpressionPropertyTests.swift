import KaoheCore
import PropertyBased
import Testing

/// Builds random expression text from a seed: a small deterministic generator of the grammar.
struct RandomExpression {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    static let atoms = ["1", "2.5", "0", "12", "members", "study_sessions", "has_rules", "absent", "'支委会'", "30d", "6mo",
                        "date('2026-01-01')", "as_of", "true", "false", "scores", "last_election", "-3"]
    static let binary = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "??", "in"]

    mutating func build(depth: Int) -> String {
        if depth == 0 || next(4) == 0 { return Self.atoms[next(Self.atoms.count)] }
        switch next(8) {
        case 0: return "!" + wrap(build(depth: depth - 1))
        case 1: return "(\(build(depth: depth - 1)) ? \(build(depth: depth - 1)) : \(build(depth: depth - 1)))"
        case 2: return "size(\(build(depth: depth - 1)))"
        case 3: return "max(\(build(depth: depth - 1)), \(build(depth: depth - 1)))"
        case 4: return "scores.filter(x, x > \(build(depth: depth - 1)))"
        case 5: return "[\(build(depth: depth - 1)), \(build(depth: depth - 1))]"
        default:
            return "\(wrap(build(depth: depth - 1))) \(Self.binary[next(Self.binary.count)]) \(wrap(build(depth: depth - 1)))"
        }
    }

    func wrap(_ text: String) -> String { text.contains(" ") ? "(\(text))" : text }
}

@Suite("Expression properties")
struct ExpressionPropertyTests {
    @Test("parse → print → parse is stable, and printing keeps the meaning")
    func printRoundTrip() async {
        let harness = ExpressionHarness.standard
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max)) { seed in
            var random = RandomExpression(state: UInt64(seed))
            let text = random.build(depth: 4)
            guard let first = try? ExpressionParser().parse(text) else {
                Issue.record("generated text does not parse: \(text)")
                return
            }
            let printed = ExpressionPrinter.print(first)
            guard let second = try? ExpressionParser().parse(printed) else {
                Issue.record("printed text does not parse: \(printed) (from \(text))")
                return
            }
            #expect(ExpressionPrinter.print(second) == printed, "\(text)")
            #expect(harness.evaluate(text) == harness.evaluate(printed), "\(text) vs \(printed)")
        }
    }

    @Test("decimal addition is exact and commutative")
    func decimalAddition() async {
        let harness = ExpressionHarness()
        await propertyCheck(count: 1000, input: Gen.int(in: -1_000_000...1_000_000), Gen.int(in: -1_000_000...1_000_000)) { a, b in
            let x = "\(a / 100).\(String(abs(a % 100)).leftPad(2))", y = "\(b / 100).\(String(abs(b % 100)).leftPad(2))"
            let left = harness.literal("\(x) + \(y) == \(y) + \(x)")
            #expect(left == "true")
            #expect(harness.literal("(\(a) + \(b)) / 100") == harness.literal("\(a) / 100 + \(b) / 100"))
        }
    }
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
