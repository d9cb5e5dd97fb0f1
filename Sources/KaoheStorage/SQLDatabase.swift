/// The two SQL dialects the stores are written for. Statements are written once, with `?` for
/// each argument, in the SQL both accept; only table definitions differ (`SQLSchema`).
package enum SQLDialect: Sendable {
    case sqlite, postgres
}

/// One transaction's statements. Exists only inside `SQLDatabase.write` or `read`.
package protocol SQLTransaction {
    /// Runs a statement; returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
    /// Runs a query and returns every row.
    func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
}

extension SQLTransaction {
    /// Runs a statement with Swift values for its `?`s.
    @discardableResult
    package func execute(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> Int {
        try execute(sql, arguments.map(\.sqlValue))
    }

    /// Every row of a query with Swift values for its `?`s.
    package func fetch(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> [SQLRow] {
        try fetch(sql, arguments.map(\.sqlValue))
    }

    /// The first row of a query, if any.
    package func fetchOne(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> SQLRow? {
        try fetch(sql, arguments.map(\.sqlValue)).first
    }
}

/// A database the ledger and the web service keep their tables in. Every `write` is one
/// transaction, serialised with every other write (SQLite by its lock, PostgreSQL by a
/// transaction-level advisory lock), so a read-then-write inside it can never race another; a
/// failure rolls it back whole. `read` sees one consistent snapshot.
package protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }
    /// Where the data is, for messages; never includes a password.
    var description: String { get }
    @discardableResult
    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T
    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T
    /// Applies the schema's migrations not yet applied, in order, each in its transaction.
    func migrate(_ schema: SQLSchema) throws
}
