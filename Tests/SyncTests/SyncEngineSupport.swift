import Foundation
import Testing
@testable import Sync
import WalletKit

/// Real time for `now()`, but waits shortened 50 times (at least 1 ms): reconnect backoff and ticks run fast.
struct FastClock: SyncClock {
    var factor = 0.02
    func now() -> Double { Date().timeIntervalSince1970 }
    func sleep(for duration: Duration) async throws {
        let ns = max(1_000_000, Int64(Backoff.seconds(duration) * factor * 1e9))
        try await Task.sleep(for: .nanoseconds(ns))
    }
}

/// A real wallet file in a private temporary folder, with cheap KDF parameters, unlocked.
final class SyncWallet: @unchecked Sendable {
    static let phrase = "fringe ceiling crater inject pilot travel gas nurse bulb bullet horn segment snack harbor dice laugh vital cigar push couple plastic into slender worry"
    static let password = SecretBytes(Array("sync test password".utf8))
    let directory: URL
    let store: WalletStore
    let keys: UnlockedKeys

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-sync-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try WalletStore.create(at: WalletStore.databaseURL(directory: directory), network: .devnet, password: Self.password,
                                       source: .mnemonic(try Mnemonic(phrase: Self.phrase), passphrase: nil), kdf: .insecureForTests)
        keys = try store.unlock(password: Self.password)
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    var operatorSource: SpendSource { (try? store.spendSource(named: nil)) ?? .account("account-0") }

    func operatorAddress() throws -> Address {
        try Address(try #require(try store.addresses(account: operatorSource.name, chain: .receive).first).address)
    }

    /// Every address of an account (receive and change).
    func addresses(account: String) throws -> [Address] {
        try store.addresses(account: account).map { try Address($0.address) }
    }

    @discardableResult
    func addMachine(_ name: String, perTransaction: Sompi? = nil, group: String? = nil) throws -> Address {
        let m = try store.addMachine(name: name, kind: "drone", group: group, key: .deriveFromWallet(keys))
        if let perTransaction { try store.setBudget(Budget(scope: .machine(name), perTransactionLimit: perTransaction)) }
        return try Address(m.address)
    }

    func machineAddresses(_ name: String) throws -> [Address] { try addresses(account: "machine:\(name)") }
}

/// A running engine against a devnet node over loopback gRPC.
final class RunningEngine: @unchecked Sendable {
    let client: NodeClient
    let engine: SyncEngine
    let task: Task<Void, any Error>

    init(port: Int, store: WalletStore, configure: (inout SyncEngine.Options) -> Void = { _ in }) {
        var clientOptions = NodeClient.Options()
        clientOptions.requestTimeout = .seconds(20)
        clientOptions.connectTimeout = .seconds(2)
        client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port), options: clientOptions)
        var options = SyncEngine.Options()
        options.tickInterval = .seconds(5) // 100 ms on the FastClock
        options.backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(2))
        configure(&options)
        let engine = SyncEngine(client: client, store: store, options: options, clock: FastClock())
        self.engine = engine
        task = Task { try await engine.run() }
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        await client.close()
    }

    func waitSynced(_ seconds: Double = 20) async throws {
        guard await engine.waitUntil(seconds: seconds, { $0.isSynced }) else {
            throw TestFailure("the engine did not sync within \(seconds) s: \(await engine.state)")
        }
    }

    var sender: Sender { Sender(store: Self.storeOf(engine), client: client, engine: engine) }
    static func storeOf(_ engine: SyncEngine) -> WalletStore { engine.store }
}

/// Polls `condition` until it holds or `seconds` pass.
func eventually(_ what: String, seconds: Double = 20, _ condition: @Sendable () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw TestFailure("timed out after \(seconds) s waiting for: \(what)")
}

/// The store's total (every state) for these addresses equals the node's: no UTXO lost or counted twice.
func storeTotal(_ store: WalletStore, _ addresses: [Address]) throws -> UInt64 {
    let wanted = Set(addresses.map(\.string))
    return try store.utxos().filter { wanted.contains($0.address) }.reduce(0) { $0 + UInt64($1.amount) }
}

func nodeTotal(_ node: DevnetNode, _ addresses: [Address]) async -> UInt64 {
    var total: UInt64 = 0
    for a in addresses { total += await node.balance(of: a).rawValue }
    return total
}

/// The store holds exactly the node's UTXOs of these addresses (same outpoints, same amounts).
func sameUtxos(_ store: WalletStore, _ node: DevnetNode, _ addresses: [Address]) async throws -> Bool {
    var expected: [Outpoint: UInt64] = [:]
    for a in addresses { for (o, e) in await node.utxos(of: a) { expected[o] = e.amount.rawValue } }
    let wanted = Set(addresses.map(\.string))
    var held: [Outpoint: UInt64] = [:]
    for u in try store.utxos() where wanted.contains(u.address) { held[u.outpoint] = UInt64(u.amount) }
    return held == expected
}

extension Sompi {
    static func kas(_ n: UInt64) -> Sompi { Sompi(n * Sompi.perKas) }
}
