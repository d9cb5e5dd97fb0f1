import KaoheCore
import PropertyBased
import Synchronization
import Testing

/// Random typed expressions over random facts: the fast lane (``ScalarKernel``), where it
/// answers, gives exactly what the careful evaluator gives, fault for fault.
@Suite("Expression kernels")
struct ScalarKernelTests {
    static let meetingType = ExprType.record(RecordType(names: ["kind", "date"], types: [.string, .date]))

    /// The deterministic random source of the expression property tests.
    typealias Random = RandomExpression

    /// Facts with values that reach every way out of the fast lane: missing, non-whole, near
    /// the 64-bit limits, dates near the end of the calendar, records with a missing field.
    static func harness(_ random: inout Random) -> ExpressionHarness {
        var h = ExpressionHarness()
        func number() -> Value {
            switch random.next(8) {
            case 0: return .missing(["n"])
            case 1: return .number(Rational(5, 2))
            case 2: return .number(Rational(Int64.max - Int64(random.next(3))))
            case 3: return .number(Rational(-Int64(1 << 62)))
            default: return .number(Rational(random.next(25)))
            }
        }
        func day() -> Value {
            switch random.next(6) {
            case 0: return .missing(["d"])
            case 1: return .day("9999-12-\(20 + random.next(12))")
            default: return .date(Day(ordinal: 738_000 + random.next(4000)))
            }
        }
        func meeting() -> Value {
            let kind: Value = random.next(10) == 0 ? .missing(["meetings.kind"]) : .string(random.pick(["支委会", "党课", "主题党日"]))
            return .record(names: ["kind", "date"], values: [kind, day()])
        }
        func flag() -> Value { random.next(6) == 0 ? .missing(["f"]) : .bool(random.next(2) == 0) }
        h.facts = [
            ("members", .number, number()), ("study_sessions", .number, number()), ("term_years", .number, number()),
            ("has_rules", .bool, flag()), ("falsified", .bool, flag()),
            ("last_election", .date, day()), ("founded", .date, day()),
            ("name", .string, random.next(4) == 0 ? .missing(["name"]) : .string(random.pick(["支委会", "党课"]))),
            ("meetings", .list(meetingType), random.next(8) == 0 ? .missing(["meetings"]) : .list((0..<random.next(7)).map { _ in meeting() })),
        ]
        return h
    }

    /// Typed random expression text; `inMacro` allows the macro variable `m`.
    struct Builder {
        var random: Random

        mutating func number(_ depth: Int, _ inMacro: Bool) -> String {
            if depth == 0 || random.next(3) == 0 {
                return random.pick(["0", "1", "7", "12", "2.5", "4611686018427387904", "members", "study_sessions", "term_years", "-3"])
            }
            switch random.next(9) {
            case 0: return "-(\(number(depth - 1, inMacro)))"
            case 1: return "(\(bool(depth - 1, inMacro)) ? \(number(depth - 1, inMacro)) : \(number(depth - 1, inMacro)))"
            case 2: return "size(meetings)"
            case 3: return "\(random.pick(["min", "max"]))(\(number(depth - 1, inMacro)), \(number(depth - 1, inMacro)))"
            case 4: return "\(random.pick(["days_between", "years_between"]))(\(date(depth - 1, inMacro)), \(date(depth - 1, inMacro)))"
            case 5 where !inMacro: return "size(meetings.filter(m, \(bool(depth - 1, true))))"
            case 6: return "(members ?? \(number(depth - 1, inMacro)))"
            default: return "(\(number(depth - 1, inMacro)) \(random.pick(["+", "-", "*", "/", "%"])) \(number(depth - 1, inMacro)))"
            }
        }

        mutating func date(_ depth: Int, _ inMacro: Bool) -> String {
            if depth == 0 || random.next(3) == 0 {
                return random.pick(["as_of", "period.from", "period.to", "last_election", "founded", "date('2026-01-01')"]
                    + (inMacro ? ["m.date", "m.date"] : []))
            }
            let span = random.pick(["30d", "1y", "6mo", "2w", "years(\(number(depth - 1, inMacro)))", "days(\(number(depth - 1, inMacro)))",
                                    "months(term_years)", "-(90d)"])
            return "(\(date(depth - 1, inMacro)) \(random.pick(["+", "-"])) \(span))"
        }

