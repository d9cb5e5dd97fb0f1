import Foundation
import KaoheCore
import PropertyBased
import Testing

/// The stream cuts a file into blocks of whole lines read in pieces; whatever the piece and
/// block sizes, the blocks must give back every line, in order, numbered from 1.
@Suite("Line blocks")
struct LineBlockTests {
    /// The lines of `content` as the stream must see them: split at line feeds, the empty
    /// remainder after a final line feed not a line.
    static func expectedLines(_ content: [UInt8]) -> [[UInt8]] {
        var lines = content.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if content.last == 0x0A || content.isEmpty { lines.removeLast() }
        return lines
    }

    /// Every line the reader gives, with its number, reading `content` in pieces of `pieceSize`.
    static func read(_ content: [UInt8], pieceSize: Int, linesPerBlock: Int) throws -> [(Int, [UInt8])] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-lineblock-\(UUID().uuidString).jsonl")
        try Data(content).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var reader = LineBlockReader(handle: handle, linesPerBlock: linesPerBlock)
        reader.pieceSize = pieceSize
        var lines: [(Int, [UInt8])] = []
        while let blocks = reader.next() {
            for block in blocks {
                #expect(block.ends.count <= linesPerBlock)
                for offset in block.ends.indices { lines.append((block.firstLine + offset, Array(block.line(offset)))) }
            }
        }
        return lines
    }

    @Test("any file, any piece and block size: every line back in order, numbered from 1")
    func property() async {
        let line = Gen.int(in: 0...40).array(of: 0...12)
        await propertyCheck(count: 300, input: line, Gen.bool, Gen.int(in: 1...50), Gen.int(in: 1...5)) { lengths, finalFeed, piece, perBlock in
            var content: [UInt8] = []
            for (index, length) in lengths.enumerated() {
                if index > 0 { content.append(0x0A) }
                content += (0..<length).map { UInt8(ascii: "a") + UInt8(($0 + index) % 26) }
            }
            if finalFeed, !lengths.isEmpty { content.append(0x0A) }
            let lines = try? Self.read(content, pieceSize: piece, linesPerBlock: perBlock)
            let expected = Self.expectedLines(content)
            #expect(lines?.map(\.1) == expected)
            #expect(lines?.map(\.0) == Array(1...max(1, expected.count)).prefix(expected.count).map { $0 })
        }
    }

    @Test("a line much longer than a piece grows in place and comes back whole")
    func longLine() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 100_000)
        let content = Array("{}\n".utf8) + long + [0x0A] + Array("{}".utf8)
        let lines = try Self.read(content, pieceSize: 1000, linesPerBlock: 256)
        #expect(lines.map(\.0) == [1, 2, 3])
        #expect(lines.map(\.1) == [Array("{}".utf8), long, Array("{}".utf8)])
    }
}
