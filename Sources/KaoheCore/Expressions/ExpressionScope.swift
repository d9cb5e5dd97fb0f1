/// The names an expression may use: the checklist's facts (each with its slot in a unit's
/// fact array), whether the checklist has a `period`, and the functions packs add.
public struct ExpressionScope: Sendable {
    public struct Fact: Sendable {
        public var slot: Int
        public var type: ExprType
        public var title: String?

        public init(slot: Int, type: ExprType, title: String? = nil) {
            self.slot = slot
            self.type = type
            self.title = title
        }
    }

    public var facts: [String: Fact]
    public var hasPeriod: Bool
    public var functions: [String: ExpressionFunction]

    public init(facts: [String: Fact] = [:], hasPeriod: Bool = false, functions: [String: ExpressionFunction] = [:]) {
        self.facts = facts
        self.hasPeriod = hasPeriod
        self.functions = functions
    }

    /// Names a rule author may have meant, for suggestions.
    var allNames: [String] {
        Array(facts.keys) + ["as_of"] + (hasPeriod ? ["period"] : [])
    }
}
