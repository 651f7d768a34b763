import Foundation
import GRDB

/// One wallet file (product.md §5): a SQLite database in WAL mode opened through a GRDB `DatabasePool`, file
/// mode 0600, named migrations. Every change is one write transaction; a second process waits up to
/// `busyTimeout` for the write lock, then gets `StoreError.busy` (never a lost or half-written change).
public final class WalletStore: Sendable {
    public static let fileName = "wallet.sqlite"
    public static let defaultBusyTimeout: Double = 5

    /// The database file (nil for an in-memory store).
    public let url: URL?
    public let network: Network
    let writer: any DatabaseWriter
    let busyTimeout: Double
    let clock: @Sendable () -> Date
    /// Address owners for the sync write path (see `AddressDirectory`).
    let addressDirectory = AddressDirectory()
    /// Checkpoints the WAL off the writer's path (nil for an in-memory store).
    let checkpointer: WalCheckpointer?

    init(url: URL?, network: Network, writer: any DatabaseWriter, busyTimeout: Double, clock: @escaping @Sendable () -> Date,
         checkpointer: WalCheckpointer? = nil) {
        self.url = url
        self.network = network
        self.writer = writer
        self.busyTimeout = busyTimeout
        self.clock = clock
        self.checkpointer = checkpointer
    }

    var now: Int64 { Int64(clock().timeIntervalSince1970.rounded(.down)) }
    var path: String { url?.path ?? ":memory:" }

    // MARK: Locations

    /// `$XDG_DATA_HOME/kasfleet/<network>/` (XDG default `~/.local/share`), or `dataDir` when given.
    public static func directory(network: Network, dataDir: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dataDir { return URL(fileURLWithPath: dataDir, isDirectory: true) }
        let base: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share", isDirectory: true)
        }
        return base.appendingPathComponent("kasfleet", isDirectory: true).appendingPathComponent(network.rawValue, isDirectory: true)
    }

    public static func databaseURL(directory: URL) -> URL { directory.appendingPathComponent(fileName) }

    public static func exists(at url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    // MARK: Opening

    /// Opens an existing wallet file for `network`, applying any migrations it lacks.
    public static func open(at url: URL, network: Network, busyTimeout: Double = defaultBusyTimeout,
                            clock: @escaping @Sendable () -> Date = Date.init) throws -> WalletStore {
        guard exists(at: url) else { throw StoreError.notFound(path: url.path) }
        let checkpointer = WalCheckpointer(path: url.path)
        let pool = try openPool(url, busyTimeout: busyTimeout, checkpointer: checkpointer)
        let store = WalletStore(url: url, network: network, writer: pool, busyTimeout: busyTimeout, clock: clock, checkpointer: checkpointer)
        try store.prepareExisting()
        return store
    }

    /// An empty wallet in memory (unit tests).
    public static func inMemory(network: Network, clock: @escaping @Sendable () -> Date = Date.init) throws -> WalletStore {
        var config = Configuration()
        config.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: config)
        try Migrations.migrator.migrate(queue)
        let store = WalletStore(url: nil, network: network, writer: queue, busyTimeout: 0, clock: clock)
        try store.write { db in try store.insertMeta(db) }
        return store
    }

    static func openPool(_ url: URL, busyTimeout: Double, checkpointer: WalCheckpointer) throws -> DatabasePool {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // FULL: a commit survives power loss as well as a killed process.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Reads of large ranges (dashboard aggregates) come from a memory map and a larger page cache.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // Checkpoints once the WAL reaches 32 MB (at SQLite's default of 1000 pages, every large sync batch
            // paid for copying its pages into the database file a second time), on the checkpointer's own
            // connection, so that no commit waits for one.
            checkpointer.install(on: db)
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: config)
            restrictPermissions(url)
            return pool
        } catch {
            throw StoreError.wrap(error, path: url.path, busyTimeout: busyTimeout)
        }
    }

    /// 0600 on the database and its -wal/-shm companions (SQLite gives them the database's mode, this makes sure).
    static func restrictPermissions(_ url: URL) {
        for suffix in ["", "-wal", "-shm"] {
            chmod(url.path + suffix, 0o600)
        }
    }

    func prepareExisting() throws {
        let migrator = Migrations.migrator
        let applied: [String]
        do { applied = try writer.read { db in try migrator.appliedIdentifiers(db) }.sorted() } catch {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        }
        let known = Set(Migrations.names)
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw StoreError.newerFormat(path: path, unknownMigrations: unknown) }
        guard applied.contains("v1-wallet") else { throw StoreError.corrupted("\(path) has no Kasfleet schema") }
        if applied.count < known.count {
            do { try migrator.migrate(writer) } catch { throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout) }
        }
        let meta = try read { db in try WalletMetaRecord.fetchOne(db) }
        guard let meta else { throw StoreError.corrupted("\(path) has no wallet record (an interrupted create?)") }
        guard meta.network == network.rawValue else {
            throw StoreError.wrongNetwork(path: path, file: meta.network, requested: network.rawValue)
        }
    }

    func insertMeta(_ db: Database) throws {
        try WalletMetaRecord(formatVersion: WalletMetaRecord.currentFormat, network: network.rawValue, createdAt: now,
                             createdBy: "kasfleet \(WalletKitInfo.version)").insert(db)
    }

    // MARK: Transactions

    /// One write transaction (BEGIN IMMEDIATE): all of `body` commits, or none of it.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch { throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout) }
    }

    /// One write transaction of data the node can give again (UTXOs from sync and their maturity), committed
    /// without waiting for the disk (`synchronous = NORMAL`): a killed process loses nothing, a power loss can
    /// undo such commits (only these, and never half of one), and the next resync fetches them again. The next
    /// ordinary commit makes them durable too (one fsync of the WAL covers every frame before it). The batches
    /// the sync engine writes are several times faster this way.
    func writeRecoverable<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.writeWithoutTransaction { db in try Self.recoverableTransaction(db, body) } } catch {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// `writeRecoverable` for async callers: the transaction runs on the store's writer queue and the caller's
    /// task waits without holding a thread. (A sync batch of 50,000 UTXOs takes about a second; run on the
    /// caller's thread it held one of the few threads Swift's concurrency pool has, one per core, and the node
    /// client's decoding waited behind it.)
    func writeRecoverable<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await writer.writeWithoutTransaction { db in try Self.recoverableTransaction(db, body) } } catch {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        }
    }

    private static func recoverableTransaction<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
        var result: T?
        try db.inTransaction(.immediate) {
            result = try body(db)
            return .commit
        }
        // inTransaction ran `body` (or threw), so the result is there.
        guard let result else { throw StoreError.database("the write transaction ended without its result") }
        return result
    }

    /// A consistent read (a WAL snapshot; never blocked by a writer).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch { throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout) }
    }

    /// The migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Migrations.migrator.appliedIdentifiers(db) }.sorted { a, b in
            (Migrations.names.firstIndex(of: a) ?? 0) < (Migrations.names.firstIndex(of: b) ?? 0)
        }
    }

    /// SQLite's own consistency check ("ok" when the file is sound).
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }

    /// Closes the file, leaving the database file complete on its own (a copy of `wallet.sqlite` alone holds every
    /// commit): the WAL is copied into it first. SQLite does that on close only when the connection closed last can
    /// write, and a pool's readers cannot. PASSIVE: it never waits for another process's reader or writer (their
    /// frames are theirs to checkpoint).
    public func close() throws {
        defer { checkpointer?.close() }
        guard let pool = writer as? DatabasePool else { return }
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        try pool.close()
    }
}
