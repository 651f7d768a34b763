import WalletKit

/// A transaction the mempool accepted, with what it was judged on.
public struct MempoolTransaction: Sendable {
    /// The transaction with its storage-mass commitment set by the mempool.
    public var tx: Transaction
    public var id: TransactionID
    public var entries: [UtxoEntry]
    public var fee: Sompi
    public var computeMass: UInt64
    public var transientMass: UInt64
    public var storageMass: UInt64
    /// Fee per gram of the heaviest normalized mass dimension (`MutableTransaction::calculated_feerate`).
    public var feerate: Double
}

/// Why the mempool refused a transaction, in kaspad's words (rusty-kaspa `mining/errors/src/mempool.rs`).
public enum MempoolError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadyAccepted(TransactionID)
    case alreadyInMempool(TransactionID)
    case coinbase(TransactionID)
    case rule(TxRuleError)
    case immatureSpend(TxRuleError)
    case orphanDisallowed(TransactionID, missing: Outpoint)
    case doubleSpend(Outpoint, by: TransactionID)
    case nonStandard(TransactionID, String)
    case computeMassTooLarge(TransactionID, UInt64, max: UInt64)
    case transientMassTooLarge(TransactionID, UInt64, max: UInt64)
    case storageMassTooLarge(TransactionID, UInt64, max: UInt64)
    case storageMassIncomputable(TransactionID)

    public var description: String {
        switch self {
        case .alreadyAccepted(let id): return "transaction \(id) was already accepted by the consensus"
        case .alreadyInMempool(let id): return "transaction \(id) is already in the mempool"
        case .coinbase(let id): return "transaction \(id) is a coinbase transaction; coinbase transactions are only created by blocks"
        case .rule(let e): return e.description
        case .immatureSpend(let e): return "one of the transaction inputs spends an immature UTXO: \(e)"
        case .orphanDisallowed(let id, let missing):
            return "transaction \(id) is an orphan where orphan is disallowed (no UTXO for \(missing))"
        case .doubleSpend(let o, let by): return "output \(o) already spent by transaction \(by) in the mempool"
        case .nonStandard(let id, let why): return "transaction \(id) is not standard: \(why)"
        case .computeMassTooLarge(_, let m, let max): return "transaction compute mass of \(m) is larger than max allowed size of \(max)"
        case .transientMassTooLarge(_, let m, let max):
            return "transaction transient (storage) mass of \(m) is larger than max allowed size of \(max)"
        case .storageMassTooLarge(_, let m, let max): return "transaction storage mass of \(m) is larger than max allowed size of \(max)"
        case .storageMassIncomputable(let id): return "Rejected tx \(id) from mempool due to incomputable storage mass"
        }
    }
}

/// The devnet mempool: admission with the real validation (rusty-kaspa `mining/src/mempool/validate_and_insert_transaction.rs`),
/// double-spend detection, chained (child-of-mempool) transactions, and indexes by outpoint and script.
public struct Mempool: Sendable {
    public private(set) var transactions: [TransactionID: MempoolTransaction] = [:]
    /// Which mempool transaction spends each outpoint.
    private(set) var spentBy: [Outpoint: TransactionID] = [:]
    private var byScript: [ScriptPublicKey: Set<TransactionID>] = [:]
    let params: DevnetParams
    let validator: TransactionValidator

    public init(params: DevnetParams = .devnet) {
        self.params = params
        validator = TransactionValidator(params: params.validation)
    }

    public var count: Int { transactions.count }

