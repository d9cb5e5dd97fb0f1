/// The names an expression may use: the checklist's facts (each with its slot in a unit's
/// fact array), whether the checklist has a `period`, and the functions packs add.
package struct ExpressionScope: Sendable {
    package struct Fact: Sendable {
        package var slot: Int
        package var type: ExprType
        package var title: String?
        /// For a list of records, each field's allowed values when it is an enumeration.
        package var fieldChoices: [[String]?] = []

        package init(slot: Int, type: ExprType, title: String? = nil) {
            self.slot = slot
            self.type = type
            self.title = title
        }
    }

    package var facts: [String: Fact]
    package var hasPeriod: Bool
    package var functions: [String: ExpressionFunction]

    package init(facts: [String: Fact] = [:], hasPeriod: Bool = false, functions: [String: ExpressionFunction] = [:]) {
        self.facts = facts
        self.hasPeriod = hasPeriod
        self.functions = functions
    }

    /// Names a rule author may have meant, for suggestions.
    var allNames: [String] {
        Array(facts.keys) + ["as_of"] + (hasPeriod ? ["period"] : [])
    }
}
