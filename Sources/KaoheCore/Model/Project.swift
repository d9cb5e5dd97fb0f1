/// A unit's brand project: its id, category and fields as the standards declare them.
public struct Project: Sendable, Equatable {
    public var unit: String
    public var id: String
    public var category: String?
    public var fields: [String: Value]

    /// A brand project of `unit` with its field values (for project checks and their examples).
    public init(unit: String, id: String, category: String? = nil, fields: [String: Value]) {
        self.unit = unit
        self.id = id
        self.category = category
        self.fields = fields
    }

    /// `unit/id`, how reports name a project.
    public var key: String { "\(unit)/\(id)" }
}
