import Foundation
import KaoheCore
@testable import KaoheServer
import KaoheStorageTestSupport
import Testing

@Suite("Jurors scoring at once")
struct CompetitionConcurrencyTests {
    @Test("five jurors save each of three finalists four times, all at once, while the committee reads the board: every finalist's points one whole save, the close sees them all",
          arguments: Backend.available)
    func jurorsAtOnce(_ backend: Backend) throws {
        let c = try CompetitionFixture(backend)
        try c.named()
        let id = CompetitionFixture.competition
        let dimensions = ["political", "ideological", "feasibility", "novelty", "effectiveness"]
        let failures = Locked<[String]>([])
        // Task i: juror i % 5, finalist (i / 5) % 3, its (i / 15)-th save, every dimension the same value.
        DispatchQueue.concurrentPerform(iterations: 5 * 3 * 4 + 8) { index in
            do {
                guard index < 60 else {
                    _ = try c.service.competitionBoard(c.round.id, id, for: c.admin)
                    return
                }
                let juror = index % 5, unit = CompetitionFixture.finalists[(index / 5) % 3], save = index / 15
                let value = DecimalMath.format(Rational(8 + juror * 2 + save, 1))
                try c.service.saveJury(c.round.id, id, unit, scores: Dictionary(uniqueKeysWithValues: dimensions.map { ($0, value) }), by: c.jurors[juror])
            } catch {
                failures.update { $0.append("task \(index): \(error)") }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        let record = try c.f.store.competition(round: c.round.id, competition: id)
        #expect(record.scores.count == 5 * 3 * dimensions.count)
        for juror in c.jurors.prefix(5) {
            for unit in CompetitionFixture.finalists {
                let values = Set(record.scores.filter { $0.juror == juror.user.id && $0.unit == unit }.map(\.points))
                #expect(values.count == 1, "\(juror.user.id)/\(unit): a mix of saves \(values)")
            }
        }
        try c.service.closeCompetition(c.round.id, id, by: c.admin)
        let outcome = try #require(try c.service.competitionBoard(c.round.id, id, for: c.admin).outcome)
        #expect(outcome.finalRanking.allSatisfy { $0.entry.jury?.judges.count == 5 })
        #expect(try c.f.store.verifyAudit().isEmpty)
    }
}
