import KaoheCore
import Testing

/// Full CEL has constructs Kaohe's expressions leave out; each is refused by name, with what
/// to write instead (SPEC §2.5), instead of a puzzling "expected an operator".
@Suite("Outside the expression subset")
struct OutsideSubsetTests {
    let h = ExpressionHarness.standard

    @Test("each construct is named", arguments: [
        (#"b'abc' == name"#, "bytes literals (b'…') are not part of Kaohe's expressions"),
        (#"r'a\d' == name"#, "raw strings (r'…') are not part of Kaohe's expressions"),
        (#"'''abc''' == name"#, "triple-quoted strings are not part of Kaohe's expressions"),
        ("members > 12u", "unsigned integers (12u) are not part of Kaohe's expressions"),
        ("members > 0x1F", "hexadecimal literals (0x1F) are not part of Kaohe's expressions"),
        ("members > 1e3", "exponents (1e3) are not part of Kaohe's expressions"),
        ("members > 2.5E-3", "exponents (1e3) are not part of Kaohe's expressions"),
        ("{'a': 1}", "maps ({key: value}) are not part of Kaohe's expressions"),
        ("dyn(members) > 1", "dyn() is not part of Kaohe's expressions"),
        ("type(members) == type(1)", "type() is not part of Kaohe's expressions; type() is not part of Kaohe's expressions"),
        ("timestamp('2026-01-01') < as_of", "timestamp() is not part of Kaohe's expressions"),
        ("name.startsWith('区')", "the method .startsWith() is not part of Kaohe's expressions"),
        ("name.contains('民政')", "the method .contains() is not part of Kaohe's expressions"),
        ("members == null", "null is not part of Kaohe's expressions"),
    ])
    func named(_ text: String, _ message: String) {
        #expect(h.literal(text) == "compile error: \(message)", "\(text)")
    }

    @Test("each says what to write instead", arguments: [
        ("members > 1e3", "write the number out: 1000, or 0.001"),
        ("timestamp('2026-01-01') < as_of", "write a date: date('2026-01-01')"),
        (#"b'abc' == name"#, "write a string: '…'"),
        ("members > 0x1F", "write the number in decimal"),
        ("members == null", "a fact the unit did not give is missing: test it with has(fact), or give a default with 'fact ?? value'"),
    ])
    func hints(_ text: String, _ help: String) {
        guard case .failure(let errors) = h.compile(text) else {
            Issue.record("\(text) compiled")
            return
        }
        #expect(errors.all.first?.help == help, "\(text)")
    }

    @Test("what looks alike but is in the subset still works", arguments: [
        ("size(name) > 0", "true"), ("'b' + 'c'", "'bc'"), ("[1, 2].exists(b, b == 2)", "true"), ("2w == 14d", "true"),
        ("members > 12", "true"), ("members * 10 > 100", "true"),
    ])
    func stillWorks(_ text: String, _ expected: String) {
        #expect(h.literal(text) == expected, "\(text)")
    }
}
