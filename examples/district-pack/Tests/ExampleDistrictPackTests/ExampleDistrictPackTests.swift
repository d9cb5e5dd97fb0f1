import ExampleDistrictPack
import KaoheCore
import KaoheTestSupport
import Testing

/// The district's checks are tested by their own examples, as Kaohe's packs are.
@Test("every check of the example district gives the outcome its examples state")
func checkExamples() {
    CheckExamples.expectAll(in: ExampleDistrictPack.pack)
}

@Test("20 serving members, 15 reported: three quarters of the points and one finding")
func communityReport() throws {
    let example = try #require(CommunityReportCheck.description.examples.last)
    let outcome = try CheckExamples.outcome(of: example, for: CommunityReportCheck.self)
    #expect(outcome.fraction == Rational(3, 4))
    #expect(outcome.findings.map(\.message) == ["5名在职党员未到社区报到"])
}
