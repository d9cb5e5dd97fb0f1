/// A pack: a named set of checks and expression functions.
public struct Pack: Sendable {
    public var id: String
    public var title: String
    public var checks: [any Check.Type]
    public var projectChecks: [any ProjectCheck.Type]
    public var functions: [ExpressionFunction]

    /// A pack `id` (the prefix of its checks' ids) with its Chinese title, checks, project checks and functions.
    public init(id: String, title: String, checks: [any Check.Type], projectChecks: [any ProjectCheck.Type] = [],
                functions: [ExpressionFunction] = []) {
        self.id = id
        self.title = title
        self.checks = checks
        self.projectChecks = projectChecks
        self.functions = functions
    }
}

/// The checks and functions of a static list of packs. A value: built once, passed down.
public struct Registry: Sendable {
    /// Two packs register the same check or function id.
    public struct DuplicateID: Error, CustomStringConvertible {
        public var id: String
        public var description: String { "two packs register '\(id)'" }
    }

    public let packs: [Pack]
    public let checks: [String: any Check.Type]
    public let projectChecks: [String: any ProjectCheck.Type]
    public let functions: [String: ExpressionFunction]

    /// The checks and functions of `packs`; an id registered twice is refused.
    public init(packs: [Pack]) throws(DuplicateID) {
        var checks: [String: any Check.Type] = [:]
        var projectChecks: [String: any ProjectCheck.Type] = [:]
        var functions: [String: ExpressionFunction] = [:]
        var packIDs = Set<String>()
        for pack in packs {
            guard packIDs.insert(pack.id).inserted else { throw DuplicateID(id: pack.id) }
            for check in pack.checks {
                let id = check.description.id
                guard checks[id] == nil else { throw DuplicateID(id: id) }
                checks[id] = check
            }
            for check in pack.projectChecks {
                let id = check.description.id
                guard checks[id] == nil, projectChecks[id] == nil else { throw DuplicateID(id: id) }
                projectChecks[id] = check
            }
            for function in pack.functions {
                guard functions[function.name] == nil, Builtin(rawValue: function.name) == nil else {
                    throw DuplicateID(id: function.name)
                }
                functions[function.name] = function
            }
        }
        self.packs = packs
        self.checks = checks
        self.projectChecks = projectChecks
        self.functions = functions
    }

    /// A registry with no packs.
    public static let empty = Registry(unchecked: [])

    private init(unchecked packs: [Pack]) {
        self.packs = packs
        self.checks = [:]
        self.projectChecks = [:]
        self.functions = [:]
    }

    /// The pack a check belongs to (its id's prefix before the first dot).
    public func pack(of checkID: String) -> Pack? {
        packs.first { pack in
            pack.checks.contains { $0.description.id == checkID } || pack.projectChecks.contains { $0.description.id == checkID }
        }
    }

    /// Every check, sorted by id.
    public var allChecks: [any Check.Type] {
        checks.values.sorted { $0.description.id < $1.description.id }
    }
}