    /// Validates a transaction against the UTXO set and the mempool, from the point of view of `virtualDaaScore`.
    /// Returns the transaction as it would be inserted; the mempool is not changed.
    public func validate(_ submitted: Transaction, utxos: UtxoSet, virtualDaaScore: UInt64) throws(MempoolError) -> MempoolTransaction {
        var tx = submitted
        let id = tx.id
        if transactions[id] != nil { throw .alreadyInMempool(id) }
        if tx.isCoinbase { throw .coinbase(id) }
        do { try validator.validateInIsolation(tx) } catch { throw .rule(error) }
        // check_transaction_limits: non-contextual masses against the block limits
        let compute = ComputeMass.compute(tx)
        let transient = ComputeMass.transient(tx)
        if compute > params.massLimits.compute { throw .computeMassTooLarge(id, compute, max: params.massLimits.compute) }
        if transient > params.massLimits.transient { throw .transientMassTooLarge(id, transient, max: params.massLimits.transient) }
        // check_transaction_standard_in_isolation
        for (i, output) in tx.outputs.enumerated() {
            if output.scriptPublicKey.version > 0 {
                throw .nonStandard(id, "transaction output #\(i): the version of the scriptPublicKey is higher than the known version")
            }
            if output.scriptPublicKey.scriptClass == .nonStandard { throw .nonStandard(id, "transaction output #\(i): non-standard script form") }
        }
        // populate entries from the UTXO set, then from mempool parents; no orphans, no double spends
        var entries: [UtxoEntry] = []
        entries.reserveCapacity(tx.inputs.count)
        for input in tx.inputs {
            let outpoint = input.previousOutpoint
            if let other = spentBy[outpoint] { throw .doubleSpend(outpoint, by: other) }
            if let entry = utxos[outpoint] {
                entries.append(entry)
            } else if let parent = transactions[outpoint.transactionId], Int(outpoint.index) < parent.tx.outputs.count {
                let out = parent.tx.outputs[Int(outpoint.index)]
                // Outputs of unaccepted transactions carry UNACCEPTED_DAA_SCORE (u64::MAX).
                entries.append(UtxoEntry(amount: out.value, scriptPublicKey: out.scriptPublicKey, blockDaaScore: .max,
                                         isCoinbase: false, covenantId: out.covenant?.covenantId))
            } else {
                throw .orphanDisallowed(id, missing: outpoint)
            }
        }
        let ptx: PopulatedTransaction
        do { ptx = try PopulatedTransaction(tx: tx, entries: entries) } catch { throw .rule(.noInputs) }
        // validate_mempool_transaction: the mempool skips the mass-commitment check and sets the storage mass itself
        let fee: UInt64
        do {
            fee = try validator.validateInUtxoContext(ptx, options: UtxoValidationOptions(povDaaScore: virtualDaaScore, checkMassCommitment: false))
        } catch {
            if case .immatureCoinbaseSpend = error { throw .immatureSpend(error) }
            throw .rule(error)
        }
        guard let storage = StorageMass.compute(ptx) else { throw .storageMassIncomputable(id) }
        if storage > params.massLimits.storage { throw .storageMassTooLarge(id, storage, max: params.massLimits.storage) }
        tx.storageMass = storage
        // check_transaction_standard_in_context: standard input scripts (P2SH ones within 15 signature operations),
        // then the fee floor
        for (i, entry) in entries.enumerated() {
            switch entry.scriptPublicKey.scriptClass {
            case .nonStandard: throw .nonStandard(id, "transaction input \(i): non-standard script form")
            case .scriptHash:
                let sigOps = P2shSigOps.count(signatureScript: tx.inputs[i].signatureScript, scriptPublicKey: entry.scriptPublicKey)
                if sigOps > P2shSigOps.maxStandard {
                    throw .nonStandard(id, "transaction input #\(i) has \(sigOps) signature operations which is more than the allowed max amount of \(P2shSigOps.maxStandard)")
                }
            default: break
            }
        }
        let normalizedTransient = params.massLimits.normalizedTransient(transient)
        let feeMass = max(compute, normalizedTransient)
        let minimum = Fees.minimumRelayFee(mass: feeMass, perKilogram: params.minimumRelayFeePerKilogram).rawValue
        if fee < minimum {
            throw .nonStandard(id, compute >= normalizedTransient
                ? "transaction has \(fee) fees which is under the required amount of \(minimum) for compute mass \(compute)"
                : "transaction has \(fee) fees which is under the required amount of \(minimum) for normalized transient mass \(normalizedTransient) (proportional to transaction byte size)")
        }
        let mass = params.massLimits.normalizedMax(compute: compute, transient: transient, storage: storage)
        return MempoolTransaction(tx: tx, id: id, entries: entries, fee: Sompi(fee), computeMass: compute, transientMass: transient,
                                  storageMass: storage, feerate: Double(fee) / Double(max(mass, 1)))
    }

    public mutating func insert(_ mtx: MempoolTransaction) {
        transactions[mtx.id] = mtx
        for input in mtx.tx.inputs { spentBy[input.previousOutpoint] = mtx.id }
        for script in scripts(of: mtx) { byScript[script, default: []].insert(mtx.id) }
    }

    @discardableResult
    public mutating func remove(_ id: TransactionID) -> MempoolTransaction? {
        guard let mtx = transactions.removeValue(forKey: id) else { return nil }
        for input in mtx.tx.inputs where spentBy[input.previousOutpoint] == id { spentBy[input.previousOutpoint] = nil }
        for script in scripts(of: mtx) {
            byScript[script]?.remove(id)
            if byScript[script]?.isEmpty == true { byScript[script] = nil }
        }
        return mtx
    }

    private func scripts(of mtx: MempoolTransaction) -> Set<ScriptPublicKey> {
        Set(mtx.entries.map(\.scriptPublicKey)).union(mtx.tx.outputs.map(\.scriptPublicKey))
    }

    /// Mempool transactions spending from (`sending`) and paying to (`receiving`) a script.
    public func entries(of script: ScriptPublicKey) -> (sending: [MempoolTransaction], receiving: [MempoolTransaction]) {
        let txs = (byScript[script] ?? []).compactMap { transactions[$0] }.sorted { $0.id < $1.id }
        return (txs.filter { $0.entries.contains { $0.scriptPublicKey == script } },
                txs.filter { $0.tx.outputs.contains { $0.scriptPublicKey == script } })
    }

    /// Every transaction, highest fee rate first (ties by id, so that block templates are deterministic).
    public var byFeerate: [MempoolTransaction] {
        transactions.values.sorted { $0.feerate != $1.feerate ? $0.feerate > $1.feerate : $0.id < $1.id }
    }
}
