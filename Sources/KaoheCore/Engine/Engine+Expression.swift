extension Engine {
    /// Where `kaohe expr` evaluates: on plain values, or with a checklist's facts (missing, or a
    /// unit's from a self-assessment or a plain mapping of facts).
    public struct ExpressionContext: Sendable {
        /// The rules holding the checklist; nil for plain values.
        public var rules: LoadResult?
        public var checklist: String?
        /// A self-assessment, or a mapping of facts, to evaluate against.
        public var facts: String?
        public var asOf: Day?

        /// A context; all nil evaluates on plain values.
        public init(rules: LoadResult? = nil, checklist: String? = nil, facts: String? = nil, asOf: Day? = nil) {
            self.rules = rules
            self.checklist = checklist
            self.facts = facts
            self.asOf = asOf
        }
    }

    /// Compiles and evaluates one expression, type-checked against the checklist's facts.
    public func evaluateExpression(_ text: String, in context: ExpressionContext) throws(EngineFailure) -> ExpressionAnswer {
        var scope = ExpressionScope()
        var frame = Frame(facts: [], asOf: Day(ordinal: 0), period: nil)
        var asOf = context.asOf
        if let rules = context.rules {
            let plan = try rules.plan(context.checklist)
            scope = plan.scope
            frame.facts = plan.facts.map { .missing([$0.name]) }
            frame.period = plan.checklist.period
            if let facts = context.facts {
                let input = try Self.unitFacts(path: facts, plan: plan)
                frame.facts = input.values
                asOf = asOf ?? input.asOf
            }
            asOf = asOf ?? plan.checklist.period?.to
        }
        var sources = SourceStore()
        sources.add(path: "<expression>", text: text)
        let compiled: CompiledExpression
        switch ExpressionCompiler(scope: scope).compile(.commandLine(text)) {
        case .success(let c): compiled = c
        case .failure(let errors):
            var diagnostics = Diagnostics()
            errors.all.forEach { diagnostics.append($0) }
            throw EngineFailure(diagnostics, sources: sources, counted: false)
        }
        if compiled.readsAsOf {
            guard let asOf else { throw EngineFailure(message: "kaohe: the expression reads as_of; give the date with --as-of YYYY-MM-DD") }
            frame.asOf = asOf
        }
        do {
            return ExpressionAnswer(value: try Evaluator.evaluate(compiled, &frame), type: compiled.type)
        } catch {
            var diagnostics = Diagnostics()
            diagnostics.error(error.location ?? SourceLocation(file: "<expression>", line: 1, column: 1), error.message)
            throw EngineFailure(diagnostics, sources: sources, counted: false)
        }
    }

    /// The fact values of a self-assessment document, or of a plain mapping of facts.
    static func unitFacts(path: String, plan: ChecklistPlan) throws(EngineFailure) -> (values: [Value], asOf: Day?) {
        var sources = SourceStore()
        var diagnostics = Diagnostics()
        let documents = YAMLReader().read(path: path, sources: &sources, diagnostics: &diagnostics)
        var result: (values: [Value], asOf: Day?) = (plan.facts.map { .missing([$0.name]) }, nil)
        if let node = documents.first {
            if case .mapping(let pairs) = node.content, pairs.contains(where: { $0.key.scalar == "kaohe" }) {
                if let assessment = SelfAssessmentParser(plan: plan).parse(node, diagnostics: &diagnostics) {
                    result = (assessment.facts, assessment.asOf)
                }
            } else {
                result.values = FactDecoder(facts: plan.facts).decode(node, diagnostics: &diagnostics)
            }
        }
        if diagnostics.hasErrors { throw EngineFailure(diagnostics, sources: sources, counted: false) }
        return result
    }
}
