import Foundation
import KaoheCore
import PropertyBased
import Testing

/// The fast lane for JSON Lines must agree with the careful path on every line it accepts,
/// and hand every line it is unsure of to the careful path.
@Suite("Fast JSON Lines decoding")
struct FastDecoderTests {
    static let plan = ScoringPropertyTests.plan
    static let lines: [String] = {
        let url = Fixtures.repository.appendingPathComponent("Tests/KaoheCoreTests/Fixtures/bench/units_2000.jsonl")
        return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }()

    /// The careful path's reading of a line, or nil when it reports an error.
    static func careful(_ evaluator: BatchEvaluator, _ line: String) -> (SelfAssessment, Day)? {
        var parser = JSONNodeParser(text: line, path: "b.jsonl", firstLine: 7)
        guard let node = try? parser.parseDocument() else { return nil }
        var diagnostics = Diagnostics()
        let decoded = evaluator.decode([AssessmentReader.Document(node: node, source: "b.jsonl:7")], asOf: nil, diagnostics: &diagnostics)
        return diagnostics.hasErrors ? nil : decoded.first
    }

    static func same(_ a: (SelfAssessment, Day), _ b: (SelfAssessment, Day)) -> Bool {
        a.0.unit == b.0.unit && a.0.asOf == b.0.asOf && a.0.facts == b.0.facts && a.0.checklist == b.0.checklist
            && a.0.source == b.0.source && a.0.location == b.0.location && a.1 == b.1 && a.0.responses.isEmpty == b.0.responses.isEmpty
    }

    @Test("all 2,000 benchmark lines take the fast lane and decode as the careful path does")
    func benchLines() throws {
        let plan = try #require(Self.plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        #expect(Self.lines.count == 2000)
        for line in Self.lines {
            let fast = try #require(evaluator.decodeFast(line, path: "b.jsonl", number: 7, asOf: nil), "\(line.prefix(80))")
            let careful = try #require(Self.careful(evaluator, line))
            #expect(Self.same(fast, careful), "\(line.prefix(80))")
        }
    }

