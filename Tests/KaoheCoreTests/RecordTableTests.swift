import Foundation
import KaoheCore
import PropertyBased
import Testing

/// The fast lane reads a list of records whose fields are whole numbers, bools, dates and
/// enumeration values into a table of cells; kernels read the cells in place and everything
/// else sees the list made from them. Scores, explanations and findings must be exactly those
/// of the careful path's records, optional fields left out or not, fields in any order, and
/// whether a macro's body is answered from the cells (tests joined by `&&`: A1–A4, A6, A7,
/// A9) or by its kernel row by row (A8).
@Suite("Record tables")
struct RecordTableTests {
    static let checklist = """
        kaohe: 1
        kind: checklist
        id: t.tables
        version: "1"
        title: 党费与会议
        facts:
          dues:
            type: list
            title: 党费交纳记录
            fields:
              month: {type: int, min: 1, max: 12}
              paid: {type: bool}
              on: {type: date, optional: true}
              kind: {type: enum, one_of: [regular, special, 补交], optional: true}
        grades: [{grade: 好, min: 80}, {grade: 差, min: 0}]
        sections:
          - id: S1
            title: 党费
            items:
              - {id: A1, title: 按月交纳, points: 4, score: {binary: "dues.all(d, d.paid)"}}
              - {id: A2, title: 特殊党费, points: 2, score: {binary: "dues.exists(d, d.kind == 'special')"}}
              - {id: A3, title: 上半年按时, points: 2, score: {binary: "size(dues.filter(d, d.on <= date('2026-06-30'))) >= 2"}}
              - {id: A4, title: 补交, points: 2, score: {binary: "dues.exists_one(d, d.kind != '补交' && d.month == 12)"}}
              - {id: A5, title: 记录数, points: 12, score: {thresholds: {value: "size(dues)", steps: [{min: 12, points: 12}, {min: 6, points: 6}]}}}
              - {id: A6, title: 近期已交, points: 2, score: {binary: "dues.exists(d, d.on >= as_of - 90d && d.paid == true)"}}
              - {id: A7, title: 下半年, points: 2, score: {binary: "size(dues.filter(d, 6 <= d.month && date('2026-03-01') < d.on)) >= 1"}}
              - {id: A8, title: 常规或已交, points: 2, score: {binary: "dues.all(d, d.kind == 'regular' || d.paid)"}}
              - {id: A9, title: 非补交且已交, points: 2, score: {binary: "size(dues.filter(d, d.paid && d.kind != '补交' && d.month >= 1)) >= 3"}}
        """

    static let plan: ChecklistPlan? = {
        let loaded = RulesLoader(registry: .empty).load(texts: [(path: "t.yaml", text: checklist)])
        return loaded.rules.plans["t.tables"]
    }()

    /// A self-assessment line with `records` as its `dues`.
    static func line(_ records: [String]) -> String {
        #"{"kaohe":1,"kind":"self-assessment","checklist":"t.tables","unit":{"id":"U1"},"as_of":"2026-12-01","facts":{"dues":["#
            + records.joined(separator: ",") + "]}}"
    }

    /// A record from generated choices: each optional field present or not, fields in declared
    /// order or reversed.
    static func record(month: Int, paid: Bool, day: Int?, kind: Int?, reversed: Bool) -> String {
        var fields = [#""month":\#(month)"#, #""paid":\#(paid)"#]
        if let day { fields.append(#""on":"2026-\#(String(format: "%02d", 1 + day % 12))-\#(String(format: "%02d", 1 + day % 28))""#) }
        if let kind { fields.append(#""kind":"\#(["regular", "special", "补交"][kind])""#) }
        return "{" + (reversed ? fields.reversed() : fields).joined(separator: ",") + "}"
    }

    /// The full JSON result of a line scored from the fast lane's decoding and from the careful path's.
    static func both(_ line: String) throws -> (fast: String, careful: String) {
        let plan = try #require(plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        let fast = try #require(evaluator.decodeFast(line, path: "t.jsonl", number: 1, asOf: nil), "the fast lane refused \(line)")
        let careful = try #require(FastDecoderTests.careful(evaluator, line))
        #expect(fast.0.facts == careful.0.facts)
        let scorer = Scorer(plan: plan)
        return (String(decoding: ResultJSON.lineBytes(scorer.evaluate(fast.0, asOf: fast.1)), as: UTF8.self),
                String(decoding: ResultJSON.lineBytes(scorer.evaluate(careful.0, asOf: careful.1)), as: UTF8.self))
    }

    @Test("generated lists: the table scores, explains and finds exactly as the careful path's records")
    func generated() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            var random = RandomExpression(state: UInt64(seed))
            let texts = (0..<random.next(15)).map { _ in
                let day = random.next(40), kind = random.next(4)
                return Self.record(month: 1 + random.next(12), paid: random.next(4) != 0, day: day < 30 ? day : nil,
                                   kind: kind < 3 ? kind : nil, reversed: random.next(3) == 0)
            }
            let line = Self.line(texts)
            let results = try? Self.both(line)
            #expect(results != nil)
            #expect(results?.fast == results?.careful, "\(line)")
        }
    }

    @Test("an optional field left out reads as missing, and an item that needs it is decided by the careful path")
    func optionalLeftOut() throws {
        let line = Self.line([#"{"month":1,"paid":true}"#, #"{"month":2,"paid":true,"on":"2026-02-10","kind":"special"}"#])
        let (fast, careful) = try Self.both(line)
        #expect(fast == careful)
        #expect(fast.contains(#""id": "A3", "title": "上半年按时", "section": "S1", "status": "missing""#))
        #expect(fast.contains("党费交纳记录：2 条"))
    }

    @Test("a record without a required field, or with a value outside its enumeration, goes to the careful path")
    func refused() throws {
        let plan = try #require(Self.plan)
        let evaluator = BatchEvaluator(scorer: Scorer(plan: plan))
        for record in [#"{"month":1}"#, #"{"month":1,"paid":true,"kind":"other"}"#, #"{"month":13,"paid":true}"#,
                       #"{"month":1,"paid":true,"on":null}"#, #"{"month":1,"paid":true,"month":2}"#] {
            #expect(evaluator.decodeFast(Self.line([record]), path: "t.jsonl", number: 1, asOf: nil) == nil, "\(record)")
        }
    }
}
