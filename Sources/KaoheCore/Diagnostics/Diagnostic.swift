/// One problem found in a user's file: where, how bad, what was expected, and a likely fix.
public struct Diagnostic: Sendable, Hashable, Comparable {
    /// An error (the file is refused) or a warning (it is used, but look).
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A suggested fix, shown as `help: …`.
    public var help: String?
    /// Further places that belong to the same problem (the first definition of a duplicate, say).
    public var notes: [Note]

    /// Another place that explains the diagnostic (`first declared here`).
    public struct Note: Sendable, Hashable {
        public var location: SourceLocation
        public var message: String
        package init(location: SourceLocation, message: String) {
            self.location = location
            self.message = message
        }
    }

    package init(
        _ severity: Severity, at location: SourceLocation, _ message: String,
        help: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.help = help
        self.notes = notes
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return lhs.message < rhs.message
    }
}

/// Collects diagnostics; whoever holds it decides the exit status.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    /// No diagnostics yet.
    public init() {}

    /// Past this many errors in one input file, reading stops (a wrong file, not a batch with typos).
    public static let maxErrorsPerFile = 200

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.filter { $0.severity == .error }.count }
    public var warningCount: Int { all.filter { $0.severity == .warning }.count }

    package mutating func error(
        _ location: SourceLocation, _ message: String, help: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        all.append(Diagnostic(.error, at: location, message, help: help, notes: notes))
    }

    package mutating func warning(_ location: SourceLocation, _ message: String, help: String? = nil) {
        all.append(Diagnostic(.warning, at: location, message, help: help))
    }

    package mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    package mutating func append(contentsOf other: Diagnostics) { all.append(contentsOf: other.all) }

    /// Sorted by place, each reported once (an inherited item is checked once per checklist).
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }
}
