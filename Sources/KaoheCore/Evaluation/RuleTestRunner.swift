import Foundation

/// Runs `kind: tests` documents: each case scores an input (a file beside the test, or inline
/// facts) and compares totals, grades, item scores and statuses, and finding ids.
public struct RuleTestRunner: Sendable {
    public let rules: RuleSet

    package init(rules: RuleSet) {
        self.rules = rules
    }

    /// One test case: where it is written and what did not match.
    public struct CaseResult: Sendable {
        public var file: String
        public var name: String
        public var location: SourceLocation
        /// One line per mismatch: "total: expected 77, got 75".
        public var failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    /// Every case of every test file, the items no case covers, and problems reading the files.
    public struct Report: Sendable {
        public var cases: [CaseResult]
        /// Per checklist, the items no case sets an expectation on.
        public var untouched: [String: [String]]
        public var diagnostics: Diagnostics
        public var sources: SourceStore

        public var passed: Int { cases.filter(\.passed).count }
        public var failed: Int { cases.count - passed }
    }

    static let caseKeys = ["name", "input", "unit", "facts", "responses", "as_of", "expect"]

    package func run(sources initial: SourceStore) -> Report {
        var sources = initial
        var diagnostics = Diagnostics()
        var results: [CaseResult] = []
        var touched: [String: Set<String>] = [:]
        for document in rules.tests.sorted(by: { $0.path < $1.path }) {
            guard let plan = rules.plans[document.checklist.value] else { continue }
            let scorer = Scorer(plan: plan)
            let reader = MappingReader(document.node, what: "a tests document", allowed: ["kaohe", "kind", "checklist", "cases"], diagnostics: &diagnostics)
            for caseNode in Scalars.sequence(reader["cases"], "cases", &diagnostics) ?? [] {
                let c = MappingReader(caseNode, what: "a test case", allowed: Self.caseKeys, required: ["name", "expect"], diagnostics: &diagnostics)
                guard c.isMapping else { continue }
                let name = Scalars.string(c["name"], "name", &diagnostics) ?? "(unnamed)"
                var result = CaseResult(file: document.path, name: name, location: caseNode.location, failures: [])
                guard let expect = Expectation.parse(c["expect"], &diagnostics) else { continue }
                touched[plan.checklist.id, default: []].formUnion(expect.items.keys)
                for id in expect.findings ?? [] { touched[plan.checklist.id, default: []].insert(String(id.split(separator: "/").dropFirst().first ?? "")) }
                guard let input = inputNode(c, caseNode, document: document, sources: &sources, diagnostics: &diagnostics) else {
                    result.failures.append("the case's input could not be read (see the errors above)")
                    results.append(result)
                    continue
                }
                var caseDiagnostics = Diagnostics()
                let decoded = BatchEvaluator(scorer: scorer).decode([AssessmentReader.Document(node: input, source: document.path)],
                                                                    asOf: nil, diagnostics: &caseDiagnostics)
                if caseDiagnostics.hasErrors || decoded.isEmpty {
                    result.failures.append("the input is invalid:\n" + DiagnosticRenderer(sources: sources).render(caseDiagnostics.sorted))
                    results.append(result)
                    continue
                }
                let unit = BatchEvaluator(scorer: scorer).evaluate(decoded)[0]
                result.failures = expect.compare(unit)
                results.append(result)
            }
        }
        var untouched: [String: [String]] = [:]
        for (id, plan) in rules.plans where rules.tests.contains(where: { $0.checklist.value == id }) {
            let all = plan.sections.flatMap { $0.items.map(\.item.id.value) }
            let missing = all.filter { !(touched[id] ?? []).contains($0) }
            if !missing.isEmpty { untouched[id] = missing }
        }
        return Report(cases: results, untouched: untouched, diagnostics: diagnostics, sources: sources)
    }

    /// The case's input: a file named by `input:` (relative to the test file), or the case's
    /// own unit/facts/responses/as_of as an inline self-assessment.
    func inputNode(_ c: MappingReader, _ caseNode: YAMLNode, document: TestDocument, sources: inout SourceStore,
                   diagnostics: inout Diagnostics) -> YAMLNode? {
        if let inputNode = c["input"], let relative = Scalars.string(inputNode, "input", &diagnostics) {
            let folder = (document.path as NSString).deletingLastPathComponent
            let path = relative.hasPrefix("/") ? relative : (folder.isEmpty ? relative : folder + "/" + relative)
            let nodes = YAMLReader().read(path: (path as NSString).standardizingPath, sources: &sources, diagnostics: &diagnostics)
            if nodes.isEmpty && !diagnostics.hasErrors {
                diagnostics.error(inputNode.tokenLocation, "no document in '\(relative)'")
            }
            return nodes.first
        }
        let at = caseNode.location
        func scalar(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, .plain), at: at) }
        var pairs: [YAMLNode.Pair] = [
            .init(key: scalar("kaohe"), value: scalar("1")),
            .init(key: scalar("kind"), value: scalar("self-assessment")),
            .init(key: scalar("checklist"), value: scalar(document.checklist.value)),
        ]
        for key in ["unit", "facts", "responses", "as_of"] {
            if let value = c[key] { pairs.append(.init(key: scalar(key), value: value)) }
        }
        if c["unit"] == nil {
            pairs.append(.init(key: scalar("unit"), value: YAMLNode(.mapping([.init(key: scalar("id"), value: scalar("test-unit"))]), at: at)))
        }
        if c["facts"] == nil { pairs.append(.init(key: scalar("facts"), value: YAMLNode(.mapping([]), at: at))) }
        return YAMLNode(.mapping(pairs), at: at)
    }
}

