import Foundation
import KaoheCore

/// A random but valid checklist, from a seed: 1–3 sections whose items use every ordinary
/// scoring method, section penalties, capped bonuses and a veto. Facts `g0`, `g1` are "good"
/// (only ever raise a score), `d0` is "bad" (only ever lowers one), `n0` is a denominator.
struct GeneratedChecklist {
    var yaml: String
    var bonusCap: Int
    /// The veto's grade and whether it zeroes the score, when the checklist has one.
    var veto: (grade: String, zero: Bool)?

    static let goodFacts = ["g0", "g1"]

    /// Every generated checklist's start: its header, the facts, the grades, `sections:`.
    static let header = """
            kaohe: 1
            kind: checklist
            id: gen.base
            version: "1"
            title: 生成的清单
            facts:
              g0: {type: int, min: 0}
              g1: {type: int, min: 0}
              d0: {type: int, min: 0}
              n0: {type: int, min: 0}
              b0: {type: bool}
              b1: {type: bool}
              v0: {type: bool}
            grades:
              - {grade: 好, min: 90}
              - {grade: 较好, min: 80}
              - {grade: 一般, min: 60}
              - {grade: 差, min: 0}
            sections:

            """

    init(seed: Int) {
        var random = RandomExpression(state: UInt64(bitPattern: Int64(seed)))
        let sectionCount = random.next(3) + 1
        // Split 100 points over 2–9 items.
        let itemCount = max(sectionCount, random.next(8) + 2)
        var points = Array(repeating: 1, count: itemCount)
        for _ in 0..<(100 - itemCount) { points[random.next(itemCount)] += 1 }
        var sections: [[String]] = Array(repeating: [], count: sectionCount)
        for (index, p) in points.enumerated() {
            let good = Self.goodFacts[random.next(2)]
            let score: String
            switch random.next(6) {
            case 0: score = "{binary: \(random.next(2) == 0 ? "b0" : "\"\(good) >= \(random.next(10))\"")}"
            case 1:
                let high = random.next(20) + 5, low = random.next(high)
                let lowPoints = random.next(p + 1)
                score = "{thresholds: {value: \(good), steps: [{min: \(high), points: \(p)}, {min: \(low), points: \(min(lowPoints, p))}]}}"
            case 2: score = "{ratio: {of: \(good), over: n0, full_at: 0.\(random.next(9) + 1), when_zero: \(random.next(2) == 0 ? "full" : "zero")}}"
            case 3: score = "{deduct: {per: \(random.next(3) + 1), count: d0, cap: \(random.next(p) + 1)}}"
            case 4: score = "{expr: \"min(\(p), \(good) * 0.5)\"}"
            default: score = "{binary: \"b1 || \(good) > 3\"}"
            }
            let missing = random.next(4) == 0 ? ", missing: exclude" : ""
            sections[index % sectionCount].append("      - {id: I\(index), title: 项目\(index), points: \(p), score: \(score)\(missing)}")
        }
        var text = Self.header
        for (s, items) in sections.enumerated() {
            text += "  - id: S\(s)\n    title: 部分\(s)\n    items:\n" + items.joined(separator: "\n") + "\n"
            if random.next(2) == 0 {
                text += "    penalties:\n      - {id: P\(s), title: 扣分\(s), per: 1, count: d0, cap: \(random.next(5) + 1)}\n"
            }
        }
        bonusCap = random.next(5)
        text += "bonuses:\n  cap: \(bonusCap)\n  items:\n    - {id: X1, title: 加分, points: \(random.next(4) + 1), when: b1}\n"
        if random.next(3) > 0 {
            let zero = random.next(2) == 0
            veto = (grade: "差", zero: zero)
            text += "vetoes:\n  - {id: V1, title: 否决, when: v0, grade: 差\(zero ? ", score: 0" : "")}\n"
        }
        yaml = text
    }

    /// A random unit's facts as a self-assessment document for `gen.base` (some facts missing).
    static func unit(_ id: String, seed: Int, overrides: [String: String] = [:]) -> String {
        var random = RandomExpression(state: UInt64(bitPattern: Int64(seed)) &* 31 &+ 7)
        var facts: [String: String] = [:]
        for name in ["g0", "g1", "d0", "n0"] where random.next(8) > 0 { facts[name] = String(random.next(30)) }
        for name in ["b0", "b1"] where random.next(8) > 0 { facts[name] = random.next(2) == 0 ? "true" : "false" }
        facts["v0"] = random.next(5) == 0 ? "true" : "false"
        facts.merge(overrides) { _, new in new }
        return "kaohe: 1\nkind: self-assessment\nchecklist: gen.base\nunit: {id: \(id)}\nas_of: 2026-11-30\nfacts:\n"
            + facts.keys.sorted().map { "  \($0): \(facts[$0] ?? "")" }.joined(separator: "\n") + "\n"
    }
}
