import Foundation

/// Everything a rules folder defines, resolved and compiled.
public struct RuleSet: Sendable {
    public var checklists: [String: Checklist] = [:]
    public var plans: [String: ChecklistPlan] = [:]
    public var standards: [String: StandardsPlan] = [:]
    package var tests: [TestDocument] = []
    public var competitions: [String: Competition] = [:]

    package init() {}
}

/// A `kind: tests` document, kept as YAML until `kaohe test` runs it.
package struct TestDocument: Sendable {
    package var path: String
    package var checklist: Located<String>
    package var node: YAMLNode
}

/// The outcome of loading: the rules, every diagnostic, and the text of every file read.
public struct LoadResult: Sendable {
    public var rules: RuleSet
    public var diagnostics: Diagnostics
    public var sources: SourceStore
}

/// Loads rules folders: finds YAML files recursively, reads each document by its `kind`,
/// checks ids across files, resolves overlays and compiles every checklist.
package struct RulesLoader: Sendable {
    package let registry: Registry
    package var reader = YAMLReader()

    package static let ruleKinds = ["checklist", "standards", "competition", "tests"]
    package static let inputKinds = ["self-assessment", "scoresheet", "jury", "daily"]

    package init(registry: Registry) {
        self.registry = registry
    }

    package func load(paths: [String]) -> LoadResult {
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        var files: [String] = []
        for path in paths {
            files += RuleFiles.find(in: path, diagnostics: &diagnostics)
        }
        var documents: [(file: String, node: YAMLNode)] = []
        for file in files {
            let before = diagnostics.errorCount
            let nodes = reader.read(path: file, sources: &sources, diagnostics: &diagnostics)
            if nodes.isEmpty && diagnostics.errorCount == before {
                diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "the rules file holds no document (it is empty or only comments)",
                                  help: "fill it in or delete it")
            }
            documents += nodes.map { (file, $0) }
        }
        return load(documents: documents, sources: sources, diagnostics: diagnostics)
    }

    /// Loads rules held in memory (rules compiled into an executable), `path → text`.
    package func load(texts: [(path: String, text: String)]) -> LoadResult {
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        var documents: [(file: String, node: YAMLNode)] = []
        for (path, text) in texts.sorted(by: { $0.path < $1.path }) {
            documents += reader.parse(data: Data(text.utf8), path: path, sources: &sources, diagnostics: &diagnostics).map { (path, $0) }
        }
        return load(documents: documents, sources: sources, diagnostics: diagnostics)
    }

    /// Loads documents already read (with the sources and diagnostics of reading them).
    package func load(documents: [(file: String, node: YAMLNode)], sources: SourceStore, diagnostics initial: Diagnostics) -> LoadResult {
        var diagnostics = initial
        var checklistDocs: [String: ChecklistDocument] = [:]
        var standardsDocs: [String: StandardsDocument] = [:]
        var ids: [String: SourceLocation] = [:]
        var rules = RuleSet()
        for (file, node) in documents {
            do {
                let parser = ChecklistParser(sources: sources)
                guard let kind = header(node, &diagnostics) else { continue }
                func register(_ id: Located<String>) -> Bool {
                    if let first = ids[id.value] {
                        diagnostics.error(id.location, "duplicate document id '\(id.value)'",
                                          help: "document ids must be unique across the rules folder",
                                          notes: [.init(location: first, message: "'\(id.value)' first defined here")])
                        return false
                    }
                    ids[id.value] = id.location
                    return true
                }
                switch kind {
                case "checklist":
                    if let doc = parser.parse(node, diagnostics: &diagnostics), register(doc.id) {
                        checklistDocs[doc.id.value] = doc
                    }
                case "standards":
                    if let doc = StandardsParser(sources: sources).parse(node, diagnostics: &diagnostics), register(doc.id) {
                        standardsDocs[doc.id.value] = doc
                    }
                case "tests":
                    let r = MappingReader(node, what: "a tests document", allowed: ["kaohe", "kind", "checklist", "cases"],
                                          required: ["checklist", "cases"], diagnostics: &diagnostics)
                    if let checklist = Scalars.identifier(r["checklist"], "the checklist id", &diagnostics) {
                        rules.tests.append(TestDocument(path: file, checklist: checklist, node: node))
                    }
                case "competition":
                    if let competition = CompetitionParser().parse(node, diagnostics: &diagnostics), register(competition.id) {
                        rules.competitions[competition.id.value] = competition
                    }
                default:
                    diagnostics.warning(node.location, "a \(kind) document is an input, not a rule; it is skipped here",
                                        help: "keep self-assessments and sheets outside the rules folder, e.g. in examples/")
                }
            }
        }
        for id in standardsDocs.keys.sorted() {
            if let doc = standardsDocs[id], let plan = StandardsParser(sources: sources).compile(doc, registry: registry, diagnostics: &diagnostics) {
                rules.standards[id] = plan
            }
        }
        var resolver = OverlayResolver(documents: checklistDocs, parser: ChecklistParser(sources: sources))
        rules.checklists = resolver.resolveAll(diagnostics: &diagnostics)
        var compiler = PlanCompiler(registry: registry, sources: sources)
        compiler.standards = rules.standards
        compiler.brokenStandards = Set(standardsDocs.keys).subtracting(rules.standards.keys)
        for id in rules.checklists.keys.sorted() {
            if let checklist = rules.checklists[id], let plan = compiler.compile(checklist, diagnostics: &diagnostics) {
                rules.plans[id] = plan
            }
        }
        for competition in rules.competitions.values.sorted(by: { $0.id.value < $1.id.value }) {
            if rules.standards[competition.standards.value] == nil && standardsDocs[competition.standards.value] == nil {
                diagnostics.error(competition.standards.location, "competition names unknown standards '\(competition.standards.value)'",
                                  help: Suggestion.didYouMean(competition.standards.value, in: standardsDocs.keys))
            }
            guard checklistDocs[competition.onsite.value] != nil else {
                diagnostics.error(competition.onsite.location, "competition names unknown on-site checklist '\(competition.onsite.value)'",
                                  help: Suggestion.didYouMean(competition.onsite.value, in: checklistDocs.keys))
                continue
            }
            if let plan = rules.plans[competition.onsite.value], plan.standards?.document.id.value != competition.standards.value {
                diagnostics.error(competition.onsite.location,
                                  "on-site checklist '\(competition.onsite.value)' screens projects by '\(plan.standards?.document.id.value ?? "no standards")', not by '\(competition.standards.value)'",
                                  help: "add standards: \(competition.standards.value) to the checklist")
            }
        }
        for test in rules.tests where checklistDocs[test.checklist.value] == nil {
            diagnostics.error(test.checklist.location, "tests name unknown checklist '\(test.checklist.value)'",
                              help: Suggestion.didYouMean(test.checklist.value, in: checklistDocs.keys))
        }
        return LoadResult(rules: rules, diagnostics: diagnostics, sources: sources)
    }

    /// Checks `kaohe: 1` and returns the document's kind.
    func header(_ node: YAMLNode, _ diagnostics: inout Diagnostics) -> String? {
        guard case .mapping(let pairs) = node.content else {
            diagnostics.error(node.tokenLocation, "expected a Kaohe document (a mapping starting with 'kaohe: 1'), found \(node.kindDescription)")
            return nil
        }
        let version = pairs.first { $0.key.scalar == "kaohe" }
        let kind = pairs.first { $0.key.scalar == "kind" }
        guard let version else {
            diagnostics.error(node.location, "missing 'kaohe: 1' at the top of the document", help: "start the document with 'kaohe: 1'")
            return nil
        }
        guard version.value.scalar == "1" else {
            diagnostics.error(version.value.tokenLocation, "unsupported format version \(version.value.kindDescription); this kaohe reads version 1")
            return nil
        }
        guard let kind, let name = kind.value.scalar else {
            diagnostics.error(node.location, "missing 'kind:'", help: "kinds: \(Self.ruleKinds.joined(separator: ", "))")
            return nil
        }
        guard Self.ruleKinds.contains(name) || Self.inputKinds.contains(name) else {
            diagnostics.error(kind.value.tokenLocation, "unknown kind '\(name)'",
                              help: Suggestion.didYouMean(name, in: Self.ruleKinds + Self.inputKinds) ?? "kinds: \(Self.ruleKinds.joined(separator: ", "))")
            return nil
        }
        return name
    }
}

