import KaoheCore
import Testing

@Suite("Expression language")
struct ExpressionTests {
    let h = ExpressionHarness.standard

    @Test("arithmetic is decimal", arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("7 / 2", "3.5"), ("0.1 + 0.2", "0.3"), ("10 - 2.5", "7.5"),
        ("7 % 3", "1"), ("-7 % 3", "-1"), ("7.5 % 2", "1.5"), ("-3 + 1", "-2"), ("-(2 * 3)", "-6"), ("1 / 4 * 4", "1"),
        ("2 - -1", "3"), ("members * 0.5", "22.5"), ("'机关' + '党委'", "'机关党委'"), ("[1] + [2, 3]", "[1, 2, 3]"),
    ])
    func arithmetic(_ text: String, _ expected: String) {
        #expect(h.literal(text) == expected, "\(text)")
    }

    @Test("comparison, logic, conditional, in", arguments: [
        ("members >= 45", "true"), ("members > 45", "false"), ("members < 50 && has_rules", "true"),
        ("members != 45 || falsified", "false"), ("!has_rules", "false"), ("members == 45.0", "true"),
        ("members <= 44", "false"), ("'a' < 'b'", "true"), ("study_sessions >= 12 ? 6 : 3", "3"),
        ("2 in [1, 2, 3]", "true"), ("'党课' in ['支委会']", "false"), ("name == '区民政局机关党委'", "true"),
        ("last_election < date('2024-01-01')", "true"), ("30d < 31d", "true"), ("1y == 12mo", "true"),
    ])
    func comparison(_ text: String, _ expected: String) {
        #expect(h.literal(text) == expected, "\(text)")
    }

    @Test("date arithmetic reaches the calendar's ends and faults past them", arguments: [
        ("date('9999-12-30') + 1d", "date('9999-12-31')"), ("date('9999-12-31') + 1d", "fault: date out of range"),
        ("date('0001-01-02') - 1d", "date('0001-01-01')"), ("date('0001-01-01') - 1d", "fault: date out of range"),
        ("date('0001-03-01') - 59d", "date('0001-01-01')"), ("date('0001-03-01') - 60d", "fault: date out of range"),
        ("date('9999-11-30') + 1mo", "date('9999-12-30')"), ("date('9999-12-01') + 1mo", "fault: date out of range"),
    ])
    func calendarEnds(_ text: String, _ expected: String) {
        #expect(h.literal(text) == expected, "\(text)")
    }

    @Test("functions", arguments: [
        ("size(meetings)", "3"), ("meetings.size()", "3"), ("size('乐山市')", "3"), ("min(3, 1, 2)", "1"), ("max(scores)", "4"),
        ("min(scores)", "1.5"), ("sum(scores)", "8.5"), ("sum([])", "0"), ("max(0, 12 - size(meetings))", "9"),
        ("years_between(last_election, as_of)", "3"), ("years_between(date('2024-02-29'), date('2025-02-28'))", "0"),
        ("years_between(date('2024-02-29'), date('2025-03-01'))", "1"), ("days_between(date('2026-01-01'), date('2026-03-01'))", "59"),
        ("days_between(as_of, date('2026-11-01'))", "-29"), ("last_election + years(term_years)", "date('2028-05-10')"),
        ("date('2026-01-31') + months(1)", "date('2026-02-28')"), ("date('2024-02-29') + 1y", "date('2025-02-28')"),
        ("as_of - 30d", "date('2026-10-31')"), ("as_of + days(1)", "date('2026-12-01')"), ("as_of + 2w", "date('2026-12-14')"),
        ("period.from", "date('2026-01-01')"), ("period.to > period.from", "true"), ("meetings[0].kind", "'支委会'"),
        ("3y + 6mo", "42mo"), ("date('2026-11-30')", "date('2026-11-30')"),
    ])
    func functions(_ text: String, _ expected: String) {
        #expect(h.literal(text) == expected, "\(text)")
    }

    @Test("list macros", arguments: [
        ("meetings.filter(m, m.kind == '支委会').size()", "2"), ("meetings.all(m, m.date >= period.from)", "true"),
        ("meetings.exists(m, m.kind == '党课')", "true"), ("meetings.exists_one(m, m.kind == '支委会')", "false"),
        ("meetings.exists_one(m, m.kind == '党课')", "true"), ("scores.map(s, s * 2)", "[6, 3, 8]"),
        ("[].all(x, x > 1)", "true"), ("[].exists(x, x > 1)", "false"),
        ("meetings.map(m, m.date).filter(d, d < date('2026-02-01'))", "[date('2026-01-15')]"),
        ("scores.filter(a, scores.exists(b, b > a)).size()", "2"),
    ])
    func macros(_ text: String, _ expected: String) {
        #expect(h.literal(text) == expected, "\(text)")
    }

    @Test("missing values propagate, except through has, ??, && and ||", arguments: [
        ("absent + 1", "missing"), ("absent > 3", "missing"), ("-absent", "missing"), ("size([absent])", "missing"),
        ("has(absent)", "false"), ("has(members)", "true"), ("absent ?? 0", "0"), ("absent ?? 0 > 5", "false"),
        ("members ?? 0", "45"), ("absent_flag && false", "false"), ("false && absent_flag", "false"),
        ("absent_flag && true", "missing"), ("absent_flag || true", "true"), ("true || absent_flag", "true"),
        ("absent_flag || false", "missing"), ("absent_flag ? 1 : 2", "missing"), ("!absent_flag", "missing"),
        ("[1, 2].all(x, absent > x)", "missing"), ("[1, 2].exists(x, x == 2 || absent > 0)", "true"),
        ("absent in [1]", "missing"), ("min(absent, 3)", "missing"),
    ])
    func missing(_ text: String, _ expected: String) {
        #expect(h.literal(text) == expected, "\(text)")
    }

    @Test("a missing value names the facts that caused it")
    func missingNames() throws {
        #expect(try h.evaluate("absent + (absent_flag ? 1 : 2)").get() == .missing(["absent", "absent_flag"]))
    }

    @Test("faults in rules", arguments: [
        ("members / zero", "fault: division by zero"), ("members % zero", "fault: remainder of a division by zero"),
        ("scores[5]", "fault: list index 5 is out of range (the list has 3 elements)"),
        ("min([].map(x, 1))", "fault: min() of an empty list"), ("years(1.5)", "fault: years() needs a whole number, not 1.5"),
        // The smallest 64-bit integer has no 64-bit magnitude: `abs` of it trapped (a crash found by ScalarKernelTests).
        ("years(-9223372036854775807 - 1)", "fault: years() needs a whole number, not -9223372036854775808"),
        ("days(-9223372036854775807 - 1) < 1d", "fault: days() needs a whole number, not -9223372036854775808"),
        ("1mo < 30d", "fault: cannot order 1mo and 30d: a month has no fixed number of days"),
        ("false && members / zero > 1", "false"), ("members / zero > 1 && false", "false"),
        ("members / zero > 1 || true", "true"),
        // all and exists absorb faults as CEL does: the deciding element wins wherever it is.
        ("[1, 2, 3].all(e, 6 / (2 - e) == 6)", "false"), ("[3, 2, 1].all(e, 6 / (2 - e) == 6)", "false"),
        ("[2, 3].exists(e, 6 / (2 - e) == -6)", "true"), ("[3, 2].exists(e, 6 / (2 - e) == -6)", "true"),
        ("[1, 2].all(e, 6 / (2 - e) == 6)", "fault: division by zero"), ("[2, 1].exists(e, 6 / (2 - e) == 0)", "fault: division by zero"),
        ("[2, 3].map(e, 6 / (2 - e))", "fault: division by zero"), ("[3, 2].filter(e, 6 / (2 - e) > 0)", "fault: division by zero"),
        ("scores[9] == 1 && false", "false"), ("true && scores[9] == 1", "fault: list index 9 is out of range (the list has 3 elements)"),
    ])
    func faults(_ text: String, _ expected: String) {
        #expect(h.literal(text) == expected, "\(text)")
    }

    @Test("type errors are caught when rules load", arguments: [
        ("last_election > 3", "cannot compare a date with a number"),
        ("has_rules + 1", "'+' cannot combine a bool and a number"),
        ("last_election - as_of", "'-' cannot combine a date and a date"),
        ("study_sesions > 1", "unknown name 'study_sesions'"),
        ("members.kind", "'.kind' on a number: only records have fields"),
        ("meetings.kind", "'.kind' on a list: a list has no fields"),
        ("meetings.filter(m, m.kid == '支委会')", "no field 'kid' in this record; its fields are kind, date"),
        ("size(members)", "size() takes a list or a string, not a number"),
        ("!members", "'!' needs a bool, not a number"),
        ("members ? 1 : 2", "the condition of '? :' must be a bool, not a number"),
        ("has_rules ? 1 : 'a'", "the two branches of '? :' have different types: number and string"),
        ("[1, 'a']", "list elements must have one type: this is a string, the others number"),
        ("'a' in 'abc'", "'in' needs a list on its right, not a string"),
        ("frobnicate(1)", "unknown function 'frobnicate'"),
        ("years()", "years() takes 1 argument, not 0"),
        ("date(name)", "date() takes a literal like date('2026-01-01')"),
        ("date('2026-02-30')", "'2026-02-30' is not a valid date"),
        ("meetings.all(m, 1)", "the condition of all must be a bool, not a number"),
        ("period.start", "period has only 'from' and 'to', not 'start'"),
        ("absent ?? 'x'", "'??' gives a default of another type: number ?? string"),
        ("has(1)", "has() takes a fact name, like has(study_sessions)"),
        ("null", "null is not part of Kaohe's expressions"),
    ])
    func typeErrors(_ text: String, _ message: String) {
        guard case .failure(.compile(let messages)) = h.evaluate(text) else {
            Issue.record("\(text) compiled")
            return
        }
        #expect(messages.contains(message), "\(text): \(messages)")
    }

    @Test("syntax errors point at the offending token", arguments: [
        ("1 +", 3, "expression ends too early: expected a value"),
        ("members = 3", 8, "unexpected character '='"),
        ("(1 + 2", 6, "expected ')' to close '(', found the end of the expression"),
        ("'abc", 0, "string is not closed"),
        ("3x", 0, "'3x' is not a number or a duration"),
        ("1 2", 2, "expected an operator or the end of the expression, found number 2"),
        ("members（", 7, "unexpected character '（'"),
        ("a.", 2, "expected a field or method name after '.', found the end of the expression"),
    ])
    func syntaxErrors(_ text: String, _ offset: Int, _ message: String) {
        #expect(throws: ExpressionError.self) { try ExpressionParser().parse(text) }
        do {
            _ = try ExpressionParser().parse(text)
        } catch {
            #expect(error.message == message)
            #expect(error.offset == offset)
        }
    }

    @Test("`??` binds tighter than comparison and looser than arithmetic")
    func coalescePrecedence() throws {
        // The tree's shape: the top operator and the operator of the grouped side.
        func shape(_ text: String) throws -> String {
            let expr = try ExpressionParser().parse(text)
            guard case .binary(let op, let left, let right) = expr.kind else { return "not binary" }
            if case .binary(let inner, _, _) = left.kind { return "(\(inner)) \(op)" }
            if case .binary(let inner, _, _) = right.kind { return "\(op) (\(inner))" }
            return op
        }
        #expect(try shape("x ?? 0 > 5") == "(??) >")
        #expect(try shape("x ?? 1 + 2") == "?? (+)")
    }

    @Test("a quote followed by a combining mark is escaped when printed (found by fuzzing)")
    func quoteWithCombiningMark() throws {
        let text = "\"'\u{316}x\""
        let printed = ExpressionPrinter.print(try ExpressionParser().parse(text))
        let again = try ExpressionParser().parse(printed)
        guard case .string(let value) = again.kind else {
            Issue.record("not a string: \(printed)")
            return
        }
        #expect(value == "'\u{316}x")
    }

    @Test("a duration literal stands for at most 999999 days or months, so its print parses (found by fuzzing)", arguments: [
        ("142857w", "999999d"), ("83333y", "83333y"), ("999999d", "999999d"), ("999999mo", "999999mo"),
    ])
    func largestDurations(_ text: String, _ printed: String) throws {
        let print = ExpressionPrinter.print(try ExpressionParser().parse(text))
        #expect(print == printed)
        #expect(ExpressionPrinter.print(try ExpressionParser().parse(print)) == printed)
    }

    @Test("a duration literal past 999999 days or months is refused with its place", arguments: ["973879w", "142858w", "83334y"])
    func tooLongDurations(_ text: String) {
        do {
            _ = try ExpressionParser().parse("as_of + " + text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.message == "'\(text)' is not a number or a duration")
            #expect(error.offset == 8)
            #expect(error.help?.contains("at most 999999 days or months") == true)
        }
    }

    @Test("the printer parenthesises only where the grammar needs it, and a long chain prints flat")
    func printerParentheses() throws {
        for (text, printed) in [("a - (b - c)", "a - (b - c)"), ("(a - b) - c", "a - b - c"), ("(a + b) * c", "(a + b) * c"),
                                ("a * b + c", "a * b + c"), ("x ?? 0 > 5", "x ?? 0 > 5"), ("!(a && b) || c", "!(a && b) || c")] {
            let expr = try ExpressionParser().parse(text)
            #expect(ExpressionPrinter.print(expr) == printed)
            #expect(ExpressionPrinter.print(try ExpressionParser().parse(printed)) == printed)
        }
        // A chain of 40 prefix minus signs prints flat and parses back to the same tree.
        let minuses = String(repeating: "-", count: 40) + "x0 + 1"
        let once = ExpressionPrinter.print(try ExpressionParser().parse(minuses))
        #expect(ExpressionPrinter.print(try ExpressionParser().parse(once)) == once)
        #expect(once.filter { $0 == "(" }.count <= 1, "\(once)")
        // 70 operators in a row: the fully parenthesised print would nest past the parser's limit.
        let chain = (0..<70).map { "x\($0)" }.joined(separator: " * ")
        #expect(ExpressionPrinter.print(try ExpressionParser().parse(chain)) == chain)
    }

    @Test("constant sub-expressions fold at compile time")
    func folding() throws {
        let compiled = try h.compile("members > 2 * 6 + days_between(date('2026-01-01'), date('2026-01-03'))").get()
        #expect(compiled.facts == ["members"])
        var frame = Frame(facts: h.facts.map(\.value), asOf: h.asOf, period: h.period)
        #expect(try Evaluator.evaluate(compiled, &frame) == .bool(true))
    }

    @Test("32 levels of parentheses, lists, calls, indexes and conditionals work (CEL's minimum), and 64 do", arguments: [32, 64])
    func nestingCELRequires(_ levels: Int) throws {
        let parens = String(repeating: "(", count: levels) + "1" + String(repeating: ")", count: levels)
        #expect(h.literal(parens) == "1")
        // size( … ) is one level, the lists the rest.
        let lists = String(repeating: "[", count: levels - 1) + "1" + String(repeating: "]", count: levels - 1)
        #expect(h.literal("size(\(lists)) == 1") == "true")
        let calls = String(repeating: "max(0, ", count: levels - 1) + "1" + String(repeating: ")", count: levels - 1)
        #expect(h.literal(calls) == "1")
        let conditionals = String(repeating: "true ? ", count: levels) + "7" + String(repeating: " : 0", count: levels)
        #expect(h.literal(conditionals) == "7")
        let mixed = String(repeating: "[(", count: levels / 2) + "2" + String(repeating: ")]", count: levels / 2)
        #expect(throws: Never.self) { try ExpressionParser().parse(mixed) }
    }

    @Test("past 64 levels: refused with the place, not a stack overflow")
    func pastTheLimit() {
        let text = String(repeating: "(", count: 65) + "1" + String(repeating: ")", count: 65)
        #expect { try ExpressionParser().parse(text) } throws: { error in
            (error as? ExpressionError)?.message == "expression nests deeper than 64 levels"
        }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionError.self) { try ExpressionParser().parse(text) }
    }
}
