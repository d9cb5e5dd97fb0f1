import Foundation
import KaoheCore

/// Bytes as one expression over a fixed set of typed facts: it must compile or be refused with
/// a located error; a compiled expression evaluates (or faults) and prints to text that parses
/// back to the same print.
enum ExpressionTarget {
    static let meeting = ExprType.record(RecordType(names: ["type", "date"], types: [.string, .date]))

    static let facts: [(name: String, type: ExprType, value: Value)] = [
        ("members", .number, .number(45)),
        ("ratio", .number, .number(Rational(parsing: "0.125") ?? 0)),
        ("has_rules", .bool, .bool(true)),
        ("name", .string, .string("区民政局机关党委")),
        ("last_election", .date, .day("2023-02-28")),
        ("absent", .number, .missing(["absent"])),
        ("scores", .list(.number), .list([.number(3), .number(Rational(parsing: "1.5") ?? 0), .number(4)])),
        ("meetings", .list(meeting), .list([
            .record(names: ["type", "date"], values: [.string("committee"), .day("2026-01-15")]),
            .record(names: ["type", "date"], values: [.string("lecture"), .day("2026-02-29")]),
        ])),
    ]

    static let scope: ExpressionScope = {
        var entries: [String: ExpressionScope.Fact] = [:]
        for (slot, fact) in facts.enumerated() { entries[fact.name] = .init(slot: slot, type: fact.type, title: fact.name) }
        return ExpressionScope(facts: entries, hasPeriod: true)
    }()

    static func run(_ data: Data) -> [String] {
        guard data.count <= 4096, let text = String(data: data, encoding: .utf8) else { return [] }
        var problems: [String] = []
        let source = ExpressionSource.commandLine(text)
        switch ExpressionCompiler(scope: scope).compile(source) {
        case .failure(let errors):
            if errors.all.isEmpty { problems.append("refused without a diagnostic: \(text)") }
            for error in errors.all where error.location.line < 1 || error.location.column < 1 {
                problems.append("error at an impossible position \(error.location)")
            }
        case .success(let compiled):
            let asOf = Day("2026-11-29") ?? Day(ordinal: 0)
            var frame = Frame(facts: facts.map(\.value), asOf: asOf, period: (Day("2026-01-01") ?? asOf, asOf))
            let value = try? Evaluator.evaluate(compiled, &frame)
            if let fast = compiled.kernelValue(frame), fast != (try? Evaluator.carefully(compiled, &frame)) {
                problems.append("the kernel gives \(fast.literal), the careful evaluator does not: \(text)")
            }
            if let expr = try? ExpressionParser().parse(text) {
                let printed = ExpressionPrinter.print(expr)
                if let again = try? ExpressionParser().parse(printed) {
                    if ExpressionPrinter.print(again) != printed { problems.append("print is not stable: \(text) → \(printed)") }
                    if case .success(let recompiled) = ExpressionCompiler(scope: scope).compile(.commandLine(printed)) {
                        var frame2 = Frame(facts: facts.map(\.value), asOf: asOf, period: (Day("2026-01-01") ?? asOf, asOf))
                        let value2 = try? Evaluator.evaluate(recompiled, &frame2)
                        if value != value2 { problems.append("printing changed the value: \(text) → \(printed)") }
                    } else {
                        problems.append("the printed form does not compile: \(text) → \(printed)")
                    }
                } else {
                    problems.append("the printed form does not parse: \(text) → \(printed)")
                }
            }
        }
        return problems
    }
}
