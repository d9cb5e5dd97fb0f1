import Foundation
import HTTPTypes
import Hummingbird
@testable import KaoheWeb
import Testing

/// The OpenAPI document against the routes: every documented operation exists and, asked
/// without a session, answers one of the statuses it documents.
@Suite("OpenAPI document")
struct OpenAPITests {
    struct Operation: Sendable, CustomStringConvertible {
        var method: String
        var path: String
        var statuses: Set<Int>
        var description: String { "\(method.uppercased()) \(path)" }
    }

    static func operations() throws -> [Operation] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        var operations: [Operation] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, value) in item where ["get", "put", "post", "delete"].contains(method) {
                let responses = (value as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                operations.append(Operation(method: method, path: path, statuses: Set(responses.keys.compactMap(Int.init))))
            }
        }
        return operations
    }

    @Test("the document is valid JSON with the operations of SPEC §12")
    func documented() throws {
        let names = try Self.operations().map(\.description)
        for required in ["POST /session", "DELETE /session", "GET /rounds", "GET /rounds/{round}/units", "GET /rounds/{round}/units/{unit}/draft",
                         "PUT /rounds/{round}/units/{unit}/draft", "POST /rounds/{round}/units/{unit}/submit", "POST /rounds/{round}/units/{unit}/return",
                         "POST /rounds/{round}/units/{unit}/accept", "GET /rounds/{round}/results", "GET /ledger", "POST /ledger/{id}/status",
                         "GET /ledger/{id}", "GET /reports", "POST /reports", "GET /reports/{id}",
                         "GET /rounds/{round}/assignments", "PUT /rounds/{round}/units/{unit}/assessors/{assessor}",
                         "DELETE /rounds/{round}/units/{unit}/assessors/{assessor}", "GET /rounds/{round}/units/{unit}/onsite",
                         "PUT /rounds/{round}/units/{unit}/onsite/{item}", "POST /rounds/{round}/units/{unit}/onsite/{item}/decide",
                         "GET /rounds/{round}/onsite/disputes", "GET /rounds/{round}/scoresheets",
                         "GET /rounds/{round}/competitions", "GET /rounds/{round}/competitions/{competition}",
                         "GET /rounds/{round}/competitions/{competition}/report", "PUT /rounds/{round}/competitions/{competition}/daily/{unit}",
                         "POST /rounds/{round}/competitions/{competition}/finalists", "PUT /rounds/{round}/competitions/{competition}/jurors/{juror}",
                         "DELETE /rounds/{round}/competitions/{competition}/jurors/{juror}", "GET /rounds/{round}/competitions/{competition}/jury",
                         "PUT /rounds/{round}/competitions/{competition}/jury/{unit}", "POST /rounds/{round}/competitions/{competition}/close",
                         "GET /rounds/{round}/competitions/{competition}/sheets"] {
            #expect(names.contains(required), "\(required) is not documented")
        }
    }

    @Test("every documented operation exists and answers as documented without a session")
    func routesExist() async throws {
        let f = try ServiceFixture()
        let operations = try Self.operations()
        try await RouterClient.test(WebServer.router(f.service)) { client in
            for operation in operations {
                let uri = "/api/v1" + operation.path.replacingOccurrences(of: "{round}", with: "2026-annual")
                    .replacingOccurrences(of: "{unit}", with: "szq-caizheng").replacingOccurrences(of: "{id}", with: "1")
                    .replacingOccurrences(of: "{item}", with: "D1").replacingOccurrences(of: "{assessor}", with: "kz1")
                    .replacingOccurrences(of: "{competition}", with: "maonan.innovation-2026").replacingOccurrences(of: "{juror}", with: "pw1")
                let body = operation.method == "post" || operation.method == "put" ? ByteBuffer(string: "{\"user\": \"nobody\", \"password\": \"nothing-at-all\"}") : nil
                try await client.execute(uri: uri, method: HTTPRequest.Method(rawValue: operation.method.uppercased()) ?? .get, body: body) { response in
                    #expect(operation.statuses.contains(Int(response.status.code)), "\(operation) answered \(response.status.code), documented \(operation.statuses.sorted())")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(operation)")
                }
            }
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(String(buffer: response.body) == OpenAPIDocument.text)
            }
        }
    }
}
