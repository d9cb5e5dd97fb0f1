import KaoheCore

/// Decides what importing evaluation results changes in the ledger, independent of storage:
///
/// * a finding not yet in the ledger opens an item;
/// * a finding whose item was rectified or closed comes back: the item is reopened;
/// * an outstanding item of an evaluated unit whose finding is gone from a later evaluation is
///   rectified (awaiting 销号) — the 回头看 match;
/// * anything else changes nothing, so importing the same result twice changes nothing.
package enum ImportPlanner {
    package enum Change: Sendable, Equatable {
        case open(ResultSummary.FindingRecord, unit: String, unitName: String, checklist: String, on: Day)
        case reopen(itemID: Int64, from: LedgerStatus, on: Day)
        case rectify(itemID: Int64, from: LedgerStatus, on: Day)
        case seen(itemID: Int64, on: Day)
    }

    /// `current`: the ledger's items of the units in `results`, by finding id.
    package static func changes(current: [String: LedgerItem], results: [ResultSummary]) -> [Change] {
        var changes: [Change] = []
        var state = current
        // Finding ids by unit, so each result looks only at its own unit's items.
        var byUnit: [String: Set<String>] = [:]
        for (id, item) in current { byUnit[item.unit, default: []].insert(id) }
        for result in results.sorted(by: { ($0.asOf, $0.unit) < ($1.asOf, $1.unit) }) {
            let recorded = result.findings.filter { ResultSummary.recorded.contains($0.severity) }
            let present = Set(recorded.map(\.id))
            for finding in recorded {
                guard let item = state[finding.id] else {
                    changes.append(.open(finding, unit: result.unit, unitName: result.unitName, checklist: result.checklist, on: result.asOf))
                    byUnit[result.unit, default: []].insert(finding.id)
                    state[finding.id] = LedgerItem(id: -1, findingID: finding.id, unit: result.unit, unitName: result.unitName,
                                                   checklist: result.checklist, item: finding.item, problem: finding.message,
                                                   severity: finding.severity, status: .open, openedOn: result.asOf, lastSeen: result.asOf)
                    continue
                }
                if (item.status == .rectified || item.status == .closed) && result.asOf > item.lastSeen {
                    changes.append(.reopen(itemID: item.id, from: item.status, on: result.asOf))
                    state[finding.id]?.status = .reopened
                } else if result.asOf > item.lastSeen {
                    changes.append(.seen(itemID: item.id, on: result.asOf))
                }
                state[finding.id]?.lastSeen = max(item.lastSeen, result.asOf)
            }
            for id in (byUnit[result.unit] ?? []).sorted() {
                guard let item = state[id], item.checklist == result.checklist, !present.contains(id),
                      item.status.isOutstanding, result.asOf > item.lastSeen, item.id >= 0 else { continue }
                changes.append(.rectify(itemID: item.id, from: item.status, on: result.asOf))
                state[id]?.status = .rectified
            }
        }
        return changes
    }
}
