import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log into the database file on a connection and thread of its own, so that no commit
/// waits for it. SQLite's automatic checkpoint runs inside the commit that crosses its threshold: that commit
/// then also syncs the WAL, copies every frame and syncs the database file (0.15-0.5 s on this project's
/// machines), while the sync engine's next batch waits behind it. A PASSIVE checkpoint on another connection
/// takes no write lock, so commits go on while it copies (https://www.sqlite.org/wal.html, "Checkpointing").
///
/// The writer connection reports the WAL's size after each commit (`sqlite3_wal_hook`, which replaces the
/// automatic checkpoint). Past `backgroundPages` a checkpoint is queued here; past `inlinePages`, a WAL that
/// outgrew the background one (a reader holding an old snapshot, say), the committing connection checkpoints
/// itself, as SQLite would.
final class WalCheckpointer: Sendable {
    /// WAL pages (of 4 KB) at which a checkpoint is queued here: 32 MB.
    let backgroundPages: CInt
    /// WAL pages at which the committing connection checkpoints itself: 256 MB.
    let inlinePages: CInt

    private let worker: Worker

    init(path: String, backgroundPages: CInt = 8192, inlinePages: CInt = 65536) {
        worker = Worker(path: path)
        self.backgroundPages = backgroundPages
        self.inlinePages = inlinePages
    }

    /// A checkpointer dropped without `close()` still ends its thread.
    deinit { worker.close() }

    /// Checkpoints run (tests).
    var completed: Int { worker.completed }

    /// Returns once no checkpoint is asked for or running (tests).
    func drain() { worker.drain() }

    /// Makes `db` report its commits to this checkpointer (call once per connection; harmless on readers, which
    /// never commit). The connection must not outlive the checkpointer: the pool's configuration holds it.
    func install(on db: Database) {
        guard let handle = db.sqliteConnection else { return }
        sqlite3_wal_hook(handle, walHook, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Asks for a checkpoint; one already asked for covers this request too, and one running is followed by
    /// another. The first request starts the thread (a wallet that never writes much never has one).
    func request() { worker.request() }

    /// Waits for a running checkpoint and closes the connection; later requests are ignored.
    func close() { worker.close() }
}

/// The checkpoint thread and its connection. A class of its own so that the thread, which holds it, does not
/// keep the `WalCheckpointer` alive.
private final class Worker: Sendable {
    private struct State {
        var connection: DatabaseQueue?
        var thread: Thread?
        /// A checkpoint was asked for and has not started.
        var pending = false
        var running = false
        var closed = false
        /// Checkpoints run, for tests.
        var completed = 0
    }

    private let path: String
    private let state = Mutex(State())
    /// Wakes the checkpoint thread (a request or `close`).
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled by the thread as it ends.
    private let ended = DispatchSemaphore(value: 0)

    init(path: String) {
        self.path = path
    }

    var completed: Int { state.withLock { $0.completed } }

    func drain() {
        while state.withLock({ !$0.closed && ($0.pending || $0.running) }) { usleep(1_000) }
    }

    func request() {
        let start = state.withLock { s -> Bool in
            guard !s.closed else { return false }
            s.pending = true
            guard s.thread == nil else { return false }
            let thread = Thread { [self] in loop() }
            thread.name = "kasfleet.wal-checkpoint"
            s.thread = thread
            return true
        }
        if start { state.withLock { $0.thread }?.start() }
        wake.signal()
    }

    /// The checkpoint thread. Niced (Linux nice values are per thread): copying pages into the database file is
    /// upkeep, and should take the CPU the sync engine and the console leave (a checkpoint behind the writer only
    /// lets the WAL grow, up to `inlinePages`).
    private func loop() {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        while true {
            wake.wait()
            let connection = state.withLock { s -> DatabaseQueue?? in
                if s.closed { return .none }
                guard s.pending else { return .some(nil) }
                s.pending = false
                s.running = true
                if s.connection == nil {
                    var config = Configuration()
                    config.label = "kasfleet.wal-checkpoint"
                    s.connection = try? DatabaseQueue(path: path, configuration: config)
                }
                return .some(s.connection)
            }
            guard let connection else { break }
            // A failed checkpoint (the file gone, a checkpoint already running) leaves the frames to the next one.
            if let connection { _ = try? connection.inDatabase { db in try db.checkpoint(.passive) } }
            state.withLock { s in
                if s.running { s.completed += 1 }
                s.running = false
            }
        }
        let connection = state.withLock { s -> DatabaseQueue? in
            defer { s.connection = nil }
            return s.connection
        }
        try? connection?.close()
        ended.signal()
    }

    func close() {
        // Only the first close waits: the thread signals its end once.
        let waits = state.withLock { s -> Bool in
            defer { s.closed = true }
            return !s.closed && s.thread != nil
        }
        guard waits else { return }
        wake.signal()
        ended.wait()
    }
}

/// `sqlite3_wal_hook`'s callback: runs on the committing connection's thread, after the commit.
private let walHook: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, CInt) -> CInt = { context, db, name, pages in
    guard let context else { return SQLITE_OK }
    let checkpointer = Unmanaged<WalCheckpointer>.fromOpaque(context).takeUnretainedValue()
    if pages >= checkpointer.inlinePages {
        _ = sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    } else if pages >= checkpointer.backgroundPages {
        checkpointer.request()
    }
    return SQLITE_OK
}
