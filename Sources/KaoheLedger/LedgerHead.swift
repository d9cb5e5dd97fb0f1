import KaoheCore

/// The newest history entry's hash and the number of entries: what a 月通报 prints and a
/// verifier keeps, so that a history cut short or rewritten from the start is found out
/// (`kaohe ledger verify --head`). A hash chain alone proves only that its entries link up.
public struct LedgerHead: Sendable, Equatable, CustomStringConvertible {
    /// The newest entry's hash, 64 hex digits (the genesis hash for an empty history).
    public var hash: String
    /// How many entries the history holds.
    public var entries: Int

    package init(hash: String, entries: Int) {
        self.hash = hash
        self.entries = entries
    }

    /// The head of `history` (oldest first).
    public init(of history: [HistoryEntry]) {
        self.init(hash: history.last?.hash ?? HistoryEntry.genesis, entries: history.count)
    }

    /// `sha256:<hex> <count>`, as printed and as `verify --head` takes it.
    public var description: String { "sha256:\(hash) \(entries)" }

    /// Reads a published head hash: `sha256:<hex>` or the bare hex digits, any case; nil otherwise.
    public static func hash(from text: String) -> String? {
        var digits = text.trimmingPrefix("sha256:").lowercased()
        if let space = digits.firstIndex(of: " ") { digits = String(digits[..<space]) }
        guard digits.count == 64, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        return digits
    }
}
