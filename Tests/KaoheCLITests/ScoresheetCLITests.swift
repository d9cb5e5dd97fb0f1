import Foundation
import Testing

/// `kaohe evaluate --scoresheets`: on-site assessors' sheets replace the self scores of the
/// manual items they score, outside a competition too.
@Suite("evaluate --scoresheets")
struct ScoresheetCLITests {
    @Test("a sheet's score replaces the self score, with its method and assessor in the explanation; a sheet for a unit not scored is an error")
    func scoresheets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = folder.appendingPathComponent("zuzhibu.yaml")
        try """
            kaohe: 1
            kind: scoresheet
            assessor: 第一考核组
            unit: mn-zuzhibu
            date: 2026-11-20
            scores:
              D1: {points: 3.5, method: 现场查看, note: 阵地标识不全}
            """.write(to: sheet, atomically: true, encoding: .utf8)
        let without = try CLITests.kaohe("evaluate", "--rules", "rules", "--format", "json", "examples/maonan/zuzhibu.yaml")
        #expect(without.status == 0 && without.stdout.contains("\"id\": \"D1\", \"title\": \"党建阵地建设（现场查看）\", \"section\": \"D\", \"status\": \"unverified\", \"awarded\": 5"))
        let with = try CLITests.kaohe("evaluate", "--rules", "rules", "--format", "json", "--scoresheets", sheet.path, "examples/maonan/zuzhibu.yaml")
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("\"status\": \"partial\", \"awarded\": 3.5, \"points\": 5, \"self_score\": 5, \"explain\": [\"现场评分 3.5（现场查看，第一考核组）：阵地标识不全\"], \"method\": \"现场查看\""))
        let stray = try CLITests.kaohe("evaluate", "--rules", "rules", "--scoresheets", folder.path, "examples/maonan/minzhengju.yaml")
        #expect(stray.status == 1)
        #expect(stray.stderr.contains("zuzhibu.yaml:4:7: error: score sheet for unit 'mn-zuzhibu', which has no self-assessment in the assessments"))
        #expect(stray.stdout.isEmpty)
    }
}
