import Hummingbird
import KaoheServer

/// `kaohe serve`: the pages and the JSON API over one ``KaoheService``.
package enum WebServer {
    /// Every route, with the security headers on every answer.
    package static func router(_ service: KaoheService) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        APIRoutes(service: service).add(to: router)
        PageRoutes(service: service).add(to: router)
        return router
    }

    /// The application listening on `host`:`port`.
    package static func application(_ service: KaoheService, host: String, port: Int) -> some ApplicationProtocol {
        Application(router: router(service), configuration: .init(address: .hostname(host, port: port), serverName: "kaohe"))
    }
}
