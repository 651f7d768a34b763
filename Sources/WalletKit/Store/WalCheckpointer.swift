import Dispatch
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

    private struct State {
        var connection: DatabaseQueue?
        var running = false
        var again = false
        var closed = false
        /// Checkpoints run, for tests.
        var completed = 0
    }

    private let path: String
    private let queue = DispatchQueue(label: "kasfleet.wal-checkpoint", qos: .utility)
    private let state = Mutex(State())

    init(path: String, backgroundPages: CInt = 8192, inlinePages: CInt = 65536) {
        self.path = path
        self.backgroundPages = backgroundPages
        self.inlinePages = inlinePages
    }

    var completed: Int { state.withLock { $0.completed } }

    /// Returns once every checkpoint requested so far has run (tests).
    func drain() { queue.sync {} }

    /// Makes `db` report its commits to this checkpointer (call once per connection; harmless on readers, which
    /// never commit). The connection must not outlive the checkpointer: the pool's configuration holds it.
    func install(on db: Database) {
        guard let handle = db.sqliteConnection else { return }
        sqlite3_wal_hook(handle, walHook, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Queues a checkpoint; one already queued or running covers this request too (it runs again once done).
    func request() {
        let start = state.withLock { s -> Bool in
            guard !s.closed else { return false }
            if s.running {
                s.again = true
                return false
            }
            s.running = true
            return true
        }
        if start { queue.async { self.run() } }
    }

    private func run() {
        while true {
            let connection = state.withLock { s -> DatabaseQueue? in
                if s.connection == nil, !s.closed {
                    var config = Configuration()
                    config.label = "kasfleet.wal-checkpoint"
                    s.connection = try? DatabaseQueue(path: path, configuration: config)
                }
                return s.closed ? nil : s.connection
            }
            // A failed checkpoint (the file gone, a checkpoint already running) leaves the frames to the next one.
            if let connection { _ = try? connection.inDatabase { db in try db.checkpoint(.passive) } }
            let more = state.withLock { s -> Bool in
                s.completed += 1
                if s.again, !s.closed {
                    s.again = false
                    return true
                }
                s.running = false
                return false
            }
            if !more { return }
        }
    }

    /// Waits for a running checkpoint and closes the connection; later requests are ignored.
    func close() {
        queue.sync {
            let connection = state.withLock { s -> DatabaseQueue? in
                s.closed = true
                defer { s.connection = nil }
                return s.connection
            }
            try? connection?.close()
        }
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