        mutating func bool(_ depth: Int, _ inMacro: Bool) -> String {
            if depth == 0 || random.next(4) == 0 {
                return random.pick(["true", "has_rules", "falsified", "has(members)", "has(meetings)"] + (inMacro ? ["(m.kind == '党课')"] : []))
            }
            switch random.next(9) {
            case 0: return "!(\(bool(depth - 1, inMacro)))"
            case 1: return "(\(number(depth - 1, inMacro)) \(random.pick(["==", "!=", "<", "<=", ">", ">="])) \(number(depth - 1, inMacro)))"
            case 2: return "(\(date(depth - 1, inMacro)) \(random.pick(["==", "<", ">="])) \(date(depth - 1, inMacro)))"
            case 3: return "(\(bool(depth - 1, inMacro)) \(random.pick(["&&", "||", "==", "!="])) \(bool(depth - 1, inMacro)))"
            case 4 where !inMacro:
                return "meetings.\(random.pick(["exists", "all", "exists_one"]))(m, \(bool(depth - 1, true)))"
            case 5: return "(name \(random.pick(["==", "!="])) '党课')"
            case 6 where inMacro: return "(m.kind \(random.pick(["==", "!="])) name)"
            default: return "(\(bool(depth - 1, inMacro)) \(random.pick(["&&", "||"])) \(bool(depth - 1, inMacro)))"
            }
        }
    }

    /// The value or the fault's message.
    static func outcome(_ body: () throws(EvaluationFault) -> Value) -> String {
        do { return try body().literal } catch { return "fault: \(error.message)" }
    }

    @Test("where the kernel answers, it answers as the careful evaluator does; elsewhere it leaves the answer to it")
    func agreesWithCareful() async {
        let answered = Tally(), asked = Tally()
        await propertyCheck(count: 3000, input: Gen.int(in: 0...Int.max)) { seed in
            var random = Random(state: UInt64(seed))
            let harness = Self.harness(&random)
            var builder = Builder(random: random)
            let text: String
            switch builder.random.next(3) {
            case 0: text = builder.number(4, false)
            case 1: text = builder.date(3, false)
            default: text = builder.bool(4, false)
            }
            guard case .success(let compiled) = harness.compile(text) else {
                Issue.record("generated text does not compile: \(text)")
                return
            }
            var frame = Frame(facts: harness.facts.map(\.value), asOf: harness.asOf, period: harness.period)
            let careful = Self.outcome { () throws(EvaluationFault) in try Evaluator.carefully(compiled, &frame) }
            let fast = compiled.kernelValue(frame)
            asked.increment()
            if let fast {
                answered.increment()
                #expect(fast.literal == careful, "\(text)")
            }
            #expect(Self.outcome { () throws(EvaluationFault) in try Evaluator.evaluate(compiled, &frame) } == careful, "\(text)")
        }
        // The property must not hold vacuously: most generated expressions have a kernel that answers.
        #expect(answered.total * 3 > asked.total, "the kernel answered \(answered.total) of \(asked.total)")
    }

    @Test("the benchmark's rules and a yes/no fact have kernels; division, string order and pack functions do not",
          arguments: [
              ("size(meetings.filter(m, m.kind == '支委会' && m.date >= date('2026-01-01'))) >= 10", true),
              ("meetings.exists(m, m.date >= as_of - 90d && m.date <= as_of)", true),
              ("last_election + years(term_years) < as_of", true),
              ("members == 0 || 10 * study_sessions >= 9 * members", true),
              ("has_rules", true), ("members", true),
              ("members / 2 >= 3", false), ("name < '党课'", false), ("size(name) > 1", false),
              ("meetings.exists(m, meetings.exists(n, n.date == m.date))", false),
          ])
    func coverage(_ text: String, _ fast: Bool) throws {
        var random = Random(state: 1)
        let harness = Self.harness(&random)
        let compiled = try harness.compile(text).get()
        #expect(compiled.hasKernel == fast, "\(text)")
    }
}

/// A count the property's runs add to.
final class Tally: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var total: Int { value.withLock { $0 } }
}

extension RandomExpression {
    mutating func pick<T>(_ options: [T]) -> T { options[next(options.count)] }
}
