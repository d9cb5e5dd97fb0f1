import Foundation
import Hummingbird
import KaoheCore
import KaoheServer

/// On-site scoring in the API: assignments, each unit's manual items and scores, an assessor's
/// score, the committee's decision, the score sheets that count.
extension APIRoutes {
    func addOnsite(to api: RouterGroup<BasicRequestContext>) {
        api.get("rounds/:round/assignments") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let round = try parameter(context, "round")
                let list = try await WebRequest.offload { () throws(ServiceError) in try service.assignments(round, for: actor) }
                return WebRequest.json(APIJSON.array(list.map { "{\"unit\": \(APIJSON.string($0.unit)), \"assessor\": \(APIJSON.string($0.assessor)), \"name\": \(APIJSON.string($0.assessorName))}" }))
            }
        }
        api.put("rounds/:round/units/:unit/assessors/:assessor") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, unit, assessor) = (try parameter(context, "round"), try parameter(context, "unit"), try parameter(context, "assessor"))
                try await WebRequest.offload { () throws(ServiceError) in try service.assign(round, unit, assessor: assessor, by: actor) }
                return WebRequest.json("{\"assigned\": true}\n")
            }
        }
        api.delete("rounds/:round/units/:unit/assessors/:assessor") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, unit, assessor) = (try parameter(context, "round"), try parameter(context, "unit"), try parameter(context, "assessor"))
                try await WebRequest.offload { () throws(ServiceError) in try service.unassign(round, unit, assessor: assessor, by: actor) }
                return WebRequest.json("{\"assigned\": false}\n")
            }
        }
        api.get("rounds/:round/units/:unit/onsite") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let (round, unit) = (try parameter(context, "round"), try parameter(context, "unit"))
                let (_, items) = try await WebRequest.offload { () throws(ServiceError) in try service.onsiteItems(round, unit, for: actor) }
                return WebRequest.json(APIJSON.array(items.map(APIJSON.onsiteItem)))
            }
        }
        api.put("rounds/:round/units/:unit/onsite/:item") { request, context in
            var request = request
            return await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, unit, item) = (try parameter(context, "round"), try parameter(context, "unit"), try parameter(context, "item"))
                let fields = try await WebRequest.fields(&request)
                try await WebRequest.offload { () throws(ServiceError) in
                    try service.saveOnsite(round, unit, item: item, points: fields["points"] ?? "", method: fields["method"] ?? "", note: fields["note"], by: actor)
                }
                let (_, items) = try await WebRequest.offload { () throws(ServiceError) in try service.onsiteItems(round, unit, for: actor) }
                return WebRequest.json(APIJSON.array(items.filter { $0.id == item }.map(APIJSON.onsiteItem)))
            }
        }
        api.post("rounds/:round/units/:unit/onsite/:item/decide") { request, context in
            var request = request
            return await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, unit, item) = (try parameter(context, "round"), try parameter(context, "unit"), try parameter(context, "item"))
                let assessor = try await WebRequest.fields(&request)["assessor"] ?? ""
                try await WebRequest.offload { () throws(ServiceError) in try service.decideOnsite(round, unit, item: item, assessor: assessor, by: actor) }
                return WebRequest.json("{\"decided\": \(APIJSON.string(assessor))}\n")
            }
        }
        api.get("rounds/:round/onsite/disputes") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let round = try parameter(context, "round")
                let disputes = try await WebRequest.offload { () throws(ServiceError) in try service.onsiteDisputes(round, for: actor) }
                return WebRequest.json(APIJSON.array(disputes.map { d in
                    "{\"unit\": \(APIJSON.string(d.unit)), \"item\": \(APIJSON.string(d.item)), \"scores\": [\(d.scores.map(APIJSON.onsiteScore).joined(separator: ", "))]}"
                }))
            }
        }
        api.get("rounds/:round/scoresheets") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let round = try parameter(context, "round")
                let sheets = try await WebRequest.offload { () throws(ServiceError) in try service.scoresheets(round, for: actor) }
                return WebRequest.json("{\"scoresheets\": [\n" + sheets.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ",\n") + "\n]}\n")
            }
        }
    }
}

extension APIJSON {
    static func onsiteScore(_ s: OnsiteEntry) -> String {
        "{\"assessor\": \(string(s.assessor)), \"name\": \(string(s.assessorName)), \"points\": \(s.points), \"method\": \(string(s.method)), \"note\": \(string(s.note))}"
    }

    static func onsiteItem(_ item: OnsiteItem) -> String {
        "{\"item\": \(string(item.id)), \"title\": \(string(item.title)), \"points\": \(DecimalMath.format(item.points)), "
            + "\"self_score\": \(item.selfScore.map { DecimalMath.format($0) } ?? "null"), \"scores\": [\(item.scores.map(onsiteScore).joined(separator: ", "))]}"
    }
}
