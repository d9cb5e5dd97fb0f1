extension Engine {
    /// Runs the rule tests (`kind: tests`) found with the rules. A test file that cannot be read
    /// is a failure; a case whose expectation does not hold is in the report, not a failure.
    public func test(_ rules: LoadResult) throws(EngineFailure) -> RuleTestRunner.Report {
        let report = RuleTestRunner(rules: rules.rules).run(sources: rules.sources)
        if report.diagnostics.hasErrors { throw EngineFailure(report.diagnostics, sources: report.sources, counted: false) }
        return report
    }
}
