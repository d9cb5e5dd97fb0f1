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
}
