/// The units of one batch, each admitted once: the one place a unit assessed twice is refused,
/// whether the batch is read whole or streamed.
///
/// A streamed batch of a million units keeps a million ids here, so the roster is laid out flat:
/// every id's UTF-8 bytes end to end in one array, where each ends and the line it was first seen
/// on in two more, and an open-addressing table of entry numbers (at most half full) to find them.
/// About 30 bytes a unit (30 MB at a million) instead of a dictionary of strings and places that
/// peaked near 100 MB while it doubled. A place that is not simply the start of a line of the
/// current file (a YAML document's column, a second file) is kept aside, exactly.
struct UnitRoster: Sendable {
    /// Every admitted id's bytes, end to end.
    private var bytes: [UInt8] = []
    /// Where each entry's id ends in `bytes`.
    private var ends: [Int] = []
    /// Each entry's line, when its place is the start of that line in the file of its run.
    private var lines: [UInt32] = []
    /// Runs of entries from one file: the first entry of each and its file.
    private var files: [(first: Int, file: String)] = []
    /// Places `lines` cannot hold (another column or length, a line past 2³²−1), by entry.
    private var exact: [Int: SourceLocation] = [:]
    /// Entry number + 1 in each slot (0: empty); the count is a power of two.
    private var slots: [UInt32] = Array(repeating: 0, count: 16)

    /// Admits `unit` assessed at `location`; a second assessment of it is an error pointing at
    /// both places.
    mutating func admit(_ unit: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> Bool {
        var id = unit
        let found: (slot: Int, entry: Int?) = id.withUTF8 { find($0) }
        if let entry = found.entry {
            diagnostics.error(location, "unit '\(unit)' is assessed twice in this batch",
                              notes: [.init(location: place(of: entry), message: "first assessed here")])
            return false
        }
        guard ends.count < Int(UInt32.max) - 1 else {
            // Past four billion units the table cannot number another; refuse rather than forget.
            diagnostics.error(location, "more units than one batch can hold", help: "split the batch into several files")
            return false
        }
        let entry = ends.count
        id.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
        if files.last?.file != location.file { files.append((first: entry, file: location.file)) }
        if location.column == 1, location.length == 1, let line = UInt32(exactly: location.line) {
            lines.append(line)
        } else {
            lines.append(0)
            exact[entry] = location
        }
        slots[found.slot] = UInt32(entry + 1)
        if ends.count * 2 > slots.count { grow() }
        return true
    }

    /// The slot holding `id`'s entry, or the empty slot where it would go.
    private func find(_ id: UnsafeBufferPointer<UInt8>) -> (slot: Int, entry: Int?) {
        let mask = slots.count - 1
        var slot = Self.hash(id) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if matches(entry, id) { return (slot, entry) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private func matches(_ entry: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = entry == 0 ? 0 : ends[entry - 1]
        guard ends[entry] - start == id.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            id.indices.allSatisfy { stored[start + $0] == id[$0] }
        }
    }

    /// Doubles the table and puts every entry back.
    private mutating func grow() {
        var table = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = table.count - 1
        bytes.withUnsafeBufferPointer { stored in
            var start = 0
            for (entry, end) in ends.enumerated() {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: stored[start..<end])) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = UInt32(entry + 1)
                start = end
            }
        }
        slots = table
    }

    private func place(of entry: Int) -> SourceLocation {
        if let location = exact[entry] { return location }
        let run = files.last { $0.first <= entry } ?? files[0]
        return SourceLocation(file: run.file, line: Int(lines[entry]), column: 1)
    }

    private static func hash(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(id))
        return hasher.finalize()
    }
}
