import Foundation

/// What became of a ``LineBlock``: each line's outcome, and the results of the lines that were
/// right, rendered one after another into one buffer.
///
/// Filled by the one thread that scores the block and read by the writer only after that
/// thread has finished (``BackgroundWork/wait()`` orders the two), so it is never shared.
final class ScoredBlock: @unchecked Sendable {
    /// The lines as read (for quoting one in a diagnostic).
    let input: LineBlock
    var lines: [LineOutcome] = []
    var output: JSONBuffer

    init(input: LineBlock, outputCapacity: Int) {
        self.input = input
        output = JSONBuffer(capacity: outputCapacity)
        lines.reserveCapacity(input.ends.count)
    }

    /// The text of the line at `offset` in the block.
    func text(ofLine offset: Int) -> String {
        String(decoding: input.line(offset), as: UTF8.self)
    }
}

/// What became of one line.
struct LineOutcome: Sendable {
    var number: Int
    /// The line's text, kept when a diagnostic about it must quote it.
    var text: String?
    var diagnostics = Diagnostics()
    /// The unit scored, when the line was right.
    var unit: String?
    var ruleErrors: [String] = []

    init(number: Int) {
        self.number = number
    }
}
