import Foundation
import Hummingbird
import KaoheCore
import KaoheServer

/// Reading requests and writing answers for the API and the pages.
enum WebRequest {
    /// The session cookie's name.
    static let cookie = "kaohe_session"
    /// The largest body accepted: a self-assessment of 1 MB (SPEC §12).
    static let maxBody = 1 << 20

    /// The body as UTF-8 text, refused (413) past `maxBody` and (400) when it is not UTF-8.
    static func text(_ request: inout Request) async throws(ServiceError) -> String {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBody { throw .tooLarge }
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: maxBody) } catch { throw .tooLarge }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else { throw .invalid("the request body is not UTF-8 text") }
        return text
    }

    /// A JSON object body's fields (strings only, for the API's small requests).
    static func fields(_ request: inout Request) async throws(ServiceError) -> [String: String] {
        let text = try await text(&request)
        var parser = JSONNodeParser(text: text, path: "request", firstLine: 1)
        guard let node = try? parser.parseDocument(), let pairs = node.mapping else { throw .invalid("expected a JSON object") }
        var fields: [String: String] = [:]
        for pair in pairs { if let key = pair.key.scalar, let value = pair.value.scalar, !pair.value.isNull { fields[key] = value } }
        return fields
    }

    /// A header's value by its lower-case name.
    static func header(_ request: Request, _ name: String) -> String? {
        request.headers.first { $0.name.canonicalName == name }?.value
    }

    /// The session token of the request's cookie.
    static func token(_ request: Request) -> String? {
        request.cookies[cookie]?.value
    }

    /// The signed-in actor behind the request's session cookie (401 without one), for the API and the pages alike.
    static func signedIn(_ request: Request, _ service: KaoheService) async throws(ServiceError) -> Actor {
        guard let token = token(request) else { throw ServiceError.unauthorized }
        return try await offload { () throws(ServiceError) in try service.authenticate(token: token) }
    }

    /// Runs a service operation off the server's event loops (the store blocks on the database).
    static func offload<T: Sendable>(_ body: @escaping @Sendable () throws(ServiceError) -> T) async throws(ServiceError) -> T {
        let result: Result<T, ServiceError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(ServiceError) -> T in try body() })
            }
        }
        return try result.get()
    }

    /// A file to take away: `text` as `type`, saved under `filename` (non-ASCII characters are
    /// given in the RFC 5987 form and replaced by `_` in the plain one).
    static func download(_ text: String, type: String, filename: String) -> Response {
        let ascii = filename.unicodeScalars.map { $0.isASCII && $0 != "\"" ? String($0) : "_" }.joined()
        var disposition = "attachment; filename=\"\(ascii)\""
        if ascii != filename, let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
            disposition += "; filename*=UTF-8''\(encoded)"
        }
        var headers: HTTPFields = [.contentType: type]
        headers[.contentDisposition] = disposition
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A JSON answer.
    static func json(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A refusal as JSON: `{"error": "…"}` with its status.
    static func failure(_ error: ServiceError) -> Response {
        json("{\"error\": \(JSONText.quote(error.message))}\n", status: HTTPResponse.Status(code: error.status))
    }
}
