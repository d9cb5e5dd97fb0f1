import Foundation
import KaoheCommon
import KaoheCore
import Testing

/// Each folder under Fixtures/diagnostics is a broken rules folder with `expected.txt`: the
/// exact diagnostics `kaohe validate` prints for it. Re-record with KAOHE_RECORD=1.
@Suite("Diagnostics (golden files)")
struct DiagnosticGoldenTests {
    static let cases: [String] = {
        let root = Fixtures.root.appendingPathComponent("diagnostics")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    static func render(_ folder: String) throws -> String {
        let root = Fixtures.root.path + "/"
        let result = RulesLoader(registry: try AllPacks.registry()).load(paths: [root + "diagnostics/" + folder])
        return DiagnosticRenderer(sources: result.sources).render(result.diagnostics.sorted)
            .replacingOccurrences(of: root, with: "")
    }

    @Test("there is a case for each kind of diagnostic")
    func coverage() {
        #expect(Self.cases.count >= 14)
    }

    @Test("diagnostics match their golden file", arguments: cases)
    func golden(_ folder: String) throws {
        let actual = try Self.render(folder)
        let expectedPath = Fixtures.path("diagnostics/\(folder)/expected.txt")
        if ProcessInfo.processInfo.environment["KAOHE_RECORD"] == "1" {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: expectedPath))
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected)
        #expect(actual.contains("error:") || actual.contains("warning:"), "a broken fixture must produce a diagnostic")
    }

    @Test("every diagnostic names file:line:col and shows the line with a caret")
    func shape() throws {
        for folder in Self.cases {
            let text = try Self.render(folder)
            let headers = text.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
            for header in headers {
                let parts = header.split(separator: ":", maxSplits: 3)
                #expect(parts.count == 4 && Int(parts[1]) != nil && Int(parts[2]) != nil, "\(folder): \(header)")
            }
            #expect(text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("^") }.count >= headers.count,
                    "\(folder): every diagnostic has a caret")
        }
    }
}