/// What a test case expects.
struct Expectation {
    var total: Rational?
    var grade: String?
    var items: [String: (awarded: Rational?, status: ItemStatus?)] = [:]
    var findings: [String]?
    var projects: [String: String] = [:]

    static func parse(_ node: YAMLNode?, _ diagnostics: inout Diagnostics) -> Expectation? {
        guard let node else { return nil }
        let r = MappingReader(node, what: "expect", allowed: ["total", "grade", "items", "findings", "projects"], diagnostics: &diagnostics)
        guard r.isMapping else { return nil }
        var e = Expectation()
        e.total = Scalars.decimal(r["total"], "expect.total", &diagnostics)
        e.grade = Scalars.string(r["grade"], "expect.grade", &diagnostics)
        for pair in Scalars.mapping(r["items"], "expect.items", &diagnostics) ?? [] {
            guard let id = pair.key.scalar else { continue }
            if case .mapping = pair.value.content {
                let m = MappingReader(pair.value, what: "an item expectation", allowed: ["awarded", "status"], diagnostics: &diagnostics)
                var status: ItemStatus?
                if let s = m["status"], let text = Scalars.string(s, "status", &diagnostics) {
                    status = ItemStatus(rawValue: text)
                    if status == nil {
                        diagnostics.error(s.tokenLocation, "unknown status '\(text)'",
                                          help: Suggestion.didYouMean(text, in: ItemStatus.allCases.map(\.rawValue)))
                    }
                }
                e.items[id] = (Scalars.decimal(m["awarded"], "awarded", &diagnostics), status)
            } else {
                e.items[id] = (Scalars.decimal(pair.value, "the item's expected points", &diagnostics), nil)
            }
        }
        if r.has("findings") { e.findings = Scalars.strings(r["findings"], "expect.findings", &diagnostics) ?? [] }
        for pair in Scalars.mapping(r["projects"], "expect.projects", &diagnostics) ?? [] {
            if let id = pair.key.scalar, let outcome = Scalars.string(pair.value, "a project's expected outcome", &diagnostics) {
                e.projects[id] = outcome
            }
        }
        return e
    }

    func compare(_ result: UnitResult) -> [String] {
        var failures: [String] = []
        func show(_ d: Rational) -> String { DecimalMath.format(DecimalMath.round(d)) }
        if let total, DecimalMath.round(total) != result.roundedTotal {
            failures.append("total: expected \(show(total)), got \(show(result.total))")
        }
        if let grade, grade != result.grade {
            failures.append("grade: expected \(grade), got \(result.grade ?? "none")")
        }
        for (id, expected) in items.sorted(by: { $0.key < $1.key }) {
            guard let item = result.items.first(where: { $0.id == id }) else {
                failures.append("items.\(id): no such item in the checklist")
                continue
            }
            if let awarded = expected.awarded, DecimalMath.round(awarded) != DecimalMath.round(item.awarded) {
                failures.append("items.\(id): expected \(show(awarded)) points, got \(show(item.awarded)) (\(item.explain.joined(separator: "; ")))")
            }
            if let status = expected.status, status != item.status {
                failures.append("items.\(id): expected status \(status.rawValue), got \(item.status.rawValue)")
            }
        }
        if let findings {
            let actual = Set(result.findings.map(\.id)), wanted = Set(findings)
            let missing = wanted.subtracting(actual).sorted(), extra = actual.subtracting(wanted).sorted()
            if !missing.isEmpty { failures.append("findings: expected but not found: \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { failures.append("findings: found but not expected: \(extra.joined(separator: ", "))") }
        }
        for (id, outcome) in projects.sorted(by: { $0.key < $1.key }) {
            guard let project = result.projects.first(where: { $0.id == id }) else {
                failures.append("projects.\(id): no such project in the input")
                continue
            }
            if project.outcome != outcome {
                let reasons = project.standards.flatMap { s in s.reasons.map { "\(s.id) \($0)" } }
                failures.append("projects.\(id): expected \(outcome), got \(project.outcome)" + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))"))
            }
        }
        for error in result.errors {
            failures.append("rule error in \(error.item): \(error.message)" + (error.location.map { " at \($0)" } ?? ""))
        }
        return failures
    }
}
