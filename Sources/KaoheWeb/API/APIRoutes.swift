import Hummingbird
import KaoheCore
import KaoheLedger
import KaoheServer

/// The JSON API under /api/v1 (SPEC §12), described by ``OpenAPIDocument``.
struct APIRoutes {
    let service: KaoheService

    func add(to router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in WebRequest.json(OpenAPIDocument.text) }
        addOnsite(to: api)
        addCompetition(to: api)
        api.post("session") { request, _ in await answer { () async throws(ServiceError) in try await signIn(request) } }
        api.delete("session") { request, _ in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                try await WebRequest.offload { () throws(ServiceError) in try service.signOut(actor) }
                var response = WebRequest.json("{}\n")
                response.setCookie(Cookie(name: WebRequest.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
                return response
            }
        }
        api.get("rounds") { request, _ in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let rounds = try await WebRequest.offload { () throws(ServiceError) in try service.rounds(for: actor) }
                return WebRequest.json(APIJSON.array(rounds.map(APIJSON.round)))
            }
        }
        api.get("rounds/:round/units") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let round = try parameter(context, "round")
                let units = try await WebRequest.offload { () throws(ServiceError) in try service.units(of: round, for: actor) }
                return WebRequest.json(APIJSON.array(units.map(APIJSON.unit)))
            }
        }
        api.get("rounds/:round/units/:unit/draft") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let (round, unit) = (try parameter(context, "round"), try parameter(context, "unit"))
                let draft = try await WebRequest.offload { () throws(ServiceError) in try service.draft(round, unit, for: actor) }
                guard let draft else { throw ServiceError.notFound("还没有草稿") }
                return APIJSON.draft(draft.document)
            }
        }
        api.put("rounds/:round/units/:unit/draft") { request, context in
            var request = request
            return await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, unit) = (try parameter(context, "round"), try parameter(context, "unit"))
                let document = try await WebRequest.text(&request)
                let saved = try await WebRequest.offload { () throws(ServiceError) in try service.saveDraft(round, unit, document: document, by: actor) }
                return WebRequest.json(APIJSON.diagnostics(saved.diagnostics), status: saved.diagnostics.isEmpty ? .ok : .unprocessableContent)
            }
        }
        api.post("rounds/:round/units/:unit/submit") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, unit) = (try parameter(context, "round"), try parameter(context, "unit"))
                switch try await WebRequest.offload({ () throws(ServiceError) in try service.submit(round, unit, by: actor) }) {
                case .result(let json): return WebRequest.json(json)
                case .diagnostics(let list): return WebRequest.json(APIJSON.diagnostics(list), status: .unprocessableContent)
                }
            }
        }
        api.post("rounds/:round/units/:unit/return") { request, context in
            var request = request
            return await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, unit) = (try parameter(context, "round"), try parameter(context, "unit"))
                let reason = try await WebRequest.fields(&request)["reason"] ?? ""
                try await WebRequest.offload { () throws(ServiceError) in try service.returnSubmission(round, unit, reason: reason, by: actor) }
                return WebRequest.json("{\"status\": \"returned\"}\n")
            }
        }
        api.post("rounds/:round/units/:unit/accept") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let (round, unit) = (try parameter(context, "round"), try parameter(context, "unit"))
                let s = try await WebRequest.offload { () throws(ServiceError) in try service.accept(round, unit, by: actor) }
                return WebRequest.json("{\"status\": \"accepted\", \"ledger\": {\"opened\": \(s.opened), \"reopened\": \(s.reopened), \"rectified\": \(s.rectified), \"unchanged\": \(s.unchanged)}}\n")
            }
        }
        api.get("rounds/:round/results") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let round = try parameter(context, "round")
                return WebRequest.json(try await WebRequest.offload { () throws(ServiceError) in try service.results(round, for: actor) })
            }
        }
        api.get("ledger") { request, _ in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                let unit = request.uri.queryParameters["unit"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
                let statusText = request.uri.queryParameters["status"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
                let status = try statusText.map { text throws(ServiceError) in
                    guard let status = LedgerStatus(rawValue: text) else { throw ServiceError.invalid("unknown status '\(text)'") }
                    return status
                }
                let items = try await WebRequest.offload { () throws(ServiceError) in try service.ledgerItems(unit: unit, status: status, for: actor) }
                return WebRequest.json(LedgerText.json(items))
            }
        }
        api.get("ledger/:id") { request, context in
            await answer { () async throws(ServiceError) in
                let actor = try await signedIn(request)
                guard let id = context.parameters.get("id", as: Int64.self) else { throw ServiceError.notFound("没有这个整改事项") }
                let (item, history) = try await WebRequest.offload { () throws(ServiceError) in try service.ledgerItem(id, for: actor) }
                return WebRequest.json(LedgerText.json(item, history: history, moves: service.moves(of: item, history: history, for: actor)))
            }
        }
        api.get("reports") { request, _ in
            await answer { () async throws(ServiceError) in
                _ = try await signedIn(request)
                let reports = try await WebRequest.offload { () throws(ServiceError) in try service.publishedReports() }
                return WebRequest.json(APIJSON.array(reports.map { APIJSON.report($0) }))
            }
        }
        api.post("reports") { request, _ in
            var request = request
            return await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                let fields = try await WebRequest.fields(&request)
                let published = try await WebRequest.offload { () throws(ServiceError) in
                    try service.publishMonthlyReport(month: fields["month"] ?? "", number: fields["number"] ?? "", issuer: fields["issuer"] ?? "", by: actor)
                }
                return WebRequest.json(APIJSON.report(published) + "\n", status: .created)
            }
        }
        api.get("reports/:id") { request, context in
            await answer { () async throws(ServiceError) in
                _ = try await signedIn(request)
                guard let id = context.parameters.get("id", as: Int64.self) else { throw ServiceError.notFound("没有这份月通报") }
                let report = try await WebRequest.offload { () throws(ServiceError) in try service.publishedReport(id) }
                return WebRequest.json(APIJSON.report(report, content: true) + "\n")
            }
        }
        api.post("ledger/:id/status") { request, context in
            var request = request
            return await answer { () async throws(ServiceError) in
                let actor = try await changing(request)
                guard let id = context.parameters.get("id", as: Int64.self) else { throw ServiceError.notFound("没有这个整改事项") }
                let fields = try await WebRequest.fields(&request)
                guard let status = fields["status"].flatMap(LedgerStatus.init(rawValue:)) else { throw ServiceError.invalid("status must be one of \(LedgerStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
                let item = try await WebRequest.offload { () throws(ServiceError) in
                    try service.moveLedgerItem(id, to: status, note: fields["note"], evidence: fields["evidence"], by: actor)
                }
                return WebRequest.json(LedgerText.json([item]))
            }
        }
    }

    /// `{"user", "password"}` → the session cookie and `{"user", "roles", "csrf"}`.
    func signIn(_ request: Request) async throws(ServiceError) -> Response {
        var request = request
        let fields = try await WebRequest.fields(&request)
        let (user, password) = (fields["user"] ?? "", fields["password"] ?? "")
        let signed = try await WebRequest.offload { () throws(ServiceError) in try service.signIn(user: user, password: password) }
        var response = WebRequest.json("{\"user\": \(APIJSON.string(signed.actor.user.id)), \"roles\": [\(signed.actor.user.roles.map { APIJSON.string($0.rawValue) }.joined(separator: ", "))], \"csrf\": \(APIJSON.string(signed.actor.session.csrf))}\n")
        response.setCookie(Self.sessionCookie(signed.token, secure: WebRequest.header(request, "x-forwarded-proto") == "https"))
        return response
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure behind TLS.
    static func sessionCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: WebRequest.cookie, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    func signedIn(_ request: Request) async throws(ServiceError) -> Actor {
        try await WebRequest.signedIn(request, service)
    }

    /// A signed-in actor whose request carries the session's CSRF token (`X-CSRF-Token`).
    func changing(_ request: Request) async throws(ServiceError) -> Actor {
        let actor = try await signedIn(request)
        let token = WebRequest.header(request, "x-csrf-token")
        try await WebRequest.offload { () throws(ServiceError) in try service.checkCSRF(actor, token: token) }
        return actor
    }

    func parameter(_ context: BasicRequestContext, _ name: String) throws(ServiceError) -> String {
        guard let value = context.parameters.get(name) else { throw ServiceError.notFound("missing \(name)") }
        return value
    }

    /// Runs a route, answering a refusal as JSON with its status.
    func answer(_ body: () async throws(ServiceError) -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return WebRequest.failure(error)
        }
    }
}
