/// The units of one batch, each admitted once: the one place a unit assessed twice is refused,
/// whether the batch is read whole or streamed.
struct UnitRoster: Sendable {
    private var first: [String: SourceLocation] = [:]

    /// Admits `unit` assessed at `location`; a second assessment of it is an error pointing at
    /// both places.
    mutating func admit(_ unit: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> Bool {
        if let earlier = first[unit] {
            diagnostics.error(location, "unit '\(unit)' is assessed twice in this batch",
                              notes: [.init(location: earlier, message: "first assessed here")])
            return false
        }
        first[unit] = location
        return true
    }
}
