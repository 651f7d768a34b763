import WalletKit

/// A devnet block: the devnet DAG is a single chain, so every block is a chain block that accepts its own
/// transactions. No proof of work; the hash commits to the parent, the scores, a salt and the transaction ids.
public struct DevnetBlock: Sendable {
    public var hash: Hash32
    public var parent: Hash32
    public var daaScore: UInt64
    public var blueScore: UInt64
    /// Unix milliseconds.
    public var timestamp: Int64
    /// The coinbase first, then the accepted mempool transactions in the order they were applied.
    public var transactions: [Transaction]
    public var acceptedTransactionIds: [TransactionID]
    /// What the block did to the UTXO set; dropped once the block leaves the reorg window.
    public var diff: UtxoDiff?

    /// The hash of a block built on `parent` at `daaScore` with these transactions; `salt` tells apart a block
    /// re-added by a simulated reorg from the one it replaces.
    static func hash(parent: Hash32, daaScore: UInt64, salt: UInt64, transactionIds: [TransactionID]) -> Hash32 {
        var h = Blake2b(domain: "kasfleet-devnet-block")
        h.write(parent)
        h.writeU64(daaScore)
        h.writeU64(salt)
        for id in transactionIds { h.write(id) }
        return h.finalize()
    }

    static func genesis(timestamp: Int64) -> DevnetBlock {
        DevnetBlock(hash: DevnetParams.genesisHash, parent: .zero, daaScore: 0, blueScore: 0, timestamp: timestamp,
                    transactions: [], acceptedTransactionIds: [], diff: UtxoDiff())
    }
}

/// Builds the next block from the mempool: ready transactions in fee-rate order up to the block mass limits
/// (compute, storage, transient), each checked again in the block's UTXO context (mass commitment and maturity;
/// the scripts ran at admission), then a coinbase paying the subsidy and the fees to the miner.
struct BlockBuilder {
    let params: DevnetParams
    let validator: TransactionValidator

    init(params: DevnetParams) {
        self.params = params
        validator = TransactionValidator(params: params.validation)
    }

    struct Result {
        var block: DevnetBlock
        var included: [TransactionID]
        /// Mempool transactions the block context refused (they are dropped from the mempool).
        var invalid: [TransactionID]
    }

    func build(on parent: DevnetBlock, mempool: Mempool, utxos: UtxoSet, miner: ScriptPublicKey?, timestamp: Int64, salt: UInt64) -> Result {
        let daa = parent.daaScore + 1
        var created: [Outpoint: UtxoEntry] = [:]
        var createdOrder: [Outpoint] = []
        var spent = Set<Outpoint>()
        var removed: [(Outpoint, UtxoEntry)] = []
        var accepted: [Transaction] = []
        var included: [TransactionID] = []
        var invalid: [TransactionID] = []
        var chosen = Set<TransactionID>()
        var compute: UInt64 = 0, storage: UInt64 = 0, transient: UInt64 = 0
        var fees: UInt64 = 0
        let options = UtxoValidationOptions(povDaaScore: daa, checkMassCommitment: true, checkScripts: false)
        var candidates = mempool.byFeerate
        // A child may rank above its parent; a few passes let it in once the parent is in.
        for _ in 0..<3 {
            var deferred: [MempoolTransaction] = []
            var progress = false
            for mtx in candidates {
                if compute + mtx.computeMass > params.massLimits.compute || storage + mtx.storageMass > params.massLimits.storage
                    || transient + mtx.transientMass > params.massLimits.transient { continue }
                var entries: [UtxoEntry] = []
                var ready = true
                for input in mtx.tx.inputs {
                    let o = input.previousOutpoint
                    if let e = created[o] { entries.append(e) } else if !spent.contains(o), let e = utxos[o] { entries.append(e) } else { ready = false; break }
                }
                guard ready else { deferred.append(mtx); continue }
                do {
                    let ptx = try PopulatedTransaction(tx: mtx.tx, entries: entries)
                    fees += try validator.validateInUtxoContext(ptx, options: options)
                } catch {
                    invalid.append(mtx.id)
                    continue
                }
                for (input, entry) in zip(mtx.tx.inputs, entries) {
                    let o = input.previousOutpoint
                    if created.removeValue(forKey: o) == nil { removed.append((o, entry)) }
                    spent.insert(o)
                }
                for (i, out) in mtx.tx.outputs.enumerated() {
                    let o = Outpoint(transactionId: mtx.id, index: UInt32(i))
                    created[o] = UtxoEntry(amount: out.value, scriptPublicKey: out.scriptPublicKey, blockDaaScore: daa,
                                           isCoinbase: false, covenantId: out.covenant?.covenantId)
                    createdOrder.append(o)
                }
                compute += mtx.computeMass
                storage += mtx.storageMass
                transient += mtx.transientMass
                accepted.append(mtx.tx)
                included.append(mtx.id)
                chosen.insert(mtx.id)
                progress = true
            }
            candidates = deferred
            if !progress || candidates.isEmpty { break }
        }
        let coinbase = makeCoinbase(daa: daa, blueScore: parent.blueScore + 1, reward: params.blockSubsidy.rawValue &+ fees, miner: miner)
        let coinbaseId = coinbase.id
        for (i, out) in coinbase.outputs.enumerated() {
            let o = Outpoint(transactionId: coinbaseId, index: UInt32(i))
            created[o] = UtxoEntry(amount: out.value, scriptPublicKey: out.scriptPublicKey, blockDaaScore: daa, isCoinbase: true)
            createdOrder.append(o)
        }
        let ids = [coinbaseId] + included
        let added = createdOrder.compactMap { o in created[o].map { (o, $0) } }
        let block = DevnetBlock(hash: DevnetBlock.hash(parent: parent.hash, daaScore: daa, salt: salt, transactionIds: ids),
                                parent: parent.hash, daaScore: daa, blueScore: parent.blueScore + 1, timestamp: timestamp,
                                transactions: [coinbase] + accepted, acceptedTransactionIds: ids,
                                diff: UtxoDiff(added: added, removed: removed))
        return Result(block: block, included: included, invalid: invalid)
    }

    /// kaspad's coinbase payload layout (`consensus/src/processes/coinbase.rs`): blue score u64, subsidy u64,
    /// script version u16, script length (one byte), script, extra data.
    func makeCoinbase(daa: UInt64, blueScore: UInt64, reward: UInt64, miner: ScriptPublicKey?) -> Transaction {
        var payload: [UInt8] = []
        withUnsafeBytes(of: blueScore.littleEndian) { payload += $0 }
        withUnsafeBytes(of: params.blockSubsidy.rawValue.littleEndian) { payload += $0 }
        let script = miner ?? ScriptPublicKey(script: [])
        withUnsafeBytes(of: script.version.littleEndian) { payload += $0 }
        payload.append(UInt8(truncatingIfNeeded: script.script.count))
        payload += script.script
        payload += Array("kasfleet-devnet".utf8)
        let outputs = miner.map { reward > 0 ? [TransactionOutput(value: Sompi(reward), scriptPublicKey: $0)] : [] } ?? []
        return Transaction(version: 0, inputs: [], outputs: outputs, lockTime: 0, subnetworkId: .coinbase, payload: payload)
    }
}
