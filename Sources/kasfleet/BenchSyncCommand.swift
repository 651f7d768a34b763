import ArgumentParser
import Dispatch
import Foundation
import Sync
import WalletKit

/// `kasfleet bench sync --addresses N --utxo-changes M --json`: a wallet file with N watched addresses and the
/// sync engine connected to an in-process devnet node over loopback gRPC. Times: the first sync (subscribing
/// every address in batches and the snapshot), then M UTXO changes the node pushes as UtxosChanged
/// notifications (funding batches of 1000 outputs to random watched addresses) until every one is in the store
/// through the engine's coalesced store transactions, then a resync (reconnect + snapshot reconcile of M UTXOs),
/// then M more changes whose notifications the node built before the clock started (the wallet's ingest alone).
struct BenchSync: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Time the sync engine: subscribe N addresses, apply M UTXO changes.")

    @Option(help: "Watched addresses.")
    var addresses: Int = 10_000

    @Option(name: .customLong("utxo-changes"), help: "UTXO changes pushed by the node.")
    var utxoChanges: Int = 100_000

    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Report: Encodable {
        let benchmark = "sync"
        let addresses: Int
        let utxoChanges: Int
        let subscribeAndSnapshotSeconds: Double
        let seconds: Double
        let changesPerSecond: Double
        let resyncSeconds: Double
        let resyncUtxosPerSecond: Double
        /// M more changes, the node's notifications built (not yet encoded) before the clock: what the client's
        /// decoding, the engine and the store take, without the in-process node's own work on the same cores.
        let ingestSeconds: Double
        let ingestChangesPerSecond: Double
        /// The same number of changes written straight into the store (no node, no gRPC, no engine).
        let storeChangesPerSecond: Double
    }

    func validate() throws {
        guard (1...1_000_000).contains(addresses) else { throw ValidationError("--addresses must be between 1 and 1000000") }
        guard (1...10_000_000).contains(utxoChanges) else { throw ValidationError("--utxo-changes must be between 1 and 10000000") }
    }

    func run() throws {
        try runReporting {
            let (n, m) = (addresses, utxoChanges)
            let report = try blocking { try await Self.measure(addresses: n, changes: m) }
            if json { return try Console.json(report) }
            Console.out("""
                \(n) addresses subscribed and synced in \(String(format: "%.3f", report.subscribeAndSnapshotSeconds)) s
                \(m) UTXO changes into the store in \(String(format: "%.3f", report.seconds)) s (\(Int(report.changesPerSecond)) changes/s)
                resync of \(m) UTXOs in \(String(format: "%.3f", report.resyncSeconds)) s (\(Int(report.resyncUtxosPerSecond)) UTXOs/s)
                \(m) more, the node's load built first: \(String(format: "%.3f", report.ingestSeconds)) s (\(Int(report.ingestChangesPerSecond)) changes/s)
                the store alone: \(Int(report.storeChangesPerSecond)) changes/s
                """)
        }
    }

    static func measure(addresses n: Int, changes m: Int) async throws -> Report {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-bench-sync-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let master = try ExtendedPrivateKey(seed: Mnemonic.random().seed())
        let store = try WalletStore.create(at: WalletStore.databaseURL(directory: dir), network: .devnet, password: SecretBytes(Array("bench".utf8)),
                                           source: .masterKey(master), kdf: .insecureForTests)
        try StoreBenchmark.fill(store, counts: .init(machines: n, groups: 10, utxos: 0, ledgerEntries: 0),
                                account: try Bip32Account(master: master, account: 7), now: Int64(Date().timeIntervalSince1970))
        let watched = try store.watchedAddresses().compactMap { try? Address($0) }
        let node = DevnetNode()
        // The node is the load here: sized for what it will hold, so its own growth is not timed.
        await node.reserveUtxoCapacity(utxos: 2 * m, scripts: n)
        let port = try await node.startServing(host: "127.0.0.1", port: 0)
        let client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port))
        var options = SyncEngine.Options()
        options.tickInterval = .milliseconds(200)
        let engine = SyncEngine(client: client, store: store, options: options)
        let runner = Task { try await engine.run() }
        defer { runner.cancel() }

        let t0 = DispatchTime.now().uptimeNanoseconds
        guard await engine.waitUntil(seconds: 600, { $0.isSynced }) else { throw CLIError.badData("the engine did not sync within 10 minutes") }
        let t1 = DispatchTime.now().uptimeNanoseconds

        // The load's own cost kept small: the system generator asks the kernel for every number.
        var rng = SplitMix64(seed: UInt64.random(in: .min ... .max))
        /// The load: M UTXO changes, fundings of 1000 outputs to random watched addresses.
        func fundLoad() async {
            var sent = 0
            while sent < m {
                let k = min(1000, m - sent)
                await node.fund((0..<k).map { _ in (address: watched[Int.random(in: 0..<watched.count, using: &rng)], amount: Sompi(UInt64.random(in: 100_000...10_000_000_000, using: &rng))) })
                sent += k
            }
        }
        /// Waits until the store holds `count` UTXOs. Counting is a scan of the UTXO table: asked every 25 ms (not
        /// more often), so the watcher does not compete with the engine for the store. A write the engine cannot
        /// make (it retries) must end the run with an error, not hang it: the wait gives up at 5,000 changes per
        /// second, or a minute.
        func waitForStore(_ count: Int, phase: String) async throws {
            let deadline = ContinuousClock.now + .seconds(max(60, m / 5_000))
            while try store.utxoCount() < count {
                guard ContinuousClock.now < deadline else {
                    throw CLIError.badData("\(phase): the store holds \(try store.utxoCount()) of \(count) UTXOs after \(max(60, m / 5_000)) s (engine: \(await engine.state))")
                }
                try await Task.sleep(for: .milliseconds(25))
            }
        }
        let before = try store.utxoCount()
        await fundLoad()
        try await waitForStore(before + m, phase: "changes")
        let t2 = DispatchTime.now().uptimeNanoseconds

        // Resync: drop the connection; the engine reconnects and reconciles every watched address's UTXOs.
        await node.stopServing()
        guard await engine.waitUntil(seconds: 60, { if case .offline = $0 { true } else { false } }) else { throw CLIError.badData("the engine did not notice the stop") }
        _ = try await node.startServing(host: "127.0.0.1", port: port)
        let t3 = DispatchTime.now().uptimeNanoseconds
        guard await engine.waitUntil(seconds: 600, { $0.isSynced }) else { throw CLIError.badData("the engine did not resync") }
        let t4 = DispatchTime.now().uptimeNanoseconds
        guard try store.utxoCount() == before + m else { throw CLIError.badData("the store holds \(try store.utxoCount()) UTXOs after the resync, expected \(before + m)") }

        // The same load again, its notifications built while the node holds them, then released at once: only
        // the wallet's side of the stream runs in the timed window.
        await node.holdNotifications()
        await fundLoad()
        let t4a = DispatchTime.now().uptimeNanoseconds
        await node.releaseNotifications()
        try await waitForStore(before + 2 * m, phase: "ingest")
        let t4b = DispatchTime.now().uptimeNanoseconds
        guard try store.utxoCount() == before + 2 * m else { throw CLIError.badData("the store holds \(try store.utxoCount()) UTXOs, expected \(before + 2 * m)") }
        runner.cancel()
        _ = try? await runner.value
        await node.stopServing()

        // The store alone: the same number of changes written in batches of 1000 (one notification's worth; the
        // engine writes whole bursts, often larger).
        let script = ScriptPublicKey(address: watched[0])
        let t5 = DispatchTime.now().uptimeNanoseconds
        var written = 0
        while written < m {
            let k = min(1000, m - written)
            let batch = (0..<k).map { i in
                UtxoUpdate(outpoint: Outpoint(transactionId: Hash32(storage: (0xbe, UInt64(written + i), 0, 0)), index: 0),
                           entry: UtxoEntry(amount: Sompi(100_000), scriptPublicKey: script, blockDaaScore: 1), address: watched[(written + i) % watched.count].string)
            }
            try await store.applyUtxoChanges(added: batch, removed: [], virtualDaaScore: 1_000)
            written += k
        }
        let t6 = DispatchTime.now().uptimeNanoseconds
        try? store.close()

        let changeSeconds = Double(t2 - t1) / 1e9, resync = Double(t4 - t3) / 1e9, ingest = Double(t4b - t4a) / 1e9
        return Report(addresses: n, utxoChanges: m, subscribeAndSnapshotSeconds: Double(t1 - t0) / 1e9, seconds: changeSeconds,
                      changesPerSecond: Double(m) / changeSeconds, resyncSeconds: resync, resyncUtxosPerSecond: Double(m) / resync,
                      ingestSeconds: ingest, ingestChangesPerSecond: Double(m) / ingest,
                      storeChangesPerSecond: Double(m) / (Double(t6 - t5) / 1e9))
    }
}
