/// A finding in one of the two forms an item without a `finding` template generates. The JSON
/// writer copies such a finding's item, message and deduction from bytes the item's plan made
/// once (``ItemPlan/findingJSON``) instead of escaping the message for every unit.
package enum FindingShape: Sendable {
    /// `支部数量：得 0 分（满分 3 分）`, deducting all the item's points.
    case zero(ItemPlan)
    /// `整改数量：得 2 分（满分 4 分）`, the item having earned `awarded` (more than 0, less
    /// than its points).
    case partial(ItemPlan, awarded: Rational)
}
