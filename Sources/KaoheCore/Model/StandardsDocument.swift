import Foundation

/// A `kind: standards` document as written.
public struct StandardsDocument: Sendable {
    public var id: Located<String>
    public var title: String
    public var projectCategories: [Category]
    public var fields: [FactSpec]
    public var standards: [Standard]
    public var outcome: Outcome

    /// One standard a brand project must meet (达标要求).
    public struct Standard: Sendable {
        public var id: Located<String>
        public var title: String
        public var require: ExpressionSource
        public var check: Located<String>?
    }

    /// The verdict names for meeting all, most or too few standards.
    public struct Outcome: Sendable {
        public var all = "通过"
        public var most = "修改完善"
        public var otherwise = "返工"
    }
}
