import Foundation
@testable import KaoheCore
import PropertyBased
import Testing

/// The roster refuses a unit's second assessment anywhere in a batch and points at the first;
/// it must agree with a plain dictionary of ids however many units, ids and files there are.
@Suite("Unit roster")
struct UnitRosterTests {
    @Test("admits each id once and points a repeat at its first place, as a dictionary would")
    func agreesWithADictionary() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var random = RandomExpression(state: UInt64(bitPattern: Int64(seed)))
            var roster = UnitRoster()
            var model: [String: KaoheCore.SourceLocation] = [:]
            var diagnostics = Diagnostics()
            // Enough units to make the table grow several times; ids from a small alphabet so
            // repeats, prefixes and equal lengths are common; non-ASCII and empty ids too.
            let count = random.next(5000) + 1
            let alphabet = ["U", "0", "1", "2", "区", "财政局", "-", " "]
            for index in 0..<count {
                let id = (0..<random.next(5)).map { _ in alphabet[random.next(alphabet.count)] }.joined()
                let file = random.next(50) == 0 ? "other.yaml" : "batch.jsonl"
                let location = random.next(10) == 0
                    ? KaoheCore.SourceLocation(file: file, line: index + 1, column: random.next(9) + 1, length: random.next(4))
                    : KaoheCore.SourceLocation(file: file, line: index + 1, column: 1)
                let before = diagnostics.all.count
                let admitted = roster.admit(id, at: location, diagnostics: &diagnostics)
                if let first = model[id] {
                    #expect(!admitted, "'\(id)' admitted twice")
                    let error = diagnostics.all.dropFirst(before).first
                    #expect(error?.location == location)
                    #expect(error?.notes.first?.location == first, "'\(id)': note at \(String(describing: error?.notes.first?.location)), first at \(first)")
                } else {
                    #expect(admitted, "'\(id)' refused on its first assessment")
                    #expect(diagnostics.all.count == before)
                    model[id] = location
                }
            }
        }
    }

    @Test("ids that differ only past a shared prefix, or by one byte, are different units")
    func nearIDs() {
        var roster = UnitRoster()
        var diagnostics = Diagnostics()
        let ids = ["U0000001", "U00000010", "U000000", "U0000002", "u0000001", "", "区财政局", "区财政局 "]
        for (line, id) in ids.enumerated() {
            #expect(roster.admit(id, at: KaoheCore.SourceLocation(file: "b.jsonl", line: line + 1, column: 1), diagnostics: &diagnostics))
        }
        #expect(!roster.admit("区财政局", at: KaoheCore.SourceLocation(file: "b.jsonl", line: 99, column: 1), diagnostics: &diagnostics))
        #expect(diagnostics.all.map(\.message) == ["unit '区财政局' is assessed twice in this batch"])
        #expect(diagnostics.all.first?.notes.first?.location == KaoheCore.SourceLocation(file: "b.jsonl", line: 7, column: 1))
    }
}
