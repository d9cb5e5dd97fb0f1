import Foundation

/// A check on a brand project (党建品牌项目) for a standard's `check:`. It sees the project and
/// every other project of the batch, so it can find projects that copy one another (同质化).
public protocol ProjectCheck: Sendable {
    static var description: ProjectCheckDescription { get }
    init()
    func evaluate(_ project: Project, among projects: [Project]) -> ProjectCheckOutcome
}

/// Whether the project meets the standard, and why not.
public struct ProjectCheckOutcome: Sendable, Equatable {
    public var met: Bool
    public var reasons: [String]

    /// A verdict with its reasons.
    public init(met: Bool, reasons: [String] = []) {
        self.met = met
        self.reasons = reasons
    }
}

/// What a project check is, what it reads, and examples of its verdicts.
public struct ProjectCheckDescription: Sendable {
    public var id: String
    public var title: String
    public var rationale: String
    public var reads: [CheckFact]
    public var examples: [ProjectCheckExample]

    /// A project check's description.
    public init(id: String, title: String, rationale: String, reads: [CheckFact], examples: [ProjectCheckExample]) {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.reads = reads
        self.examples = examples
    }
}

/// An example a project check carries: a project among others, and the verdict it must give.
public struct ProjectCheckExample: Sendable {
    public var summary: String
    public var project: Project
    public var among: [Project]
    public var met: Bool
    public var reasons: [String]
    public var file: String
    public var line: Int

    /// An example: a project among others, and the verdict expected.
    public init(_ summary: String, project: Project, among: [Project], met: Bool, reasons: [String] = [],
                file: String = #filePath, line: Int = #line) {
        self.summary = summary
        self.project = project
        self.among = among
        self.met = met
        self.reasons = reasons
        self.file = file
        self.line = line
    }
}
