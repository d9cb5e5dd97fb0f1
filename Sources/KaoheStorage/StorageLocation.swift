/// Opens the database a `--db` value names: a `postgres://` address, or else an SQLite file
/// (created on first use).
package enum StorageLocation {
    package static func open(_ location: String) throws(StorageError) -> any SQLDatabase {
        if PostgresLocation.isPostgres(location) { return try PostgresBackend(try PostgresLocation(location)) }
        return try SQLiteBackend(path: location)
    }
}
