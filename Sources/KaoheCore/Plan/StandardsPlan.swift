/// Standards with their `require` expressions compiled against the project fields.
public struct StandardsPlan: Sendable {
    public let document: StandardsDocument
    package let scope: ExpressionScope
    public let requirements: [CompiledExpression]
    /// The project check of each standard that names one, by the standard's index.
    public let checks: [Int: any ProjectCheck.Type]
}
