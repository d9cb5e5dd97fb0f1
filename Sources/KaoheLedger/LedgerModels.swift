import Foundation
import KaoheCore

/// A rectification item (整改事项): one finding of one unit, followed until it is closed.
public struct LedgerItem: Sendable, Equatable {
    public var id: Int64
    public var findingID: String
    public var unit: String
    public var unitName: String
    public var checklist: String
    public var item: String
    public var problem: String
    public var action: String?
    public var owner: String?
    public var severity: String
    public var due: Day?
    public var status: LedgerStatus
    public var openedOn: Day
    /// The as-of date of the latest evaluation that still had this finding.
    public var lastSeen: Day

    /// Overdue on `day`: not rectified yet and past its due date.
    public func isOverdue(on day: Day) -> Bool {
        status.isOutstanding && (due.map { $0 < day } ?? false)
    }
}

/// One entry of the append-only history. Each carries the hash of the one before, so
/// `kaohe ledger verify` finds any entry altered, removed or moved.
public struct HistoryEntry: Sendable, Equatable {
    /// What an entry records: an item opened by an import, a status change, a finding gone at a later import (回头看, rectified), or back after closing (reopened).
    public enum Action: String, Sendable {
        case opened, updated, rectified, reopened
    }

    public var sequence: Int64
    public var itemID: Int64
    public var findingID: String
    public var on: Day
    public var actor: String
    public var action: Action
    public var from: LedgerStatus?
    public var to: LedgerStatus
    public var note: String?
    public var evidence: String?
    public var previousHash: String
    public var hash: String

    /// The text the hash covers: every field, and the previous entry's hash.
    var canonical: String {
        [String(sequence), String(itemID), findingID, on.description, actor, action.rawValue, from?.rawValue ?? "",
         to.rawValue, note ?? "", evidence ?? "", previousHash].map { $0.replacingOccurrences(of: "|", with: "\\|") }
            .joined(separator: "|")
    }

    static func hash(of canonical: String) -> String { SHA256.hex(Array(canonical.utf8)) }

    static let genesis = String(repeating: "0", count: 64)
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var opened = 0
    public var reopened = 0
    public var rectified = 0
    public var unchanged = 0

    package init() {}
}

/// Which items `kaohe ledger list` shows.
public struct LedgerFilter: Sendable {
    public var unit: String?
    public var status: LedgerStatus?
    public var overdueOn: Day?

    /// Items of `unit`, in `status`, overdue on a day; nil selects all.
    public init(unit: String? = nil, status: LedgerStatus? = nil, overdueOn: Day? = nil) {
        self.unit = unit
        self.status = status
        self.overdueOn = overdueOn
    }
}

/// The outcome of `kaohe ledger verify`.
public struct VerifyReport: Sendable, Equatable {
    public var entries: Int
    public var problems: [String]
    /// The entry number at which a published head was found (`verify --head`).
    public var publishedAt: Int64?
    /// How many entries were added after the published head.
    public var addedSincePublished = 0
    public var isIntact: Bool { problems.isEmpty }

    package init(entries: Int, problems: [String]) {
        self.entries = entries
        self.problems = problems
    }

    /// Adds a problem unless the published `head` is an entry of `entries` (oldest first).
    /// The chain up to it is unchanged when the chain check found nothing wrong: every entry's
    /// hash covers the one before, so the published hash pins every entry up to it.
    mutating func checkPublished(head: String, against entries: [HistoryEntry]) {
        guard let hash = LedgerHead.hash(from: head) else {
            problems.append("'\(head)' is not a head hash; give it as printed by `kaohe ledger head` or at the foot of a 月通报 (sha256: and 64 hex digits)")
            return
        }
        guard let index = entries.lastIndex(where: { $0.hash == hash }) else {
            let now = LedgerHead(of: entries)
            problems.append("the published head sha256:\(hash) is no longer in the history (it now ends at \(now)): "
                + "entries recorded up to that head were removed or rewritten since it was published")
            return
        }
        publishedAt = entries[index].sequence
        addedSincePublished = entries.count - 1 - index
    }
}

/// A ledger problem for a person: what is wrong and, where possible, what to do.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    package init(_ message: String) { self.message = message }
    public var description: String { message }
}