    @Test("lines the careful path refuses never pass the fast lane", arguments: [
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"members":-1}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"members":1.5}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"members":1,"members":2}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"unknown"},"facts":{}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1"},"facts":{}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"term_years":4}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"last_election":"2026-02-30"}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"meetings":[{"type":"party","date":"2026-01-01"}]}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"meetings":[{"date":"2026-01-01"}]}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"members":18446744073709551617}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"members":1e3}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U 1","category":"economic"},"facts":{}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"nope":1}}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{}} x"#,
    ])
    func refused(_ line: String) throws {
        let plan = try #require(Self.plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        #expect(Self.careful(evaluator, line) == nil, "the careful path should refuse this line")
        #expect(evaluator.decodeFast(line, path: "b.jsonl", number: 7, asOf: nil) == nil)
    }

    @Test("record fields and top-level keys in any order take the fast lane and decode as the careful path does", arguments: [
        #"{"facts":{"meetings":[{"date":"2026-01-01","type":"committee"},{"type":"lecture","date":"2026-02-01"}],"members":3},"unit":{"category":"economic","id":"U1"},"checklist":"bench.workload","kind":"self-assessment","kaohe":1}"#,
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic","name":"区财政局"},"facts":{"meetings":[{"date":"2026-03-01","type":"theme-day"}],"term_years":5}}"#,
    ])
    func anyOrder(_ line: String) throws {
        let plan = try #require(Self.plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let fast = try #require(evaluator.decodeFast(line, path: "b.jsonl", number: 7, asOf: nil))
        let careful = try #require(Self.careful(evaluator, line))
        #expect(Self.same(fast, careful))
    }

    /// A line of the benchmark's checklist whose `meetings` are `records`, joined as written.
    static func meetings(_ records: String) -> String {
        #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"meetings":["#
            + records + "]}}"
    }

    @Test("compact records, spaced ones and a mix read alike; days of one month in a row are still checked one by one",
          arguments: [
        #"{"type":"committee","date":"2026-02-28"},{"type":"committee","date":"2026-02-01"},{"type":"theme-day","date":"2026-03-01"}"#,
        #"{ "type" : "lecture" , "date" : "2026-03-01" },{"type":"group","date":"2026-03-31"}, {"type":"branch-assembly","date":"2026-04-30"}"#,
        #"{"type":"committee","date":"2024-02-29"},{"date":"2024-02-29","type":"committee"},{"type":"committee","date":"9999-12-31"}"#,
    ])
    func compactRecords(_ records: String) throws {
        let plan = try #require(Self.plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let line = Self.meetings(records)
        let fast = try #require(evaluator.decodeFast(line, path: "b.jsonl", number: 7, asOf: nil))
        let careful = try #require(Self.careful(evaluator, line))
        #expect(Self.same(fast, careful))
    }

    @Test("a compact record the careful path refuses is refused, even right after a good day of the same month", arguments: [
        #"{"type":"committee","date":"2026-02-28"},{"type":"committee","date":"2026-02-29"}"#,
        #"{"type":"committee","date":"2027-01-05"},{"type":"committee","date":"2026-17-05"}"#,
        #"{"type":"committee","date":"2026-04-30"},{"type":"committee","date":"2026-04-31"}"#,
        #"{"type":"committee","date":"2026-01-01"},{"type":"committee","date":"2026-01-00"}"#,
        #"{"type":"committee","date":"0000-01-01"}"#,
        #"{"type":"theme","date":"2026-01-01"}"#,
        #"{"type":"theme-days","date":"2026-01-01"}"#,
        #"{"type":"committee","date":"2026-01-01","place":"会议室"}"#,
        #"{"type":"committee","date":"2026-1-01"}"#,
        #"{"type":"committee"}"#,
    ])
    func compactRefused(_ records: String) throws {
        let plan = try #require(Self.plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let line = Self.meetings(records)
        #expect(Self.careful(evaluator, line) == nil, "the careful path should refuse this line")
        #expect(evaluator.decodeFast(line, path: "b.jsonl", number: 7, asOf: nil) == nil)
    }

    @Test("an enumeration value written with an escape goes to the careful path, which accepts it")
    func escapedChoice() throws {
        let plan = try #require(Self.plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let line = #"{"kaohe":1,"kind":"self-assessment","checklist":"bench.workload","unit":{"id":"U1","category":"economic"},"facts":{"meetings":[{"type":"commi\u0074tee","date":"2026-01-01"}]}}"#
        #expect(evaluator.decodeFast(line, path: "b.jsonl", number: 7, asOf: nil) == nil)
        let careful = try #require(Self.careful(evaluator, line))
        #expect(careful.0.facts.contains(.list([.record(names: ["type", "date"], values: [.string("committee"), .day("2026-01-01")])])))
    }

    @Test("a mangled line either takes the fast lane exactly as the careful path reads it, or goes to the careful path")
    func mangled() async throws {
        let plan = try #require(Self.plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let pieces = ["", "-", "0", "1.5", "null", "true", "\"", "\\u0041", ",", "}", "]", "e5", "\"2026-02-29\"", " ", "9999999999999999999"]
        await propertyCheck(count: 1000, input: Gen.int(in: 0..<2000), Gen.int(in: 0...4000), Gen.int(in: 0...3), Gen.int(in: 0..<15)) { lineIndex, at, cut, piece in
            var bytes = Array(Self.lines[lineIndex].utf8)
            let position = min(at, bytes.count)
            bytes.replaceSubrange(position..<min(position + cut, bytes.count), with: Array(pieces[piece].utf8))
            let line = String(decoding: bytes, as: UTF8.self)
            guard let fast = evaluator.decodeFast(line, path: "b.jsonl", number: 7, asOf: nil) else { return }
            let careful = Self.careful(evaluator, line)
            #expect(careful.map { Self.same(fast, $0) } == true, "\(line)")
        }
    }
}
