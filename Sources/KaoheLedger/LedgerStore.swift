import KaoheCore

/// Where the ledger lives. Narrow on purpose: the commands use only this, so a PostgreSQL store
/// can be added next to the SQLite one without touching them. Every method is one transaction.
package protocol LedgerStore: Sendable {
    /// Records the findings of evaluation results (回头看 matching included); see `ImportPlanner`.
    func importResults(_ results: [ResultSummary], by actor: String) throws -> ImportSummary
    /// Moves an item to `status`, if the status machine allows it.
    func update(_ id: Int64, to status: LedgerStatus, by actor: String, on day: Day, note: String?, evidence: String?) throws -> LedgerItem
    func items(_ filter: LedgerFilter) throws -> [LedgerItem]
    func item(_ id: Int64) throws -> (LedgerItem, [HistoryEntry])
    /// The whole history, oldest first.
    func history() throws -> [HistoryEntry]
    /// The newest history entry's hash and the entry count, to publish (月通报, `ledger head`).
    func head() throws -> LedgerHead
    /// Checks the hash chain and that every item's status is the one its history ends with; with
    /// a published `head`, also that this entry is still in the chain, everything up to it unchanged.
    func verify(head: String?) throws -> VerifyReport
}

extension LedgerStore {
    /// Checks the hash chain alone (see `verify(head:)`).
    package func verify() throws -> VerifyReport { try verify(head: nil) }
}
