/// The units of one batch, each admitted once: the one place a unit assessed twice is refused,
/// whether the batch is read whole or streamed.
///
/// A streamed batch of a million units keeps a million ids here, so each first place is kept in
/// sixteen bytes (the file as an index into the few file names seen, line, column, length) rather than
/// as a `SourceLocation` with its own file name: about 50 MB at a million units instead of 150.
struct UnitRoster: Sendable {
    private struct Place: Sendable {
        var file: UInt32
        var line: UInt32
        var column: UInt32
        var length: UInt32
    }

    private var first: [String: Place] = [:]
    private var files: [String] = []

    /// Admits `unit` assessed at `location`; a second assessment of it is an error pointing at
    /// both places.
    mutating func admit(_ unit: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> Bool {
        if let earlier = first[unit] {
            let place = SourceLocation(file: files[Int(earlier.file)], line: Int(earlier.line), column: Int(earlier.column),
                                       length: Int(earlier.length))
            diagnostics.error(location, "unit '\(unit)' is assessed twice in this batch",
                              notes: [.init(location: place, message: "first assessed here")])
            return false
        }
        if files.last != location.file { files.append(location.file) }
        first[unit] = Place(file: UInt32(clamping: files.count - 1), line: UInt32(clamping: location.line),
                            column: UInt32(clamping: location.column), length: UInt32(clamping: location.length))
        return true
    }
}
