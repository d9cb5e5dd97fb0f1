/// The life of a rectification item (整改事项): open → rectifying → rectified → closed (销号),
/// and reopened when a problem comes back.
public enum LedgerStatus: String, Sendable, CaseIterable, Codable {
    case open, rectifying, rectified, closed, reopened

    /// Moves a person may make with `kaohe ledger update`.
    public var allowedMoves: [LedgerStatus] {
        switch self {
        case .open: return [.rectifying, .rectified]
        case .rectifying: return [.rectified]
        case .rectified: return [.closed, .rectifying]
        case .closed: return [.reopened]
        case .reopened: return [.rectifying, .rectified]
        }
    }

    /// Still a problem: counted as not rectified.
    public var isOutstanding: Bool { self == .open || self == .rectifying || self == .reopened }

    /// The status in Chinese: 待整改、整改中、已整改、已销号、重新打开.
    public var label: String {
        switch self {
        case .open: return "待整改"
        case .rectifying: return "整改中"
        case .rectified: return "已整改待销号"
        case .closed: return "已销号"
        case .reopened: return "重新打开"
        }
    }
}
