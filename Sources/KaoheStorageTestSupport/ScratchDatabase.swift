import Foundation
import KaoheStorage

/// A fresh, empty database for one test: an SQLite file in a temporary folder, or a new database
/// on the configured PostgreSQL server. Removed when the test lets go of it.
package final class ScratchDatabase: Sendable {
    package let backend: Backend
    /// What `--db` would say for it: the file's path or the `postgres://` address.
    package let location: String
    let folder: URL
    let name: String

    package init(_ backend: Backend) throws {
        self.backend = backend
        name = "kaohe_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        switch backend {
        case .sqlite:
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            location = folder.appendingPathComponent("kaohe.db").path
        case .postgres:
            guard let server = Backend.postgresServer else { throw StorageError("KAOHE_TEST_POSTGRES is not set") }
            let admin = try PostgresBackend(try PostgresLocation(server), connections: 1)
            try admin.execute(outsideTransaction: "CREATE DATABASE \(name)")
            var address = try PostgresLocation(server)
            address.database = name
            location = address.url
        }
    }

    deinit {
        switch backend {
        case .sqlite:
            try? FileManager.default.removeItem(at: folder)
        case .postgres:
            guard let server = Backend.postgresServer, let location = try? PostgresLocation(server),
                  let admin = try? PostgresBackend(location, connections: 1) else { return }
            try? admin.execute(outsideTransaction: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }
}

extension ScratchDatabase {
    /// The database opened as `kaohe` opens a `--db` value, keeping this scratch database alive
    /// for as long as the store that uses it.
    package func open() throws -> any SQLDatabase { Held(base: try StorageLocation.open(location), scratch: self) }

    /// A database that holds on to its scratch database and forwards everything else.
    struct Held: SQLDatabase {
        let base: any SQLDatabase
        let scratch: ScratchDatabase
        var dialect: SQLDialect { base.dialect }
        var description: String { base.description }
        func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try base.write(body) }
        func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try base.read(body) }
        func migrate(_ schema: SQLSchema) throws { try base.migrate(schema) }
    }
}
