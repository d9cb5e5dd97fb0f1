import Foundation

/// A run of whole lines of a JSON Lines file that one thread scores start to finish: a slice of
/// the buffer they were read into (not a copy), the number of the first line, and where each
/// line ends.
package struct LineBlock: Sendable {
    /// The lines' bytes, line feeds included.
    package let bytes: Data
    /// The 1-based number of the first line in the file.
    package let firstLine: Int
    /// For each line, the index in `bytes` just past its last byte (its line feed not included).
    package let ends: [Data.Index]

    /// The bytes of the line at `offset` (0 for the first), without its line feed.
    package func line(_ offset: Int) -> Data {
        bytes[start(of: offset)..<ends[offset]]
    }

    /// Where the line at `offset` starts in `bytes`.
    func start(of offset: Int) -> Data.Index {
        offset == 0 ? bytes.startIndex : ends[offset - 1] + 1
    }
}

/// Reads a file in large pieces and cuts each into blocks of at most `linesPerBlock` whole
/// lines. The unfinished line at the end of a piece waits for the next; a line longer than a
/// piece grows in place instead of being copied once per piece.
package struct LineBlockReader {
    let handle: FileHandle
    let linesPerBlock: Int
    /// Bytes asked of the file at once.
    package var pieceSize = 1 << 20
    private var tail = Data()
    private var nextLine = 1
    private var finished = false

    package init(handle: FileHandle, linesPerBlock: Int) {
        self.handle = handle
        self.linesPerBlock = max(1, linesPerBlock)
    }

    /// The blocks of the next piece of the file (possibly none while a long line is read), or
    /// nil at the end of the file.
    package mutating func next() -> [LineBlock]? {
        guard !finished else { return nil }
        let data = (try? handle.read(upToCount: pieceSize)) ?? Data()
        if data.isEmpty {
            finished = true
            guard !tail.isEmpty else { return nil }
            let last = LineBlock(bytes: tail, firstLine: nextLine, ends: [tail.endIndex])
            nextLine += 1
            tail = Data()
            return [last]
        }
        var buffer = tail
        tail = Data()
        buffer.append(data)
        var blocks: [LineBlock] = []
        var blockStart = buffer.startIndex, cursor = buffer.startIndex
        var ends: [Data.Index] = []
        ends.reserveCapacity(linesPerBlock)
        while let newline = ByteScan.newline(in: buffer, from: cursor) {
            ends.append(newline)
            cursor = newline + 1
            if ends.count == linesPerBlock {
                blocks.append(LineBlock(bytes: buffer[blockStart..<cursor], firstLine: nextLine, ends: ends))
                nextLine += ends.count
                ends.removeAll(keepingCapacity: true)
                blockStart = cursor
            }
        }
        if !ends.isEmpty {
            blocks.append(LineBlock(bytes: buffer[blockStart..<cursor], firstLine: nextLine, ends: ends))
            nextLine += ends.count
        }
        // Keep the unfinished line: the whole buffer when it holds no line feed at all (so that
        // a very long line grows by appending), else a copy of its part.
        tail = cursor == buffer.startIndex ? buffer : Data(buffer[cursor...])
        return blocks
    }
}
