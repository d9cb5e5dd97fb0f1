import Foundation

/// The results of several units and their ranking. Results are ordered by unit id, so the
/// output does not depend on the order the inputs were given in.
public struct Batch: Sendable {
    /// A place in the ranking: the rank, the unit's result, and whether it shares the rank.
    public struct Row: Sendable {
        public var rank: Int
        public var result: UnitResult
        /// True when another unit has the same rounded total (a tie is shown, not broken).
        public var tied: Bool
    }

    public let results: [UnitResult]
    /// The results in the order the inputs were given (JSON Lines keeps that order).
    public let inputOrder: [UnitResult]
    public let ranking: [Row]

    package init(results: [UnitResult]) {
        self.inputOrder = results
        self.results = results.sorted { $0.unit.id < $1.unit.id }
        let ordered = self.results.sorted {
            $0.roundedTotal != $1.roundedTotal ? $0.roundedTotal > $1.roundedTotal : $0.unit.id < $1.unit.id
        }
        var counts: [Rational: Int] = [:]
        for result in ordered { counts[result.roundedTotal, default: 0] += 1 }
        var rows: [Row] = []
        for (index, result) in ordered.enumerated() {
            let rank = index > 0 && ordered[index - 1].roundedTotal == result.roundedTotal ? rows[index - 1].rank : index + 1
            let tied = (counts[result.roundedTotal] ?? 0) > 1
            rows.append(Row(rank: rank, result: result, tied: tied))
        }
        ranking = rows
    }
}
