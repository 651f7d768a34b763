import Foundation
import Logging
import WalletKit

/// Keeps a wallet store in step with a Kaspa node (product.md §6). One actor owns the connection's life cycle:
/// connect (network, UTXO index, sync state), subscribe every watched address in batches, reconcile the store
/// with a UTXO snapshot taken after subscribing, then apply notifications in order, coalescing bursts into one
/// store transaction. It follows the wallet's own transactions to acceptance (VirtualChainChanged accepted ids)
/// or gives them up after a timeout, undoes acceptances a reorg takes back, and on a lost connection retries
/// with jittered exponential backoff and resyncs; the snapshot reconcile makes a resync idempotent, so nothing
/// is lost or counted twice.
///
/// Why it is exact: every notification received after the `.connected` marker of a connection is applied in
/// order after the snapshot, and everything before the marker is dropped (the snapshot, asked later, already
/// contains it). For any UTXO the last event wins, and that event is never older than the snapshot.
public actor SyncEngine {
    public struct Options: Sendable {
        public var backoff = Backoff()
        /// Addresses per snapshot request and reconcile transaction (also the `syncing n%` step).
        public var snapshotBatchSize = 1000
        /// Most UTXO changes written in one store transaction.
        public var maxChangesPerWrite = 50_000
        /// How often new addresses, maturity, overdue transactions and expired reservations are looked at.
        public var tickInterval: Duration = .seconds(1)
        /// Seconds after which a transaction the node has not accepted is given up (its UTXOs spendable again).
        public var transactionTimeout: Double = 600
        /// Seconds accepted transactions are followed for reorgs.
        public var keepAccepted: Double = 3600
        /// Queued notifications above which the state is `.behind(.catchingUp)`.
        public var behindThreshold = 10_000
        public var requireUtxoIndex = true
        public init() {}
    }

    enum Inbound: Sendable {
        case node(NodeEvent)
        case tick
    }

    public nonisolated let network: Network
    public nonisolated let client: NodeClient
    public nonisolated let store: WalletStore
    let options: Options
    let clock: any SyncClock
    let logger: Logger

    public internal(set) var state: SyncState = .connecting
    /// The node's virtual DAA score as last heard.
    public internal(set) var virtualDaaScore: UInt64 = 0
    public internal(set) var serverInfo: ServerInfo?
    var observers: [UUID: AsyncStream<SyncState>.Continuation] = [:]

    let inbox = Inbox<Inbound>(coalesce: { last, new in
        if case .tick = last, case .tick = new { true } else { false }
    })
    private var pump: Task<Void, Never>?
    private var ticker: Task<Void, Never>?
    private var running = false
    /// The client's event stream ended (the client was closed): nothing more will come.
    private var eventsEnded = false

    /// Watched addresses (subscribed) and the highest address row id loaded.
    var watched: [Address] = []
    /// Each watched address with its row id and text as the store keeps them (so notifications need no
    /// re-encoding, and the store finds their owners by id).
    var watchedNames: [Address: WatchedAddress] = [:]
    var lastAddressId: Int64 = 0
    var tracker = TransactionTracker()
    var globalSubscriptions = false
    var maturityScore: UInt64 = 0
    var nodeSynced = true
    var lastReservationPurge: Double = 0

    public init(client: NodeClient, store: WalletStore, options: Options = Options(), clock: any SyncClock = SystemSyncClock(),
                logger: Logger = Logger(label: "kasfleet.sync", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.client = client
        self.store = store
        network = store.network
        self.options = options
        self.clock = clock
        self.logger = logger
    }

    public nonisolated var endpoint: NodeEndpoint { client.endpoint }
    /// True once the client's event stream has ended (the client was closed).
    var isFinished: Bool { eventsEnded }
    public var watchedAddressCount: Int { watched.count }
    /// Transactions of ours not accepted yet.
    public var pendingTransactionCount: Int { tracker.pendingCount }

    // MARK: observing

    /// The state now, then every change (newest 100 kept for a slow reader). Any number of observers.
    public func stateUpdates() -> AsyncStream<SyncState> {
        let (stream, sink) = AsyncStream<SyncState>.makeStream(bufferingPolicy: .bufferingNewest(100))
        let id = UUID()
        observers[id] = sink
        sink.yield(state)
        sink.onTermination = { [weak self] _ in Task { await self?.removeObserver(id) } }
        return stream
    }

    private func removeObserver(_ id: UUID) { observers[id] = nil }

    func set(_ new: SyncState) {
        guard new != state else { return }
        if new.kind != state.kind { logger.info("sync state", metadata: ["state": "\(new)"]) }
        state = new
        for sink in observers.values { sink.yield(new) }
    }

    /// Waits until the state satisfies `predicate` (or `seconds` pass: then false).
    public func waitUntil(seconds: Double, _ predicate: @Sendable (SyncState) -> Bool) async -> Bool {
        if predicate(state) { return true }
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
        while ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
            if predicate(state) { return true }
        }
        return false
    }

    // MARK: running

    /// Runs until the task is cancelled: connects, syncs, applies notifications, reconnects after a loss.
    /// Throws only what retrying cannot cure (wrong network, no UTXO index, a damaged wallet file).
    public func run() async throws {
        guard !running else { return }
        running = true
        startPumps()
        defer { running = false }
        var attempt = 0
        while !Task.isCancelled {
            do {
                _ = try await connectAndSync()
                attempt = 0
                try await live()
            } catch {
                if Task.isCancelled || error is CancellationError { break }
                guard Self.isRetryable(error) else {
                    await shutdown()
                    throw error
                }
                await client.disconnect()
                let delay = options.backoff.delay(attempt: attempt)
                attempt += 1
                set(.offline(reason: Self.reason(error), retryIn: delay))
                logger.warning("sync interrupted", metadata: ["error": "\(error)", "retryIn": "\(delay)"])
                do { try await clock.sleep(for: delay) } catch { break }
            }
        }
        await shutdown()
    }

    /// Connects, subscribes and reconciles the store with the node's snapshot, applies what arrived meanwhile,
    /// and returns. The connection stays open (call `shutdown()`, or `run()` to go on).
    public func syncOnce() async throws -> SyncSummary {
        startPumps()
        let summary = try await connectAndSync()
        try await applyQueued()
        return summary
    }

    /// Stops the background tasks and closes the connection.
    public func shutdown() async {
        pump?.cancel()
        ticker?.cancel()
        pump = nil
        ticker = nil
        inbox.wake()
        await client.disconnect()
        for sink in observers.values { sink.finish() }
        observers = [:]
    }

    /// Follows a transaction of ours just broadcast (the Sender calls this) until it is accepted or given up.
    public func track(_ id: TransactionID, inputs: [Outpoint]) throws {
        try follow(id, inputs: inputs, at: clock.now())
    }

    /// Asks the engine to look for new addresses (and the rest of its periodic work) now, not at the next tick.
    public nonisolated func poke() { inbox.push(.tick) }

    static func isRetryable(_ error: any Error) -> Bool {
        if let e = error as? NodeError {
            switch e {
            case .wrongNetwork, .noUtxoIndex, .badEndpoint: return false
            default: return true
            }
        }
        if let e = error as? StoreError, case .busy = e { return true }
        return false
    }

    static func reason(_ error: any Error) -> String {
        if let e = error as? NodeError {
            switch e {
            case .unreachable(_, let detail), .disconnected(_, let detail): return detail
            case .timeout(_, let call, _): return "\(call) timed out"
            default: return e.description
            }
        }
        return "\(error)"
    }

    // MARK: inbox

    private func startPumps() {
        if pump == nil {
            let events = client.events, inbox = self.inbox
            pump = Task { [weak self] in
                for await event in events {
                    guard self != nil else { return }
                    inbox.push(.node(event))
                }
                await self?.endOfEvents()
            }
        }
        if ticker == nil {
            let clock = self.clock, interval = options.tickInterval, inbox = self.inbox
            ticker = Task { [weak self] in
                while !Task.isCancelled {
                    guard (try? await clock.sleep(for: interval)) != nil, self != nil else { return }
                    inbox.push(.tick)
                }
            }
        }
    }

    private func endOfEvents() {
        eventsEnded = true
        inbox.wake()
    }

    /// Everything queued, waiting for at least one item (returns empty when cancelled or the events ended).
    func takeInbox() async -> [Inbound] {
        while true {
            let items = inbox.takeAll()
            if !items.isEmpty { return items }
            if Task.isCancelled || pump == nil || eventsEnded { return [] }
            await inbox.wait()
        }
    }

    /// Drops queued items up to and including the `.connected` event of the connection just made.
    func dropUntilConnected() async throws {
        while !inbox.drop(through: { if case .node(.connected) = $0 { true } else { false } }) {
            try Task.checkCancellation()
            if pump == nil || eventsEnded { throw CancellationError() }
            await inbox.wait()
        }
    }
}
