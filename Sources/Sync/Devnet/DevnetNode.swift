import Foundation
import Logging
import WalletKit

/// The embedded devnet node: a UTXO set with its index, a mempool with the real validation, blocks produced on
/// demand or at a rate, notifications, and kaspad's gRPC `MessageStream` service on loopback. One actor owns the
/// UTXO set, the mempool and the chain, so admission and block acceptance never see each other half done.
///
/// The control API (`fund`, `produceBlock`, `reorg`, `submit`) is for tests, demos and rehearsals; it is not on
/// the wire. The DAG is a single chain: every block is a chain block, DAA score and blue score grow by one per block.
public actor DevnetNode {
    public struct Config: Sendable {
        public var params = DevnetParams.devnet
        /// Address prefix of the node's answers (devnet: kaspadev).
        public var network = Network.devnet
        /// Blocks per second: the rate `startProducingBlocks()` uses by default and fee estimates assume.
        public var bps = 10.0
        /// Where coinbase rewards go; nil leaves them unclaimed (the coinbase has no outputs).
        public var miner: Address?
        /// Largest request the gRPC server accepts (kaspad: 1 GiB).
        public var maxMessageBytes = 1 << 30
        /// Blocks whose UTXO diffs are kept, so a simulated reorg can be at most this deep.
        public var reorgWindow = 1000
        /// Blocks kept for GetVirtualChainFromBlock; older ones are pruned.
        public var historyLimit = 100_000
        /// A directory for the snapshot (`devnet-snapshot.json`), loaded on start and written by `shutdown()`.
        public var dataDirectory: String?
        public var serverVersion = "kasfleet-devnet/\(WalletKitInfo.version)"
        /// Whether the node keeps its UTXO index (kaspad's `--utxoindex`): without it, it says so in GetServerInfo
        /// and GetInfo and refuses the address calls with kaspad's error, as a node an operator forgot to start with
        /// the flag does.
        public var utxoIndex = true

        public init() {}
    }

    public nonisolated let config: Config
    let logger: Logger
    let now: @Sendable () -> Int64
    let builder: BlockBuilder

    var utxos = UtxoSet()
    var mempool: Mempool
    /// The selected chain, oldest kept block first (genesis until pruning).
    var chain: [DevnetBlock]
    /// Chain position of each block on the chain.
    var heights: [Hash32: Int] = [:]
    /// Blocks taken off the chain by a reorg, so that GetVirtualChainFromBlock from them reports what was removed.
    var orphaned: [Hash32: DevnetBlock] = [:]
    var accepted = Set<TransactionID>()
    var sessions: [Int: DevnetSession] = [:]
    var nextSessionId = 1
    var salt: UInt64 = 0
    var fundings: UInt64 = 0
    /// The wire texts of scripts (`scriptTexts(of:)`), bounded.
    var renderedScripts: [ScriptPublicKey: ScriptTexts] = [:]
    /// Notifications kept while held (`holdNotifications()`); nil when they are sent at once.
    var held: [(outbox: AsyncStream<Protowire_KaspadResponse>.Continuation, message: Protowire_KaspadResponse)]?
    /// What GetServerInfo, GetInfo and GetSyncStatus say of the node's own sync with its network (`setSynced`).
    var reportsSynced = true
    var server: DevnetServer?
    var producer: Task<Void, Never>?

    public init(config: Config = Config(),
                logger: Logger = Logger(label: "kasfleet.devnet", factory: { _ in SwiftLogNoOpLogHandler() }),
                now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.config = config
        self.logger = logger
        self.now = now
        builder = BlockBuilder(params: config.params)
        mempool = Mempool(params: config.params)
        chain = [DevnetBlock.genesis(timestamp: now())]
        heights[DevnetParams.genesisHash] = 0
    }

    // MARK: state

    public var tip: DevnetBlock { chain[chain.count - 1] }
    /// The DAA score of the block that would accept a transaction submitted now (the virtual's).
    public var virtualDaaScore: UInt64 { tip.daaScore + 1 }
    public var sinkBlueScore: UInt64 { tip.blueScore }
    public var mempoolSize: Int { mempool.count }
    /// Blocks produced since genesis.
    public var blockCount: UInt64 { tip.blueScore + 1 }

    public func utxos(of address: Address) -> [(Outpoint, UtxoEntry)] { utxos.utxos(of: ScriptPublicKey(address: address)) }
    public func balance(of address: Address) -> Sompi { utxos.balance(of: ScriptPublicKey(address: address)) }
    public func mempoolTransaction(_ id: TransactionID) -> MempoolTransaction? { mempool.transactions[id] }
    public func isAccepted(_ id: TransactionID) -> Bool { accepted.contains(id) }
    /// Makes the node say it is (not) synced with its network, as a kaspad still catching up does; its data and
    /// service are unchanged.
    public func setSynced(_ synced: Bool) { reportsSynced = synced }

    /// Sizes the UTXO set for `utxos` entries over `scripts` scripts ahead of a known load.
    public func reserveUtxoCapacity(utxos count: Int, scripts: Int) {
        utxos.reserveCapacity(utxos: count, scripts: scripts)
    }

    // MARK: control API

    /// Creates UTXOs out of nothing (the devnet's genesis funding): one synthetic transaction with an output per
    /// pair, not a coinbase, so they are spendable at once. Subscribers see them in UtxosChanged.
    @discardableResult
    public func fund(_ payments: [(address: Address, amount: Sompi)]) -> [Outpoint] {
        guard !payments.isEmpty else { return [] }
        fundings += 1
        let funding = Transaction(outputs: payments.map { TransactionOutput(value: $0.amount, scriptPublicKey: ScriptPublicKey(address: $0.address)) },
                                  payload: Array("kasfleet devnet funding \(fundings)".utf8))
        let id = funding.id
        var diff = UtxoDiff()
        for (i, out) in funding.outputs.enumerated() {
            diff.added.append((Outpoint(transactionId: id, index: UInt32(i)),
                               UtxoEntry(amount: out.value, scriptPublicKey: out.scriptPublicKey, blockDaaScore: tip.daaScore)))
        }
        utxos.apply(diff)
        accepted.insert(id)
        publishUtxos(diff)
        return diff.added.map(\.0)
    }

    @discardableResult
    public func fund(_ address: Address, _ amount: Sompi) -> Outpoint { fund([(address, amount)])[0] }

    /// Admits a transaction to the mempool (what SubmitTransaction does); returns its id.
    @discardableResult
    public func submit(_ tx: Transaction) throws(MempoolError) -> TransactionID {
        if accepted.contains(tx.id) { throw .alreadyAccepted(tx.id) }
        let mtx = try mempool.validate(tx, utxos: utxos, virtualDaaScore: virtualDaaScore)
        mempool.insert(mtx)
        return mtx.id
    }

    /// Builds the next block from the mempool, applies it and notifies subscribers.
    @discardableResult
    public func produceBlock() -> DevnetBlock {
        let result = builder.build(on: tip, mempool: mempool, utxos: utxos, miner: config.miner.map { ScriptPublicKey(address: $0) },
                                   timestamp: max(now(), tip.timestamp), salt: salt)
        for id in result.invalid { mempool.remove(id) }
        for id in result.included { mempool.remove(id) }
        apply(result.block)
        publishUtxos(result.block.diff ?? UtxoDiff())
        publishChain(removed: [], added: [result.block])
        publishScores()
        return result.block
    }

    @discardableResult
    public func produceBlocks(_ count: Int) -> [DevnetBlock] { (0..<max(0, count)).map { _ in produceBlock() } }

    /// Simulates a reorg of the last `depth` blocks: their UTXO changes are undone (subscribers see the outputs
    /// removed and the spent entries back), then the same transactions are accepted again by new blocks with new
    /// hashes (subscribers see them re-added), and one VirtualChainChanged reports the removed and added blocks.
    /// With `returnToMempool`, the new blocks accept nothing but their coinbase and the removed blocks' transactions
    /// go back to the mempool (checked again against the restored UTXO set, as kaspad does with a removed chain's
    /// transactions): their acceptance is taken back until a later block accepts them again.
    @discardableResult
    public func reorg(depth: Int, returnToMempool: Bool = false) throws(DevnetError) -> (removed: [Hash32], added: [Hash32]) {
        guard depth >= 1 else { throw .reorgDepth(depth, available: chain.count - 1) }
        let available = min(chain.count - 1, chain.reversed().prefix(while: { $0.diff != nil }).count)
        guard depth <= available else { throw .reorgDepth(depth, available: available) }
        let old = Array(chain.suffix(depth))
        var undo = UtxoDiff()
        for block in old.reversed() {
            guard let reversed = block.diff?.reversed else { continue }
            utxos.apply(reversed)
            undo = undo.then(reversed)
            heights[block.hash] = nil
            orphaned[block.hash] = block
            for id in block.acceptedTransactionIds { accepted.remove(id) }
        }
        chain.removeLast(depth)
        publishUtxos(undo)
        salt += 1
        var redo = UtxoDiff()
        var added: [DevnetBlock] = []
        for var block in old {
            if returnToMempool {
                block = builder.build(on: tip, mempool: Mempool(params: config.params), utxos: utxos, miner: config.miner.map { ScriptPublicKey(address: $0) },
                                      timestamp: max(now(), tip.timestamp), salt: salt).block
            } else {
                block.parent = tip.hash
                block.hash = DevnetBlock.hash(parent: block.parent, daaScore: block.daaScore, salt: salt, transactionIds: block.acceptedTransactionIds)
            }
            apply(block)
            redo = redo.then(block.diff ?? UtxoDiff())
            added.append(block)
        }
        if returnToMempool {
            // The coinbase first in each block; a transaction whose inputs the new chain spent is dropped.
            for tx in old.flatMap({ $0.transactions.dropFirst() }) {
                if let mtx = try? mempool.validate(tx, utxos: utxos, virtualDaaScore: virtualDaaScore) { mempool.insert(mtx) }
            }
        }
        publishUtxos(redo)
        publishChain(removed: old.reversed(), added: added)
        publishScores()
        return (old.reversed().map(\.hash), added.map(\.hash))
    }

    /// Puts a block on the chain: UTXO changes, accepted ids, history limits.
    private func apply(_ block: DevnetBlock) {
        if let diff = block.diff { utxos.apply(diff) }
        accepted.formUnion(block.acceptedTransactionIds)
        chain.append(block)
        heights[block.hash] = chain.count - 1
        let keep = max(config.reorgWindow, 1)
        if chain.count > keep, chain[chain.count - 1 - keep].diff != nil { chain[chain.count - 1 - keep].diff = nil }
        if chain.count > config.historyLimit + config.historyLimit / 10 { pruneHistory() }
    }

    private func pruneHistory() {
        let drop = chain.count - config.historyLimit
        for block in chain.prefix(drop) {
            heights[block.hash] = nil
            for id in block.acceptedTransactionIds { accepted.remove(id) }
        }
        chain.removeFirst(drop)
        for (i, block) in chain.enumerated() { heights[block.hash] = i }
        orphaned = orphaned.filter { $0.value.daaScore >= chain[0].daaScore }
    }

    // MARK: block production at a rate

    /// Produces a block every `1 / bps` seconds (default: `Config.bps`) until `stopProducingBlocks()`.
    public func startProducingBlocks(bps: Double? = nil) {
        stopProducingBlocks()
        let interval = Duration.nanoseconds(Int64(1e9 / max(bps ?? config.bps, 0.001)))
        producer = Task { [weak self] in
            let clock = ContinuousClock()
            var next = clock.now
            while !Task.isCancelled {
                next = next.advanced(by: interval)
                guard (try? await clock.sleep(until: next)) != nil, let self else { return }
                await self.produceBlock()
            }
        }
    }

    public func stopProducingBlocks() {
        producer?.cancel()
        producer = nil
    }

    public var isProducingBlocks: Bool { producer != nil }
}

public enum DevnetError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    case reorgDepth(Int, available: Int)
    case listen(String, detail: String)
    case snapshot(path: String, detail: String)

    public var description: String {
        switch self {
        case .reorgDepth(let d, let a): return "cannot reorg \(d) blocks: between 1 and \(a) blocks can be reorganized now"
        case .listen(let address, let detail): return "the devnet node cannot listen on \(address): \(detail)"
        case .snapshot(let path, let detail): return "the devnet snapshot \(path) cannot be used: \(detail)"
        }
    }

    public var errorDescription: String? { description }
}
