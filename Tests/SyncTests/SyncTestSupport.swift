import Foundation
import Testing
@testable import Sync
import WalletKit

/// A devnet key: secp256k1 secret `n` repeated (any byte 1...0x7f gives a valid key).
struct TestWallet {
    let key: PrivateKey
    let address: Address
    let script: ScriptPublicKey

    init(_ n: UInt8) {
        key = try! PrivateKey(hex: String(repeating: String(format: "%02x", n), count: 32))
        address = Address.p2pk(key.xOnlyPublicKey, prefix: .devnet)
        script = ScriptPublicKey(address: address)
    }

    /// A signed 1-input payment of `amount` to `to`, change back here; fee at the floor unless given.
    func pay(_ amount: Sompi, to: Address, from utxo: (Outpoint, UtxoEntry), fee: Sompi? = nil,
             signWith signer: TransactionSigner? = nil) throws -> Transaction {
        var tx = Transaction(
            inputs: [TransactionInput(previousOutpoint: utxo.0, signatureScript: [UInt8](repeating: 0, count: 66))],
            outputs: [TransactionOutput(value: amount, scriptPublicKey: ScriptPublicKey(address: to)),
                      TransactionOutput(value: 1, scriptPublicKey: script)])
        let chosenFee = fee ?? Fees.minimumFee(for: tx)
        tx.outputs[1].value = Sompi(utxo.1.amount.rawValue - amount.rawValue - chosenFee.rawValue)
        tx.inputs[0].signatureScript = []
        var ptx = try PopulatedTransaction(tx: tx, entries: [utxo.1])
        (signer ?? TransactionSigner(keys: [key])).signP2PKInputs(&ptx)
        return ptx.tx
    }
}

/// Records a client's events in the background so that tests can wait for one.
actor EventRecorder {
    private(set) var events: [NodeEvent] = []
    private var task: Task<Void, Never>?

    init(_ client: NodeClient) {
        let stream = client.events
        Task { await self.start(stream) }
    }

    private func start(_ stream: AsyncStream<NodeEvent>) {
        task = Task { [weak self] in
            for await event in stream { await self?.append(event) }
        }
    }

    private func append(_ event: NodeEvent) { events.append(event) }

    /// The first recorded event (from `index` on) that `match` accepts, waiting up to `seconds`.
    func wait<T>(from index: Int = 0, seconds: Double = 30, _ match: (NodeEvent) -> T?) async throws -> T {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
        while ContinuousClock.now < deadline {
            for event in events.dropFirst(index) { if let t = match(event) { return t } }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TestFailure("no matching event within \(seconds) s; got \(events.count) events: \(events.map { "\($0)".prefix(80) })")
    }

    var count: Int { events.count }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// A devnet node serving on an ephemeral loopback port, and a connected client.
func startDevnet(_ configure: (inout DevnetNode.Config) -> Void = { _ in }) async throws -> (DevnetNode, Int) {
    var config = DevnetNode.Config()
    configure(&config)
    let node = DevnetNode(config: config)
    let port = try await node.startServing(host: "127.0.0.1", port: 0)
    return (node, port)
}

/// A devnet node for tests that stop it and serve again on the same port: the port is chosen below the kernel's
/// ephemeral range (32768-60999), so no other test's outgoing connection can take it while the node is down.
func startRestartableDevnet(_ configure: (inout DevnetNode.Config) -> Void = { _ in }) async throws -> (DevnetNode, Int) {
    var config = DevnetNode.Config()
    configure(&config)
    let node = DevnetNode(config: config)
    var lastError: (any Error)?
    for _ in 0..<50 {
        let port = Int.random(in: 20_000..<32_000)
        do { return (node, try await node.startServing(host: "127.0.0.1", port: port)) } catch { lastError = error }
    }
    throw lastError ?? NodeError.badEndpoint("no free port below 32000")
}

func connectClient(_ port: Int, _ configure: (inout NodeClient.Options) -> Void = { _ in }) async throws -> NodeClient {
    var options = NodeClient.Options()
    options.requestTimeout = .seconds(10)
    configure(&options)
    let client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port), options: options)
    try await client.connect(expecting: .devnet, requireUtxoIndex: true)
    return client
}

extension NodeEvent {
    var utxosChanged: UtxosChanged? { if case .utxosChanged(let u) = self { u } else { nil } }
    var chainChanged: VirtualChainChange? { if case .virtualChainChanged(let c) = self { c } else { nil } }
    var disconnection: NodeError? { if case .disconnected(let e) = self { e } else { nil } }
    var daaScore: UInt64? { if case .virtualDaaScoreChanged(let d) = self { d } else { nil } }
}
