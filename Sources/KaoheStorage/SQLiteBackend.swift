import Foundation
import GRDB

/// A database in one SQLite file, through GRDB: the embedded default. Opening refuses a file
/// that is not SQLite, a damaged one, or another program's database, without touching it.
/// Writes are serialised by SQLite (a second writer waits up to 30 seconds).
package final class SQLiteBackend: SQLDatabase {
    let queue: DatabaseQueue
    package let description: String
    package var dialect: SQLDialect { .sqlite }

    package init(path: String) throws(StorageError) {
        description = path
        try Self.refuseForeign(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true

        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let check = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
            guard check == "ok" else { throw StorageError("\(path): the database file is damaged (\(check ?? "?")); restore it from a backup") }
            let tables = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            }
            // GRDB's migrator makes its bookkeeping table before (not in) the first migration's
            // transaction: a file whose only table is that one is a new ledger whose first run
            // was stopped at that moment (killed, power lost), and migrating it carries on.
            if !tables.allSatisfy({ $0 == "grdb_migrations" }) && !tables.contains("kaohe_meta") {
                throw StorageError("\(path) is an SQLite database but not Kaohe's (tables: \(tables.joined(separator: ", "))); choose another --db file")
            }
            // Ours: write-ahead logging, so a commit appends to the log with one sync instead of
            // journalling and rewriting pages; `synchronous = FULL` keeps every answered commit on disk.
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError("\(path): cannot open the database: \(error)")
        }
    }

    /// A file that exists must start with SQLite's header; anything else is not ours to open.
    static func refuseForeign(_ path: String) throws(StorageError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StorageError("\(path): cannot read the database file") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw StorageError("\(path) is not a Kaohe database (not an SQLite file); it was left untouched — choose another --db file")
        }
    }

    package func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try queue.write { db in try body(Transaction(db: db)) }
    }

    package func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try queue.read { db in try body(Transaction(db: db)) }
    }

    /// Through GRDB's migrator, so files made before this interface existed carry on as they are.
    package func migrate(_ schema: SQLSchema) throws {
        var migrator = DatabaseMigrator()
        for migration in schema.migrations {
            migrator.registerMigration(migration.name) { db in
                for statement in SQLSchema.statements(migration.sql, for: .sqlite) { try db.execute(sql: statement) }
            }
        }
        try migrator.migrate(queue)
    }

    struct Transaction: SQLTransaction {
        let db: GRDB.Database

        func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
            try db.execute(sql: sql, arguments: Self.arguments(arguments))
            return db.changesCount
        }

        func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)).map { row in
                var values: [String: SQLValue] = [:]
                for (column, value) in row {
                    values[column] = switch value.storage {
                    case .int64(let number): .integer(number)
                    case .string(let text): .text(text)
                    case .double(let number): .integer(Int64(number))
                    case .null, .blob: .null
                    }
                }
                return SQLRow(values)
            }
        }

        static func arguments(_ values: [SQLValue]) -> StatementArguments {
            StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: nil
                case .integer(let number): number
                case .text(let text): text
                }
            })
        }
    }
}
