/// One item (or penalty, bonus, veto) of one unit's result, explained.
public struct ItemExplanation: Sendable {
    public var unit: Unit
    /// The id asked about.
    public var id: String
    /// The item's result, with its explanation lines; nil for a penalty, bonus or veto.
    public var item: ItemResult?
    /// The findings raised under `id`.
    public var findings: [Finding]
}
