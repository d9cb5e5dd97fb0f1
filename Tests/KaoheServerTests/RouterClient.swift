import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Synchronization

/// Requests handed straight to the web service's router, no socket in between: what a browser's
/// or a script's requests become once Hummingbird has read them. (Hummingbird's own testing
/// library does the same, but brings an HTTP client and its TLS stack into every build.)
struct RouterClient: Sendable {
    let responder: RouterResponder<BasicRequestContext>

    /// Runs `body` with a client of `router`.
    static func test<T>(_ router: Router<BasicRequestContext>, _ body: (RouterClient) async throws -> T) async throws -> T {
        try await body(RouterClient(responder: router.buildResponder()))
    }

    /// One request; `check` reads the response.
    @discardableResult
    func execute<T>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                    _ check: (TestResponse) async throws -> T) async throws -> T {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
                              body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: NIOAsyncTestingChannel(), logger: Logger(label: "test")))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = Response(status: error.status)
        } catch {
            response = Response(status: .internalServerError)
        }
        let collected = Collected()
        try await response.body.write(Writer(collected: collected))
        return try await check(TestResponse(head: response.head, body: collected.buffer.withLock { $0 }))
    }

    /// One request whose response is not looked at.
    @discardableResult
    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> TestResponse {
        try await execute(uri: uri, method: method, headers: headers, body: body) { $0 }
    }

    /// A response as a test reads it.
    struct TestResponse: Sendable {
        let head: HTTPResponse
        let body: ByteBuffer
        var status: HTTPResponse.Status { head.status }
        var headers: HTTPFields { head.headerFields }
    }

    final class Collected: Sendable {
        let buffer = Mutex(ByteBuffer())
    }

    struct Writer: ResponseBodyWriter {
        let collected: Collected

        func write(_ buffer: ByteBuffer) async throws {
            collected.buffer.withLock { _ = $0.writeImmutableBuffer(buffer) }
        }

        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
