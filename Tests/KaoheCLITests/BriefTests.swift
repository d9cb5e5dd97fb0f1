import Foundation
import Testing

/// `--brief` (SPEC §7): results without the items and their explanations, for large batches and
/// machine consumers; everything else as in the full result.
@Suite("evaluate --brief")
struct BriefTests {
    @Test("json and jsonl without items: unit, total, grade, vetoes, bonus, penalty, sections and findings as in the full result")
    func brief() throws {
        let full = try CLITests.kaohe("evaluate", "--rules", "rules", "--format", "jsonl", "examples/leshan-shizhong/")
        let brief = try CLITests.kaohe("evaluate", "--rules", "rules", "--format", "jsonl", "--brief", "examples/leshan-shizhong/")
        #expect(full.status == 0 && brief.status == 0, "\(brief.stderr)")
        let fullLines = full.stdout.split(separator: "\n"), briefLines = brief.stdout.split(separator: "\n")
        #expect(fullLines.count == 4 && briefLines.count == 4)
        for (whole, short) in zip(fullLines, briefLines) {
            let a = try #require(try JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [String: Any])
            let b = try #require(try JSONSerialization.jsonObject(with: Data(short.utf8)) as? [String: Any])
            #expect(a["items"] != nil && b["items"] == nil)
            #expect(Set(b.keys) == Set(a.keys).subtracting(["items"]))
            for key in ["unit", "total", "grade", "vetoes", "bonus", "penalty", "sections", "findings", "checklist", "as_of"] {
                #expect(Self.same(a[key], b[key]), "\(key) differs")
            }
            #expect(short.utf8.count < whole.utf8.count, "a brief line is shorter than the full one")
        }
        let batch = try CLITests.kaohe("evaluate", "--rules", "rules", "--format", "json", "--brief", "examples/leshan-shizhong/")
        #expect(batch.stdout.contains("\"ranking\": [") && !batch.stdout.contains("\"items\""))
        let table = try CLITests.kaohe("evaluate", "--rules", "rules", "--brief", "examples/leshan-shizhong/")
        #expect(table.status == 2 && table.stderr.contains("--brief applies to --format json and jsonl"))
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return (try? JSONSerialization.data(withJSONObject: ["v": a], options: .sortedKeys)) == (try? JSONSerialization.data(withJSONObject: ["v": b], options: .sortedKeys))
    }
}
