import Foundation
import GRDB
import Testing
@testable import WalletKit

/// The WAL is checkpointed on the checkpointer's own connection once it is large, never left to grow, and folded
/// into the database file when the store closes.
@Suite struct WalCheckpointerTests {
    /// A wallet file opened with a checkpointer of small thresholds, and a scratch table to fill.
    static func open(_ dir: TempDir, backgroundPages: CInt, inlinePages: CInt) throws -> (DatabasePool, WalCheckpointer) {
        try StoreFixtures.fileWallet(dir).close()
        let checkpointer = WalCheckpointer(path: dir.wallet.path, backgroundPages: backgroundPages, inlinePages: inlinePages)
        let pool = try WalletStore.openPool(dir.wallet, busyTimeout: 5, checkpointer: checkpointer)
        try pool.write { db in try db.execute(sql: "CREATE TABLE scratch (b BLOB NOT NULL)") }
        return (pool, checkpointer)
    }

    /// `count` commits of `pages` pages each (blobs of a page, so each commit appends about that many frames).
    static func fill(_ pool: DatabasePool, commits: Int, pages: Int) throws {
        for _ in 0..<commits {
            try pool.write { db in
                for _ in 0..<pages { try db.execute(sql: "INSERT INTO scratch (b) VALUES (randomblob(4000))") }
            }
        }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func aLargeWalIsCheckpointedInTheBackground() throws {
        let dir = try TempDir()
        let (pool, checkpointer) = try Self.open(dir, backgroundPages: 64, inlinePages: 1_000_000)
        let before = Self.size(dir.wallet.path)
        // ~2,000 pages (8 MB) in 40 commits: 30 times the background threshold.
        try Self.fill(pool, commits: 40, pages: 50)
        checkpointer.drain()
        #expect(checkpointer.completed > 0, "no background checkpoint ran")
        // Every frame reached the database file, so the next commit starts the WAL over.
        #expect(Self.size(dir.wallet.path) > before + 7_000_000)
        try Self.fill(pool, commits: 1, pages: 1)
        let frames = try pool.writeWithoutTransaction { db in try db.checkpoint(.passive).walFrameCount }
        #expect(frames < 64, "the WAL holds \(frames) frames after the checkpoints")
        try pool.close()
        checkpointer.close()
        // A second close (the store's, then the checkpointer's own on release) returns at once.
        checkpointer.close()
    }

    @Test func aWalThatOutgrowsTheBackgroundIsCheckpointedByTheWriter() throws {
        let dir = try TempDir()
        // The background threshold is never reached; the writer's own one is.
        let (pool, checkpointer) = try Self.open(dir, backgroundPages: 1_000_000, inlinePages: 64)
        try Self.fill(pool, commits: 40, pages: 50)
        #expect(checkpointer.completed == 0)
        #expect(Self.size(dir.wallet.path + "-wal") < 4_000_000, "the WAL grew to \(Self.size(dir.wallet.path + "-wal")) bytes")
        try pool.close()
        checkpointer.close()
    }

    @Test func closingTheStoreLeavesTheDatabaseFileComplete() throws {
        let dir = try TempDir()
        try StoreFixtures.fileWallet(dir).close()
        let store = try WalletStore.open(at: dir.wallet, network: .mainnet)
        // Below the background threshold (no checkpoint runs before close), and a reader connection in use.
        try store.write { db in
            try db.execute(sql: "CREATE TABLE scratch (b BLOB NOT NULL)")
            for _ in 0..<1_000 { try db.execute(sql: "INSERT INTO scratch (b) VALUES (randomblob(4000))") }
        }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scratch") } == 1_000)
        #expect(Self.size(dir.wallet.path + "-wal") > 4_000_000)
        try store.close()
        // The database file copied alone, without its -wal, holds everything.
        let copy = dir.url.appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(at: dir.wallet, to: copy)
        let alone = try DatabaseQueue(path: copy.path)
        #expect(try alone.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scratch") } == 1_000)
        try alone.close()
        let reopened = try WalletStore.open(at: dir.wallet, network: .mainnet)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scratch") } == 1_000)
        try reopened.close()
    }
}
