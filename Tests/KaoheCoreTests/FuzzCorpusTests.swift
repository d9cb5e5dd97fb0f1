import Foundation
import KaoheFuzzTargets
import Testing

/// Every committed fuzz input (seed corpora and any crash the fuzzer found, kept as a
/// regression) goes through its target again; none may break an invariant.
@Suite("Fuzz corpora")
struct FuzzCorpusTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz")

    static func inputs(_ target: FuzzTarget) -> [URL] {
        ["corpus", "crashes"].flatMap { folder -> [URL] in
            let dir = fuzz.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.sorted().map { dir.appendingPathComponent($0) }
        }
    }

    @Test("each target's committed inputs keep every invariant", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(inputs.count >= 10, "the seed corpus of \(target.rawValue) is missing")
        for input in inputs {
            let problems = target.run(try Data(contentsOf: input))
            #expect(problems.isEmpty, "\(input.lastPathComponent): \(problems)")
        }
    }
}
