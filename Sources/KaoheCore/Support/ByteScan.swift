import Foundation

/// Finding bytes in a large buffer at memory speed. Walking a `Data` byte by byte costs a
/// dynamic exclusivity check per byte (its storage is a class), which was a seventh of the
/// instructions of streaming a JSON Lines batch; `memchr` on the buffer's bytes has none.
package enum ByteScan {
    /// The index of the first line feed at or after `start`, or nil when there is none.
    package static func newline(in data: Data, from start: Data.Index) -> Data.Index? {
        data.withUnsafeBytes { raw -> Data.Index? in
            let offset = start - data.startIndex
            guard let base = raw.baseAddress, offset < raw.count,
                  let hit = memchr(base + offset, 0x0A, raw.count - offset) else { return nil }
            return data.startIndex + (UnsafeRawPointer(hit) - base)
        }
    }

    /// Whether every byte is below 0x80 (then the bytes are valid UTF-8 as they are), read
    /// thirty-two at a time.
    package static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0, seen: UInt64 = 0
        while index + 32 <= bytes.count {
            seen |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self) | base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                | base.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self) | base.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
            index += 32
        }
        while index + 8 <= bytes.count {
            seen |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            seen |= UInt64(bytes[index])
            index += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    /// Whether any of eight bytes may be below 0x20, `"` or `\` (never false when one is).
    @inline(__always)
    package static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let below = (word &- ones &* 0x20) & ~word
        let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        return (below | zeros) & highs != 0
    }
}
