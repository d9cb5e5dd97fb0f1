import KaoheCore

/// The hash chain of the web service's history: each entry's hash covers its content and the
/// hash before it.
package enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    static func hash(_ entry: AuditEntry, after previous: String) -> String {
        SHA256.hex(Array((previous + "\n" + entry.canonical).utf8))
    }

    /// Every entry whose hash does not follow from the one before, or whose number is out of order.
    package static func problems(_ entries: [AuditEntry]) -> [String] {
        var previous = genesis
        var problems: [String] = []
        for (index, entry) in entries.enumerated() {
            if entry.sequence != Int64(index + 1) { problems.append("history entry #\(entry.sequence) is out of place (expected #\(index + 1))") }
            if hash(entry, after: previous) != entry.hash { problems.append("history entry #\(entry.sequence) was altered") }
            previous = entry.hash
        }
        return problems
    }
}
