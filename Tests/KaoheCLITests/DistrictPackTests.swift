import Foundation
import Testing

/// A district builds its own executable from the library and its own pack, without forking:
/// this builds examples/district-pack (a separate package) and runs what it built.
@Suite("District extension", .timeLimit(.minutes(15)))
struct DistrictPackTests {
    @Test("examples/district-pack builds against the library, links its pack, scores with its check and passes its own tests")
    func districtPackage() throws {
        let package = CLITests.repository.appendingPathComponent("examples/district-pack")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-district-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let swift = URL(fileURLWithPath: "/usr/bin/env")
        let build = try CLITests.run(swift, ["swift", "build", "--package-path", package.path, "--scratch-path", scratch.path])
        #expect(build.status == 0, "\(build.stdout)\n\(build.stderr)")
        let tool = scratch.appendingPathComponent("debug/district-kaohe")
        let checks = try CLITests.run(tool, ["checks"])
        #expect(checks.stdout.contains("example-district.community-report  在职党员到社区双报到"))
        #expect(checks.stdout.contains("common.meeting-frequency"))
        let result = try CLITests.run(tool, ["evaluate", "--rules", "rules", "--format", "json", "units/office.yaml"], in: package)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"total\": 85, \"grade\": \"合格\""))
        #expect(result.stdout.contains("5名在职党员未到社区报到"))
        // Its own tests, with KaoheTestSupport running its check's examples.
        let tests = try CLITests.run(swift, ["swift", "test", "--package-path", package.path, "--scratch-path", scratch.path])
        #expect(tests.status == 0, "\(tests.stdout)\n\(tests.stderr)")
        #expect((tests.stdout + tests.stderr).contains("2 tests"), "\(tests.stdout)\n\(tests.stderr)")
    }
}
