import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KaoheCore
import Testing

/// Golden files for the human reports, determinism, and checks that need no screenshot:
/// Chinese columns line up, CSV opens in Excel, HTML stands alone.
@Suite("Reports")
struct ReportTests {
    static func batch(_ names: [String]) throws -> (Batch, ChecklistPlan) {
        let loaded = try RuleFixture.bundled()
        let plan = try #require(loaded.rules.plans["leshan-shizhong.organs"])
        let results = try names.map { name in
            let text = try String(contentsOf: Fixtures.repository.appendingPathComponent("examples/leshan-shizhong/\(name).yaml"), encoding: .utf8)
            return try RuleFixture.assess(plan, text)
        }
        return (Batch(results: results), plan)
    }

    static let all = ["minzheng", "zonggonghui", "shichangjianguan", "fagaiju"]

    static func golden(_ name: String, _ actual: String) throws {
        let path = Fixtures.path("reports/\(name)")
        if ProcessInfo.processInfo.environment["KAOHE_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: Fixtures.path("reports"), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        }
        // Decoded by hand: Foundation's String(contentsOfFile:) would drop the CSV's byte order mark.
        let expected = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(actual == expected, "\(name) differs from its golden file; re-record with KAOHE_RECORD=1 if the change is intended")
    }

    @Test("table, Markdown, CSV and JSON match their golden files")
    func goldens() throws {
        let (one, plan) = try Self.batch(["minzheng"])
        let (many, _) = try Self.batch(Self.all)
        try Self.golden("unit.table.txt", TableReport.render(one, plan: plan))
        try Self.golden("batch.table.txt", TableReport.render(many, plan: plan))
        try Self.golden("batch.md", MarkdownReport.render(many, plan: plan))
        try Self.golden("batch.csv", CSVReport.render(many, plan: plan))
        try Self.golden("unit.json", ResultJSON.render(one))
    }

    @Test("the same inputs give byte-identical output, whatever their order")
    func determinism() throws {
        let (a, plan) = try Self.batch(Self.all)
        let (b, _) = try Self.batch(Self.all.reversed())
        let (c, _) = try Self.batch(Self.all)
        #expect(ResultJSON.render(a) == ResultJSON.render(b))
        #expect(ResultJSON.render(a) == ResultJSON.render(c))
        #expect(HTMLReport.render(a, plan: plan) == HTMLReport.render(b, plan: plan))
        #expect(a.inputOrder.map(\.unit.id) != b.inputOrder.map(\.unit.id))
    }

    @Test("the JSON result parses and carries the SPEC §6 keys in order")
    func json() throws {
        let (one, _) = try Self.batch(["minzheng"])
        let text = ResultJSON.render(one)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["total"] as? Double == 77)
        #expect(object["grade"] as? String == "一般")
        let keys = ["\"kaohe\"", "\"checklist\"", "\"unit\"", "\"as_of\"", "\"total\"", "\"grade\"", "\"vetoes\"", "\"bonus\"",
                    "\"penalty\"", "\"sections\"", "\"items\"", "\"findings\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        #expect(text.contains("\"fingerprint\": \"sha256:"))
        let (many, _) = try Self.batch(Self.all)
        let batch = try #require(try JSONSerialization.jsonObject(with: Data(ResultJSON.render(many).utf8)) as? [String: Any])
        #expect((batch["results"] as? [Any])?.count == 4)
        #expect((batch["ranking"] as? [[String: Any]])?.first?["unit"] as? String == "szq-zonggonghui")
    }

    @Test("ties are shown as ties, in a stable order")
    func ties() throws {
        let (batch, _) = try Self.batch(["minzheng"])
        var twin = try #require(batch.results.first)
        twin.unit = Unit(id: "szq-aaa", name: "并列单位", category: "social-service")
        let tied = Batch(results: batch.results + [twin])
        #expect(tied.ranking.map(\.rank) == [1, 1])
        #expect(tied.ranking.allSatisfy { $0.tied })
        #expect(tied.ranking.map(\.result.unit.id) == ["szq-aaa", "szq-minzheng"])
    }

    @Test("Chinese columns align by display width in every terminal table")
    func alignment() throws {
        let (one, plan) = try Self.batch(["minzheng"])
        let (many, _) = try Self.batch(Self.all)
        for text in [TableReport.render(one, plan: plan), TableReport.render(many, plan: plan)] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() where line.hasPrefix("─") {
                let starts = Self.columnStarts(line)
                var row = index + 1
                while row < lines.count, !lines[row].isEmpty {
                    let grid = Self.grid(lines[row])
                    // Before each column's start there is a gap of two spaces (an empty last cell is trimmed).
                    for start in starts.dropFirst() where start - 1 < grid.count {
                        #expect(grid[start - 1] == " " && grid[start - 2] == " ", "misaligned: \(lines[row])")
                    }
                    row += 1
                }
                #expect(row > index + 1)
            }
        }
    }

    /// Display columns where each `───` segment of a rule line starts.
    static func columnStarts(_ rule: String) -> [Int] {
        var starts: [Int] = []
        var last: Character = " "
        for (column, c) in rule.enumerated() {
            if c == "─" && last != "─" { starts.append(column) }
            last = c
        }
        return starts
    }

    /// The line as display cells: a wide character fills two cells.
    static func grid(_ line: String) -> [Character] {
        var cells: [Character] = []
        for c in line {
            let width = c.unicodeScalars.first.map(DisplayWidth.of) ?? 1
            cells.append(c)
            if width == 2 { cells.append("\u{0}") }
        }
        return cells
    }

    @Test("CSV starts with a UTF-8 BOM, uses CRLF, quotes fields and defuses formulas")
    func csv() throws {
        let (many, plan) = try Self.batch(Self.all)
        let text = CSVReport.render(many, plan: plan)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text.contains("\r\n"))
        #expect(CSVReport.field("a,b") == "\"a,b\"")
        #expect(CSVReport.field("说\"明\"") == "\"说\"\"明\"\"\"")
        #expect(CSVReport.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVReport.field("-3") == "-3")
    }

    @Test("the HTML report is well-formed, self-contained and has charts")
    func html() throws {
        let (many, plan) = try Self.batch(Self.all)
        let text = HTMLReport.render(many, plan: plan)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "http://", "https://", "src=", "<link", "@import"] {
            #expect(!text.contains(forbidden) || forbidden == "http://" && !text.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http://"),
                    "the report must not load anything: found \(forbidden)")
        }
        #expect(text.components(separatedBy: "<svg").count - 1 == 5, "a ranking chart and one section chart per unit")
        var xml = text.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        xml = xml.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"/>")
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "HTML must be well-formed: \(String(describing: parser.parserError))")
    }
}
