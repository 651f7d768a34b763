/// Plans consolidation (compound) and sweep transactions: every given UTXO goes to one destination, in as
/// many transactions as the mass limits require. Each planned transaction stays within `maxTransactionMass`
/// for compute mass and normalized transient mass, and within the block's storage-mass limit (KIP-9: with one
/// output the relaxed formula applies, so consolidation costs no storage mass unless the fee eats most of the
/// value). UTXOs worth less than the fee their input costs are left out, not burned, and so is a batch whose fee
/// would eat it (the fee not covered, or KIP-9 storage mass over the limit because too little is left to pay out:
/// splitting such a batch only makes that worse). Mirrors the reference wallet's generator
/// (`wallet/core/src/tx/generator/generator.rs`), which caps each transaction at `MAXIMUM_STANDARD_TRANSACTION_MASS`
/// = 100,000 g and compounds in stages.
public struct ConsolidationPlanner: Sendable {
    /// The largest compute (and normalized transient) mass of one planned transaction.
    public var maxTransactionMass: UInt64 = 100_000
    public var limits = MassLimits.toccata
    public var maxInputs = ValidationParams.mainnet.maxTxInputs
    public var version: UInt16 = 0
    public var feeRate: FeeRate?
    /// Added to each transaction's fee.
    public var priorityFee: Sompi = .zero

    public init(feeRate: FeeRate? = nil, priorityFee: Sompi = .zero, maxTransactionMass: UInt64 = 100_000) {
        self.feeRate = feeRate
        self.priorityFee = priorityFee
        self.maxTransactionMass = maxTransactionMass
    }

    /// One planned transaction, unsigned, with its fee and masses.
    public struct Batch: Sendable {
        public var transaction: PopulatedTransaction
        public var fee: Sompi
        public var output: Sompi
        public var computeMass: UInt64
        public var transientMass: UInt64
        public var storageMass: UInt64
        public var inputs: [Outpoint] { transaction.tx.inputs.map(\.previousOutpoint) }
    }

    public struct Plan: Sendable {
        public var batches: [Batch]
        /// UTXOs left out: each is worth less than the fee its input would cost, or its batch less than its fee.
        public var uneconomic: [Outpoint]
        public var totalFee: Sompi { Sompi(batches.reduce(UInt64(0)) { $0 + $1.fee.rawValue }) }
        public var totalOutput: Sompi { Sompi(batches.reduce(UInt64(0)) { $0 + $1.output.rawValue }) }
    }

    public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
        case nothingToSpend
        case build(TransactionBuilder.BuildError)
        case cannotFit(Outpoint)