/// Finds the YAML files of a rules folder, recursively and in a stable order, without
/// following a symbolic link into a folder already visited.
package enum RuleFiles {
    static let maxFiles = 10_000

    package static func find(in path: String, diagnostics: inout Diagnostics) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "no such file or folder")
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        var files: [String] = []
        var visited = Set<String>()
        walk(path, depth: 0, files: &files, visited: &visited, diagnostics: &diagnostics)
        if files.isEmpty {
            diagnostics.warning(SourceLocation(file: path, line: 1, column: 1), "no .yaml or .yml files in this folder")
        }
        return files
    }

    static func walk(_ folder: String, depth: Int, files: inout [String], visited: inout Set<String>, diagnostics: inout Diagnostics) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            diagnostics.error(SourceLocation(file: folder, line: 1, column: 1), "a symbolic link loop: this folder leads back to \(real), already read",
                              help: "remove the link, or point it outside the rules folder")
            return
        }
        guard depth < 32 else {
            diagnostics.error(SourceLocation(file: folder, line: 1, column: 1), "folders nested more than 32 deep; not read")
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            diagnostics.error(SourceLocation(file: folder, line: 1, column: 1), "cannot read this folder")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // Only a symbolic link can be listed yet not exist: one that loops or leads nowhere.
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") {
                    diagnostics.error(SourceLocation(file: path, line: 1, column: 1), "a symbolic link that loops or leads nowhere",
                                      help: "remove the link or point it at a rules file")
                }
                continue
            }
            if isDirectory.boolValue {
                walk(path, depth: depth + 1, files: &files, visited: &visited, diagnostics: &diagnostics)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") {
                guard files.count < maxFiles else { return }
                files.append(path)
            }
        }
    }
}
