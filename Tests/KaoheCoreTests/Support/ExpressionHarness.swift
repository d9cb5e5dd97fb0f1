import Foundation
import KaoheCore

/// Compiles and evaluates expressions in tests against a small set of typed facts.
struct ExpressionHarness {
    var facts: [(name: String, type: ExprType, value: Value)] = []
    var asOf = Day("2026-11-30") ?? Day(ordinal: 0)
    var period: (from: Day, to: Day)? = (Day("2026-01-01") ?? Day(ordinal: 0), Day("2026-12-31") ?? Day(ordinal: 0))

    static let meetingType = ExprType.record(RecordType(names: ["kind", "date"], types: [.string, .date]))

    static func meeting(_ kind: String, _ date: String) -> Value {
        .record(names: ["kind", "date"], values: [.string(kind), .day(date)])
    }

    /// A harness with the facts most tests use.
    static var standard: ExpressionHarness {
        var h = ExpressionHarness()
        h.facts = [
            ("members", .number, .number(45)),
            ("study_sessions", .number, .number(10)),
            ("has_rules", .bool, .bool(true)),
            ("falsified", .bool, .bool(false)),
            ("name", .string, .string("区民政局机关党委")),
            ("last_election", .date, .day("2023-05-10")),
            ("term_years", .number, .number(5)),
            ("absent", .number, .missing(["absent"])),
            ("absent_flag", .bool, .missing(["absent_flag"])),
            ("zero", .number, .number(0)),
            ("scores", .list(.number), .list([.number(3), .number(Rational(3, 2)), .number(4)])),
            ("meetings", .list(meetingType), .list([
                meeting("支委会", "2026-01-15"), meeting("支委会", "2026-02-12"), meeting("党课", "2026-03-01"),
            ])),
        ]
        return h
    }

    var scope: ExpressionScope {
        var entries: [String: ExpressionScope.Fact] = [:]
        for (slot, fact) in facts.enumerated() { entries[fact.name] = .init(slot: slot, type: fact.type, title: fact.name) }
        return ExpressionScope(facts: entries, hasPeriod: period != nil)
    }

    func compile(_ text: String) -> Result<CompiledExpression, ExpressionDiagnostics> {
        ExpressionCompiler(scope: scope).compile(.commandLine(text))
    }

    /// The value, or a description of why there is none ("compile error: …", "fault: …").
    func evaluate(_ text: String) -> Result<Value, HarnessError> {
        switch compile(text) {
        case .failure(let errors):
            return .failure(.compile(errors.all.map(\.message)))
        case .success(let compiled):
            var frame = Frame(facts: facts.map(\.value), asOf: asOf, period: period)
            do {
                return .success(try Evaluator.evaluate(compiled, &frame))
            } catch {
                return .failure(.fault(error.message))
            }
        }
    }

    /// The value as an expression literal, or `error: …`.
    func literal(_ text: String) -> String {
        switch evaluate(text) {
        case .success(let value): return value.literal
        case .failure(.compile(let messages)): return "compile error: " + messages.joined(separator: "; ")
        case .failure(.fault(let message)): return "fault: " + message
        }
    }

    enum HarnessError: Error, Equatable {
        case compile([String])
        case fault(String)
    }
}

/// The folder of this test target's fixtures, in the source tree (so goldens can be re-recorded).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
