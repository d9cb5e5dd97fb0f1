import Foundation
import Hummingbird
import KaoheCore
import KaoheServer

/// Competitions in the API: the committee's board, daily scores, finalists, jurors, the close of
/// scoring, the report (`kaohe competition --format json`) and the §9 sheets behind it; a juror's
/// finalists and scores.
extension APIRoutes {
    func addCompetition(to api: RouterGroup<BasicRequestContext>) {
        let base = "rounds/:round/competitions/:competition"
        api.get("rounds/:round/competitions") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let round = try parameter(context, "round")
                let list = try await WebRequest.offload { () throws(ServiceError) in try service.competitions(round, for: actor) }
                return WebRequest.json(APIJSON.array(list.map { "{\"id\": \(APIJSON.string($0.id.value)), \"title\": \(APIJSON.string($0.title))}" }))
            }
        }
        api.get(RouterPath(base)) { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let (round, id) = (try parameter(context, "round"), try parameter(context, "competition"))
                let board = try await WebRequest.offload { () throws(ServiceError) in try service.competitionBoard(round, id, for: actor) }
                return WebRequest.json(APIJSON.board(board))
            }
        }
        api.get(RouterPath(base + "/report")) { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let (round, id) = (try parameter(context, "round"), try parameter(context, "competition"))
                let board = try await WebRequest.offload { () throws(ServiceError) in try service.competitionBoard(round, id, for: actor) }
                guard let outcome = board.outcome else { throw ServiceError.conflict(board.problem ?? "还没有结果") }
                return WebRequest.json(CompetitionReport.json(outcome))
            }
        }
        api.put(RouterPath(base + "/daily/:unit")) { request, context in
            var request = request
            return await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, id, unit) = (try parameter(context, "round"), try parameter(context, "competition"), try parameter(context, "unit"))
                let points = try await WebRequest.fields(&request)["points"] ?? ""
                try await WebRequest.offload { () throws(ServiceError) in try service.saveDaily(round, id, unit, points: points, by: actor) }
                return WebRequest.json("{\"saved\": true}\n")
            }
        }
        api.post(RouterPath(base + "/finalists")) { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, id) = (try parameter(context, "round"), try parameter(context, "competition"))
                let finalists = try await WebRequest.offload { () throws(ServiceError) in try service.nameFinalists(round, id, by: actor) }
                return WebRequest.json("{\"finalists\": [\(finalists.map(APIJSON.string).joined(separator: ", "))]}\n")
            }
        }
        api.put(RouterPath(base + "/jurors/:juror")) { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, id, juror) = (try parameter(context, "round"), try parameter(context, "competition"), try parameter(context, "juror"))
                try await WebRequest.offload { () throws(ServiceError) in try service.assignJuror(round, id, juror: juror, by: actor) }
                return WebRequest.json("{\"assigned\": true}\n")
            }
        }
        api.delete(RouterPath(base + "/jurors/:juror")) { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, id, juror) = (try parameter(context, "round"), try parameter(context, "competition"), try parameter(context, "juror"))
                try await WebRequest.offload { () throws(ServiceError) in try service.unassignJuror(round, id, juror: juror, by: actor) }
                return WebRequest.json("{\"assigned\": false}\n")
            }
        }
        api.get(RouterPath(base + "/jury")) { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let (round, id) = (try parameter(context, "round"), try parameter(context, "competition"))
                let (stage, tasks) = try await WebRequest.offload { () throws(ServiceError) in try service.juryTasks(round, id, for: actor) }
                return WebRequest.json("{\"stage\": \(APIJSON.string(stage.name)), \"finalists\": \(APIJSON.array(tasks.map(APIJSON.task)).dropLast())}\n")
            }
        }
        api.put(RouterPath(base + "/jury/:unit")) { request, context in
            var request = request
            return await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, id, unit) = (try parameter(context, "round"), try parameter(context, "competition"), try parameter(context, "unit"))
                let scores = try await WebRequest.fields(&request)
                try await WebRequest.offload { () throws(ServiceError) in try service.saveJury(round, id, unit, scores: scores, by: actor) }
                return WebRequest.json("{\"saved\": true}\n")
            }
        }
        api.post(RouterPath(base + "/close")) { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, id) = (try parameter(context, "round"), try parameter(context, "competition"))
                try await WebRequest.offload { () throws(ServiceError) in try service.closeCompetition(round, id, by: actor) }
                return WebRequest.json("{\"stage\": \"closed\"}\n")
            }
        }
        api.get(RouterPath(base + "/sheets")) { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let (round, id) = (try parameter(context, "round"), try parameter(context, "competition"))
                let (field, documents) = try await WebRequest.offload { () throws(ServiceError) in try service.competitionDocuments(round, id, for: actor) }
                func list(_ docs: [InlineDocument]) -> String { "[\n" + docs.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ",\n") + "\n]" }
                let daily = documents.daily.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "null"
                return WebRequest.json("{\"field\": [\(field.map(APIJSON.string).joined(separator: ", "))],\n\"scoresheets\": \(list(documents.scoresheets)),\n"
                                       + "\"jury\": \(documents.jury.map(list) ?? "null"),\n\"daily\": \(daily)}\n")
            }
        }
    }
}

extension CompetitionBoard.Stage {
    /// The stage's name in the API: preview, scoring, closed.
    var name: String {
        switch self {
        case .preview: "preview"
        case .scoring: "scoring"
        case .closed: "closed"
        }
    }
}

extension APIJSON {
    /// The committee's board: stage, field, daily scores, jurors with how many finalists each has
    /// scored (the points stay hidden until scoring closes), the report so far.
    static func board(_ b: CompetitionBoard) -> String {
        let daily = b.record.daily.keys.sorted().map { "\(string($0)): \(b.record.daily[$0] ?? "0")" }.joined(separator: ", ")
        let jurors = b.record.jurors.map { j in
            "{\"id\": \(string(j.id)), \"name\": \(string(j.name)), \"scored\": \(b.record.scored(by: j.id).count)}"
        }
        let report = b.outcome.map { CompetitionReport.json($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "null"
        return "{\"competition\": \(string(b.definition.id.value)), \"title\": \(string(b.definition.title)), \"stage\": \(string(b.stage.name)), "
            + "\"field\": [\(b.record.named?.units.map(string).joined(separator: ", ") ?? "")], \"finalists\": [\(b.finalists.map(string).joined(separator: ", "))], "
            + "\"daily\": {\(daily)}, \"jurors\": [\(jurors.joined(separator: ", "))], \"problem\": \(string(b.problem)),\n\"report\": \(report)}\n"
    }

    static func task(_ t: JuryTask) -> String {
        let mine = t.mine.keys.sorted().map { "\(string($0)): \(t.mine[$0] ?? "0")" }.joined(separator: ", ")
        return "{\"unit\": \(string(t.unit.id)), \"name\": \(string(t.unit.name)), \"project\": \(string(t.project?.name)), \"scores\": {\(mine)}}"
    }
}
