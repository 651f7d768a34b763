import Foundation
import Logging
import WalletKit

/// The live demo `make run` shows (and the console can start): in one process, the embedded devnet node on a
/// free loopback port producing blocks, a fresh demo wallet in a temporary folder (its password is random, kept
/// in a 0600 file there, never shown), a few machines with budgets, the operator funded by the node, the sync
/// engine, and a scheduler through which the machines pay each other small amounts every few seconds with the
/// same Sender and policy check as `kasfleet send`. Now and then a machine tries to pay above its limit, and
/// the policy says no.
public actor DemoFleet {
    public struct Config: Sendable {
        public var machines = 4
        public var paymentInterval: Duration = .seconds(3)
        public var bps = 10.0
        /// Where the demo wallet goes; nil: a new temporary folder, removed by `stop()`.
        public var directory: URL?
        public var perTransactionLimit = Sompi(5 * Sompi.perKas)
        public var hourlyLimit = Sompi(60 * Sompi.perKas)
        public var machineFunding = Sompi(100 * Sompi.perKas)
        /// Argon2id cost of the throwaway demo wallet (cheap: its password is random and the folder temporary).
        public var kdf = KdfParameters(memoryKiB: 4096, iterations: 1, parallelism: 1)
        public var syncOptions = SyncEngine.Options()
        /// The demo wallet's password; nil: random, kept in a 0600 file beside the wallet and never shown. The
        /// console's demo sets a known one, because its operator has to type it to unlock.
        public var password: SecretBytes?
        public init() {}
    }

    public enum Event: Sendable, CustomStringConvertible {
        case started(node: String, wallet: String, machines: [String])
        case sync(SyncState)
        case funded(machine: String, amount: Sompi, transactionId: String)
        case payment(from: String, to: String, amount: Sompi, fee: Sompi, transactionId: String)
        case accepted(transactionId: String, from: String, to: String)
        case denied(from: String, to: String, amount: Sompi, reasons: [String])
        case skipped(machine: String, reason: String)

        public var description: String {
            func kas(_ s: Sompi) -> String { "\(s.kasString) KAS" }
            func short(_ id: String) -> String { String(id.prefix(12)) }
            switch self {
            case .started(let node, let wallet, let machines):
                return "devnet node on \(node); demo wallet in \(wallet); machines: \(machines.joined(separator: ", "))"
            case .sync(let s): return "sync: \(s)"
            case .funded(let m, let a, let id): return "operator funds \(m) with \(kas(a))  tx \(short(id))"
            case .payment(let f, let t, let a, let fee, let id): return "\(f) pays \(t) \(kas(a)) (fee \(kas(fee)))  tx \(short(id))"
            case .accepted(let id, let f, let t): return "accepted  tx \(short(id)) (\(f) -> \(t))"
            case .denied(let f, let t, let a, let reasons): return "DENIED \(f) -> \(t) \(kas(a)): \(reasons.joined(separator: "; "))"
            case .skipped(let m, let r): return "\(m) waits: \(r)"
            }
        }
    }

    public nonisolated let events: AsyncStream<Event>
    private nonisolated let sink: AsyncStream<Event>.Continuation
    public nonisolated let node: DevnetNode
    public nonisolated let store: WalletStore
    public nonisolated let engine: SyncEngine
    public nonisolated let sender: Sender
    public nonisolated let endpoint: NodeEndpoint
    public nonisolated let machineNames: [String]
    let keys: UnlockedKeys
    let config: Config
    let ownsDirectory: URL?
    private var tasks: [Task<Void, Never>] = []
    private var sent: [TransactionID: (from: String, to: String)] = [:]
    private var paymentCount = 0

    init(node: DevnetNode, store: WalletStore, engine: SyncEngine, sender: Sender, endpoint: NodeEndpoint, machines: [String],
         keys: UnlockedKeys, config: Config, ownsDirectory: URL?) {
        (events, sink) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(1000))
        self.node = node
        self.store = store
        self.engine = engine
        self.sender = sender
        self.endpoint = endpoint
        machineNames = machines
        self.keys = keys
        self.config = config
        self.ownsDirectory = ownsDirectory
    }

    static let fleet: [(name: String, kind: String, group: String)] = [
        ("drone-1", "drone", "drones"), ("charger-1", "charger", "chargers"), ("drone-2", "drone", "drones"),
        ("robot-1", "robot", "robots"), ("charger-2", "charger", "chargers"), ("insurer", "insurance", "services"),
    ]

    /// Sets everything up and starts the node, the engine and the scheduler.
    public static func start(_ config: Config = Config(),
                             logger: Logger = Logger(label: "kasfleet.demo", factory: { _ in SwiftLogNoOpLogHandler() })) async throws -> DemoFleet {
        let fm = FileManager.default
        let owned = config.directory == nil
        let directory = config.directory ?? fm.temporaryDirectory.appendingPathComponent("kasfleet-demo-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // The password: random, in a private file beside the wallet, never printed.
        let password = config.password ?? randomPassword()
        let passwordFile = directory.appendingPathComponent("password")
        _ = fm.createFile(atPath: passwordFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
        if let handle = try? FileHandle(forWritingTo: passwordFile) {
            password.withUnsafeBytes { handle.write(Data($0)) }
            try? handle.close()
        }
        let store = try WalletStore.create(at: WalletStore.databaseURL(directory: directory.appendingPathComponent("wallet")), network: .devnet,
                                           password: password, source: .mnemonic(Mnemonic.random(), passphrase: nil), kdf: config.kdf)
        let keys = try store.unlock(password: password)
        let count = min(max(config.machines, 2), fleet.count)
        var names: [String] = []
        for m in fleet.prefix(count) {
            try store.addMachine(name: m.name, kind: m.kind, group: m.group, key: .deriveFromWallet(keys))
            try store.setBudget(Budget(scope: .machine(m.name), perTransactionLimit: config.perTransactionLimit, hourlyLimit: config.hourlyLimit))
            names.append(m.name)
        }
        var nodeConfig = DevnetNode.Config()
        nodeConfig.bps = config.bps
        let node = DevnetNode(config: nodeConfig, logger: logger)
        let port = try await node.startServing(host: "127.0.0.1", port: 0)
        await node.startProducingBlocks(bps: config.bps)
        let endpoint = NodeEndpoint(host: "127.0.0.1", port: port)
        let client = NodeClient(endpoint: endpoint, logger: logger)
        let engine = SyncEngine(client: client, store: store, options: config.syncOptions, logger: logger)
        let sender = Sender(store: store, client: client, engine: engine, logger: logger)
        let fleet = DemoFleet(node: node, store: store, engine: engine, sender: sender, endpoint: endpoint, machines: names, keys: keys,
                              config: config, ownsDirectory: owned ? directory : nil)
        // The operator's money: one UTXO per machine, so the first top-ups do not wait for each other's change,
        // and two more, so the operator can pay from the console while the top-ups' change matures.
        let operatorAccount = try store.spendSource(named: nil)
        guard let first = try store.addresses(account: operatorAccount.name, chain: .receive).first else {
            throw StoreError.corrupted("the demo operator account has no address")
        }
        let operatorAddress = try Address(first.address)
        let share = Sompi(config.machineFunding.rawValue * 3)
        await node.fund(Array(repeating: (address: operatorAddress, amount: share), count: count + 2))
        await fleet.begin(walletPath: directory.path)
        return fleet
    }

    /// 64 random hex digits, built in a buffer that is wiped afterwards.
    static func randomPassword() -> SecretBytes {
        var raw = SecretBytes.random(count: 32).copyBytes()
        var text = [UInt8]()
        defer {
            SecretBytes.wipe(&raw)
            SecretBytes.wipe(&text)
        }
        let digits = Array("0123456789abcdef".utf8)
        for b in raw { text += [digits[Int(b >> 4)], digits[Int(b & 0x0f)]] }
        return SecretBytes(text)
    }

    private func begin(walletPath: String) {
        sink.yield(.started(node: endpoint.description, wallet: walletPath, machines: machineNames))
        let engine = self.engine
        tasks.append(Task {
            do { try await engine.run() } catch { self.emit(.skipped(machine: "sync", reason: "\(error)")) }
        })
        tasks.append(Task {
            var last = ""
            for await state in await engine.stateUpdates() where state.kind != last {
                last = state.kind
                self.emit(.sync(state))
            }
        })
        tasks.append(Task { await self.schedule() })
    }

    nonisolated func emit(_ event: Event) { sink.yield(event) }

    /// Top-ups, then payments between machines until stopped.
    private func schedule() async {
        guard await engine.waitUntil(seconds: 60, { $0.isSynced }) else { return }
        // The operator's funding becomes spendable once the devnet's user maturity (10 DAA, 1 s) has passed.
        for _ in 0..<300 where !Task.isCancelled {
            if let source = try? store.spendSource(named: nil), let b = try? store.balance(account: source.account), b.mature > .zero { break }
            try? await Task.sleep(for: .milliseconds(100))
        }
        var pending = machineNames
        while !pending.isEmpty && !Task.isCancelled {
            let machine = pending[0]
            if await pay(from: nil, to: machine, amount: config.machineFunding) { pending.removeFirst() } else {
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        var rng = SystemRandomNumberGenerator()
        while !Task.isCancelled {
            try? await Task.sleep(for: config.paymentInterval)
            await reportAccepted()
            guard machineNames.count >= 2 else { continue }
            let from = machineNames.randomElement(using: &rng) ?? machineNames[0]
            let to = machineNames.filter { $0 != from }.randomElement(using: &rng) ?? machineNames[1]
            paymentCount += 1
            // Every seventh payment tries to go over the per-transaction limit.
            let amount = paymentCount % 7 == 0
                ? Sompi(config.perTransactionLimit.rawValue + Sompi.perKas)
                : Sompi(UInt64.random(in: 10...300, using: &rng) * Sompi.perKas / 100)
            _ = await pay(from: from, to: to, amount: amount)
        }
    }

    /// One payment through the Sender; returns false when it should be retried later.
    private func pay(from: String?, to: String, amount: Sompi) async -> Bool {
        do {
            let destination = try Address(try store.machine(named: to).address)
            let source: SpendSource
            if let from { source = .machine(from) } else { source = try store.spendSource(named: nil) }
            let report = try await sender.send(PaymentRequest(source: source, destination: destination, amount: amount, note: "demo"), keys: keys)
            guard let tx = report.transactions.first else { return true }
            guard let id = try? Hash32(hex: tx.transactionId) else { return true }
            sent[id] = (from ?? "operator", to)
            emit(from == nil ? .funded(machine: to, amount: amount, transactionId: tx.transactionId)
                 : .payment(from: from ?? "operator", to: to, amount: amount, fee: Sompi(tx.fee), transactionId: tx.transactionId))
            return true
        } catch StoreError.policyDenied(let reasons) {
            emit(.denied(from: from ?? "operator", to: to, amount: amount, reasons: reasons))
            return true
        } catch {
            emit(.skipped(machine: from ?? "operator", reason: (error as? LocalizedError)?.errorDescription ?? "\(error)"))
            return false
        }
    }

    /// Reports payments the engine saw accepted since the last look.
    private func reportAccepted() async {
        guard !sent.isEmpty, let pending = try? Set(store.pendingTransactions().map(\.transactionId)) else { return }
        for (id, parties) in sent where !pending.contains(id) {
            sent[id] = nil
            emit(.accepted(transactionId: id.hex, from: parties.from, to: parties.to))
        }
    }

    /// Stops the scheduler, the engine and the node; removes the temporary wallet folder.
    public func stop() async {
        for t in tasks { t.cancel() }
        for t in tasks { await t.value }
        tasks = []
        await engine.shutdown()
        try? await node.shutdown()
        try? store.close()
        if let dir = ownsDirectory { try? FileManager.default.removeItem(at: dir) }
        sink.finish()
    }
}
