import Foundation

/// A `postgres://user:password@host:port/database?sslmode=…` address, as libpq writes it. Only the
/// parts Kaohe uses: `sslmode` is `disable` (the default, for a server on the same machine or a
/// private network) or `require`/`verify-full` (TLS, with the server's certificate checked);
/// `host=/path` in the query names a Unix socket folder.
package struct PostgresLocation: Sendable, Equatable {
    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String
    package var tls: Bool
    package var socketFolder: String?

    /// True for an address this type reads (`postgres://` or `postgresql://`).
    package static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    package init(_ text: String) throws(StorageError) {
        guard Self.isPostgres(text), let url = URLComponents(string: text) else {
            throw StorageError("'\(Self.redacted(text))' is not a PostgreSQL address; write postgres://USER@HOST:PORT/DATABASE")
        }
        host = url.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = url.port ?? 5432
        user = url.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = url.password.flatMap { $0.removingPercentEncoding }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        tls = false
        for item in url.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("sslmode", "disable"): tls = false
            case ("sslmode", "require"), ("sslmode", "verify-full"): tls = true
            case ("sslmode", let mode):
                throw StorageError("sslmode=\(mode) is not supported; use sslmode=disable or sslmode=require (TLS, certificate checked)")
            case ("host", let folder) where folder.hasPrefix("/"): socketFolder = folder
            case (let name, _):
                throw StorageError("unknown setting '\(name)' in the PostgreSQL address; Kaohe reads sslmode and host")
            }
        }
    }

    /// The address with its password replaced by `***`, for messages and logs.
    package var redacted: String {
        let where_ = socketFolder.map { "?host=\($0)" } ?? ""
        return "postgres://\(user)\(password == nil ? "" : ":***")@\(socketFolder == nil ? "\(host):\(port)" : "")/\(database)\(where_)"
    }

    /// The address written back, password included (for a child process's `--db`).
    package var url: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.password = password
        components.host = socketFolder == nil ? host : ""
        components.port = socketFolder == nil ? port : nil
        components.path = "/" + database
        var query: [URLQueryItem] = []
        if tls { query.append(URLQueryItem(name: "sslmode", value: "require")) }
        if let socketFolder { query.append(URLQueryItem(name: "host", value: socketFolder)) }
        components.queryItems = query.isEmpty ? nil : query
        return components.string ?? redacted
    }

    /// `text` with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
