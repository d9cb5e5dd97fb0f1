import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A database on a PostgreSQL server, through postgres-nio: for a district where one machine is
/// not enough. The same tables as SQLite. Every write transaction first takes one
/// transaction-level advisory lock, so writes are serialised exactly as SQLite's are and a
/// read-then-write (the next draft version, the next history hash) can never race; reads run
/// unlocked on a repeatable-read snapshot. A few connections are kept open and reused; one that
/// the server dropped is replaced on its next use.
///
/// The store interface is synchronous, like GRDB's: callers run it off the event loops (the web
/// service on its blocking pool, the commands on their own thread), and each call waits for its
/// answer from postgres-nio's event loop.
package final class PostgresBackend: SQLDatabase {
    let location: PostgresLocation
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    let group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    /// Idle connections, and how many more may be opened.
    let idle = NIOLockedValueBox<[PostgresConnection]>([])
    let slots: DispatchSemaphore
    let nextID = NIOLockedValueBox(0)

    package var dialect: SQLDialect { .postgres }
    package var description: String { location.redacted }
    /// The advisory lock every write holds: "kaohe" in ASCII.
    static let writeLock: Int64 = 0x6B616F6865

    package init(_ location: PostgresLocation, connections: Int = 4) throws(StorageError) {
        self.location = location
        var logger = Logger(label: "kaohe.postgres")
        logger.logLevel = .critical
        self.logger = logger
        slots = DispatchSemaphore(value: max(1, connections))
        if let folder = location.socketFolder {
            configuration = .init(unixSocketPath: "\(folder)/.s.PGSQL.\(location.port)", username: location.user,
                                  password: location.password, database: location.database)
        } else {
            var tls = PostgresConnection.Configuration.TLS.disable
            if location.tls {
                do { tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration())) } catch {
                    throw StorageError("cannot set up TLS for \(location.redacted): \(error)")
                }
            }
            configuration = .init(host: location.host, port: location.port, username: location.user,
                                  password: location.password, database: location.database, tls: tls)
        }
        // Fail now, with a message, rather than at the first request.
        do {
            try withConnection { connection in try Self.run(connection, "SELECT 1", [], logger) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError("cannot reach \(location.redacted): \(Self.describe(error))")
        }
    }

    deinit {
        for connection in idle.withLockedValue({ $0 }) { try? connection.close().wait() }
    }

    package func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL READ COMMITTED", lock: true, body)
    }

    package func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
    }

    package func migrate(_ schema: SQLSchema) throws {
        try write { sql in
            try sql.execute("CREATE TABLE IF NOT EXISTS kaohe_migrations (identifier TEXT PRIMARY KEY)", [])
            let applied = Set(try sql.fetch("SELECT identifier FROM kaohe_migrations", []).map { $0[text: "identifier"] })
            for migration in schema.migrations where !applied.contains(migration.name) {
                for statement in SQLSchema.statements(migration.sql, for: .postgres) { try sql.execute(statement, []) }
                try sql.execute("INSERT INTO kaohe_migrations (identifier) VALUES (?)", migration.name)
            }
        }
    }

    /// Runs one statement outside any transaction (`CREATE DATABASE` cannot run inside one).
    package func execute(outsideTransaction sql: String) throws {
        try withConnection { connection in try Self.run(connection, sql, [], logger) }
    }

    func transaction<T>(_ begin: String, lock: Bool, _ body: (any SQLTransaction) throws -> T) throws -> T {
        try withConnection { connection in
            let logger = self.logger
            try Self.run(connection, begin, [], logger)
            do {
                if lock { try Self.run(connection, "SELECT pg_advisory_xact_lock(\(Self.writeLock))", [], logger) }
                let value = try body(Transaction(connection: connection, logger: logger))
                try Self.run(connection, "COMMIT", [], logger)
                return value
            } catch {
                _ = try? Self.run(connection, "ROLLBACK", [], logger)
                throw error
            }
        }
    }

    /// Lends a connection (waiting for one when all are busy), opening one when none is idle.
    @discardableResult
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        let connection: PostgresConnection
        if let reused = idle.withLockedValue({ $0.popLast() }), !reused.isClosed {
            connection = reused
        } else {
            let id = nextID.withLockedValue { id in
                id += 1
                return id
            }
            do {
                connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger).wait()
            } catch {
                throw StorageError("cannot connect to \(location.redacted): \(Self.describe(error))")
            }
        }
        defer {
            if connection.isClosed { _ = try? connection.close().wait() } else { idle.withLockedValue { $0.append(connection) } }
        }
        return try body(connection)
    }

    /// Runs one statement and waits for all its rows.
    @discardableResult
    static func run(_ connection: PostgresConnection, _ sql: String, _ arguments: [SQLValue], _ logger: Logger) throws(StorageError) -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            }
        }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: numbered(sql), binds: bindings), logger: logger).wait()
        } catch {
            throw StorageError("the PostgreSQL server refused a statement: \(describe(error))")
        }
    }

    /// `?` placeholders as PostgreSQL's `$1`, `$2`, …, leaving quoted text alone.
    static func numbered(_ sql: String) -> String {
        var result = ""
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// What went wrong, from the server's own message; never the statement's arguments (a
    /// password hash or a session digest may be among them).
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo, let message = info[.message] {
            return "\(message) (SQLSTATE \(info[.sqlState] ?? "?"))"
        }
        if error.code == .connectionError {
            return "no PostgreSQL server answered there (\(error.underlying.map { "\($0)" } ?? "no answer")); check the host and port in --db, "
                + "and that the server is running and accepts TCP connections"
        }
        return "\(error.code)"
    }

    struct Transaction: SQLTransaction {
        let connection: PostgresConnection
        let logger: Logger

        func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
            try PostgresBackend.run(connection, sql, arguments, logger).metadata.rows ?? 0
        }

        func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            try PostgresBackend.run(connection, sql, arguments, logger).map { row in
                var values: [String: SQLValue] = [:]
                for cell in row { values[cell.columnName] = Self.value(cell) }
                return SQLRow(values)
            }
        }

        static func value(_ cell: PostgresCell) -> SQLValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map(SQLValue.integer) ?? .null
            default: return (try? cell.decode(String.self)).map(SQLValue.text) ?? .null
            }
        }
    }
}
