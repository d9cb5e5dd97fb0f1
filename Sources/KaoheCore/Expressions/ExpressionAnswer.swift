/// An expression's value with the type it was checked to have.
public struct ExpressionAnswer: Sendable {
    public var value: Value
    public var type: ExprType

    /// An answer.
    public init(value: Value, type: ExprType) {
        self.value = value
        self.type = type
    }

    /// `{"value": …, "type": …, "literal": …}`, with the facts it missed when it is missing.
    public var json: String {
        var fields = ["\"value\": \(value.json)", "\"type\": \(JSONText.quote(type.description))",
                      "\"literal\": \(JSONText.quote(value.literal))"]
        if case .missing(let names) = value {
            fields.append("\"missing\": [" + names.map(JSONText.quote).joined(separator: ", ") + "]")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
