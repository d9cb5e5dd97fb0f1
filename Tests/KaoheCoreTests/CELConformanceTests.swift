import Foundation
import KaoheCore
import Testing

/// CEL's own conformance data for the subset Kaohe implements (Fixtures/cel-spec, taken from
/// google/cel-spec): every case agrees with CEL, or differs where SPEC §2.5 says Kaohe differs,
/// and then the difference itself is asserted.
@Suite("CEL conformance")
struct CELConformanceTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var source: String
        var expr: String
        var value: String?
        var eval_error: Bool?
        var check_error: Bool?
        var differs: String?
        var testDescription: String { source }
    }

    static let cases: [Case] = {
        guard let text = try? String(contentsOfFile: Fixtures.path("cel-spec/cases.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }()

    @Test("the cases are here")
    func casesAreHere() {
        #expect(Self.cases.count == 102)
    }

    @Test("each case", arguments: cases)
    func conformance(_ c: Case) {
        let outcome = ExpressionHarness.standard.literal(c.expr)
        if let value = c.value {
            #expect(outcome == value, "\(c.source): \(c.expr)")
        } else if c.eval_error == true {
            #expect(outcome.hasPrefix("fault: "), "\(c.source): \(c.expr) → \(outcome)")
        } else {
            #expect(c.check_error == true && c.differs != nil, "\(c.source): a refusal needs its reason")
            #expect(outcome.hasPrefix("compile error: "), "\(c.source): \(c.expr) → \(outcome)")
        }
    }

    @Test("the tally")
    func tally() {
        let differing = Self.cases.filter { $0.differs != nil }
        let reasons = Dictionary(grouping: differing, by: { $0.differs ?? "" }).mapValues(\.count)
        print("CEL conformance: \(Self.cases.count) cases, \(Self.cases.count - differing.count) agree with CEL, \(differing.count) differ by design: "
            + reasons.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: "; "))
        #expect(Self.cases.count - differing.count >= 75)
    }
}