        public var description: String {
            switch self {
            case .nothingToSpend: return "nothing to spend: no mature UTXO is worth more than the fee its input would cost"
            case .build(let e): return e.description
            case .cannotFit(let o): return "UTXO \(o) cannot be spent within the mass limits on its own"
            }
        }
    }

    /// The fee one more P2PK input costs at the planner's rate (never below the floor).
    public func inputFee() -> Sompi {
        let perInput = perInputMass()
        let floor = Fees.minimumRelayFee(mass: perInput)
        guard let rate = feeRate else { return floor }
        return max(floor, rate.fee(forMass: perInput))
    }

    /// Batches for `spends` paid to `destination`. `minimumInputs` > 1 (compound) keeps lone UTXOs out of a
    /// batch of their own, since moving one UTXO to one output consolidates nothing.
    public func plan(_ spends: [TransactionBuilder.Spend], to destination: ScriptPublicKey,
                     minimumInputs: Int = 1) throws(PlanError) -> Plan {
        let threshold = inputFee()
        let worth = spends.filter { $0.entry.amount > threshold }
        let uneconomic = spends.filter { $0.entry.amount <= threshold }.map(\.outpoint)
        guard worth.count >= max(1, minimumInputs) else {
            if worth.isEmpty { throw .nothingToSpend }
            return Plan(batches: [], uneconomic: uneconomic)
        }
        let perTx = max(1, min(maxInputs, inputsPerTransaction()))
        // Equal-sized batches (no tiny last one): ceil(n / perTx) batches of n / batches inputs each.
        let count = (worth.count + perTx - 1) / perTx
        let size = (worth.count + count - 1) / count
        var batches: [Batch] = []
        var leftOut = uneconomic
        var queue = stride(from: 0, to: worth.count, by: size).map { Array(worth[$0..<min($0 + size, worth.count)]) }
        while !queue.isEmpty {
            let group = queue.removeFirst()
            switch try build(group, to: destination) {
            case .built(let batch): batches.append(batch)
            case .notWorthIt: leftOut += group.map(\.outpoint)
            case .tooHeavy where group.count > 1:
                queue.insert(contentsOf: [Array(group[..<(group.count / 2)]), Array(group[(group.count / 2)...])], at: 0)
            case .tooHeavy: throw .cannotFit(group[0].outpoint)
            }
        }
        return Plan(batches: batches, uneconomic: leftOut)
    }

    private enum Outcome {
        case built(Batch)
        /// Over the compute or transient cap: half as many inputs fit.
        case tooHeavy
        /// The fee eats the batch: not covered, or too little left to pay out for KIP-9 storage mass. Fewer inputs
        /// would leave even less per fee paid, so the batch is left out, not split.
        case notWorthIt
    }

    private func build(_ group: [TransactionBuilder.Spend], to destination: ScriptPublicKey) throws(PlanError) -> Outcome {
        let builder = TransactionBuilder(version: version, spends: group, payments: [], change: destination, feeRate: feeRate, priorityFee: priorityFee)
        let built: (tx: PopulatedTransaction, fee: Sompi)
        do { built = try builder.build() } catch {
            switch error {
            case .storageMassTooHigh, .insufficientFunds: return .notWorthIt
            default: throw .build(error)
            }
        }
        // The builder gives a change too small for its storage mass to the fee: never do that here.
        guard built.tx.tx.outputs.count == 1 else { return .notWorthIt }
        var sized = built.tx.tx
        for (i, s) in group.enumerated() { sized.inputs[i].signatureScript = [UInt8](repeating: 0, count: s.signatureScriptBytes) }
        let compute = ComputeMass.compute(sized)
        let transient = ComputeMass.transient(sized)
        guard compute <= maxTransactionMass, limits.normalizedTransient(transient) <= maxTransactionMass else { return .tooHeavy }
        let storage = StorageMass.compute(built.tx) ?? .max
        guard storage <= limits.storage else { return .notWorthIt }
        return .built(Batch(transaction: built.tx, fee: built.fee, output: built.tx.tx.outputs[0].value, computeMass: compute,
                            transientMass: transient, storageMass: storage))
    }

    /// Compute mass one signed P2PK input adds (v0: 118 bytes and one sig op; v1: 120 bytes and a budget of 10).
    func perInputMass() -> UInt64 {
        let (one, two) = (template(inputs: 1), template(inputs: 2))
        return max(ComputeMass.compute(two) - ComputeMass.compute(one), limits.normalizedTransient(ComputeMass.transient(two) - ComputeMass.transient(one)))
    }

    func inputsPerTransaction() -> Int {
        let one = template(inputs: 1)
        let base = max(ComputeMass.compute(one), limits.normalizedTransient(ComputeMass.transient(one)))
        let per = perInputMass()
        guard maxTransactionMass > base, per > 0 else { return 1 }
        return Int((maxTransactionMass - base) / per) + 1
    }

    private func template(inputs n: Int) -> Transaction {
        Transaction(version: version,
                    inputs: (0..<n).map { i in
                        TransactionInput(previousOutpoint: Outpoint(transactionId: .zero, index: UInt32(i)), signatureScript: [UInt8](repeating: 0, count: 66),
                                         computeCommit: .forVersion(version, version >= 1 ? 10 : 1))
                    },
                    outputs: [TransactionOutput(value: 1, scriptPublicKey: ScriptPublicKey(version: 0, script: [UInt8](repeating: 0, count: 34)))])
    }
}
