import HTTPTypes
import Hummingbird

/// The headers every answer carries (SPEC §12): no script or resource from anywhere but this
/// server, no framing, no MIME sniffing, no referrer outside the site, and no caching of pages
/// that hold a unit's data.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        if let referrer = HTTPField.Name("Referrer-Policy") { response.headers[referrer] = "same-origin" }
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
