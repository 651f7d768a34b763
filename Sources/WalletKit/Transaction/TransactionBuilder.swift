/// Builds an unsigned payment from chosen UTXOs: outputs, change and a fee that covers the post-Toccata floor
/// (and a fee rate when one is given), sized for the signatures the inputs will carry. Signing, exact v1
/// compute budgets (`DryRun`) and the storage-mass commitment come after; `finish` applies the last two.
public struct TransactionBuilder: Sendable {
    public struct Spend: Sendable {
        public var outpoint: Outpoint
        public var entry: UtxoEntry
        /// Signature script bytes this input will carry once signed (66 for P2PK).
        public var signatureScriptBytes: Int
        /// The v1 compute budget assumed for the fee (10 covers one Schnorr check); `finish` sets the measured one.
        public var computeBudget: UInt16
        public init(outpoint: Outpoint, entry: UtxoEntry, signatureScriptBytes: Int = 66, computeBudget: UInt16 = 10) {
            self.outpoint = outpoint
            self.entry = entry
            self.signatureScriptBytes = signatureScriptBytes
            self.computeBudget = computeBudget
        }
    }

    public var version: UInt16
    public var spends: [Spend]
    public var payments: [TransactionOutput]
    public var change: ScriptPublicKey
    public var feeRate: FeeRate?
    /// Paid on top of the mass-based fee (the reference wallet's `priority_fee`).
    public var priorityFee: Sompi
    public var payload: [UInt8]

    public init(version: UInt16 = 0, spends: [Spend], payments: [TransactionOutput], change: ScriptPublicKey,
                feeRate: FeeRate? = nil, priorityFee: Sompi = .zero, payload: [UInt8] = []) {
        self.version = version
        self.spends = spends
        self.payments = payments
        self.change = change
        self.feeRate = feeRate
        self.priorityFee = priorityFee
        self.payload = payload
    }

    /// The unsigned transaction with its fee. The change output is left out when it would be zero.
    /// v1 inputs carry the spends' assumed compute budgets; `finish` replaces them with measured ones.
    public func build() throws(BuildError) -> (tx: PopulatedTransaction, fee: Sompi) {
        guard !spends.isEmpty else { throw .noInputs }
        guard let available = spends.map(\.entry.amount).checkedSum() else { throw .overflow }
        guard let paying = payments.map(\.value).checkedSum() else { throw .overflow }
        for (i, p) in payments.enumerated() where p.value == .zero { throw .zeroOutput(i) }

        let tx = Transaction(
            version: version,
            inputs: spends.map {
                TransactionInput(previousOutpoint: $0.outpoint, sequence: 0, computeCommit: .forVersion(version, version >= 1 ? $0.computeBudget : 1))
            },
            outputs: payments + [TransactionOutput(value: 1, scriptPublicKey: change)],
            payload: payload)
        // The fee depends on the masses, and the storage mass on the change value, which depends on the fee:
        // start from no fee and raise it until it covers the transaction it leaves (a few rounds at most).
        // A change so small that its storage mass would break the block limit is given to the fee instead.
        let entries = spends.map(\.entry)
        var fee = Sompi.zero
        var keepChange = true
        for _ in 0..<16 {
            guard let needed = paying.adding(fee) else { throw .overflow }
            guard let remainder = available.subtracting(needed) else {
                throw .insufficientFunds(available: available, payments: paying, fee: fee)
            }
            var candidate = tx
            if remainder == .zero || !keepChange {
                candidate.outputs.removeLast()
            } else {
                candidate.outputs[candidate.outputs.count - 1].value = remainder
            }
            let ptx = try! PopulatedTransaction(tx: candidate, entries: entries)
            let storage = StorageMass.compute(ptx) ?? .max
            if storage > MassLimits.toccata.storage {
                if keepChange && remainder != .zero { keepChange = false; continue }
                throw .storageMassTooHigh(storage)
            }
            guard let required = requiredFee(candidate, entries: entries).adding(priorityFee) else { throw .overflow }
            if required <= fee {
                // Without a change output, whatever is left over goes to the miner as part of the fee.
                return (ptx, keepChange ? fee : remainder.adding(fee) ?? fee)
            }
            fee = required
        }
        throw .feeDidNotSettle
    }

    /// The floor (and the fee rate, when given) for `tx` once signed: placeholder signature scripts of the final
    /// length stand in for the signatures.
    private func requiredFee(_ tx: Transaction, entries: [UtxoEntry]) -> Sompi {
        var sized = tx
        for (i, s) in spends.enumerated() { sized.inputs[i].signatureScript = [UInt8](repeating: 0, count: s.signatureScriptBytes) }
        var fee = Fees.minimumFee(for: sized)
        if let rate = feeRate {
            let storage = (try? PopulatedTransaction(tx: sized, entries: entries)).flatMap { StorageMass.compute($0) } ?? 0
            let mass = max(ComputeMass.compute(sized), MassLimits.toccata.normalizedTransient(ComputeMass.transient(sized)), storage)
            fee = max(fee, rate.fee(forMass: mass))
        }
        return fee
    }

    /// After signing: exact v1 compute budgets from a dry run of the engine, and the storage-mass commitment.
    public static func finish(_ signed: PopulatedTransaction) -> PopulatedTransaction {
        var done = DryRun.applyingExactBudgets(signed)
        done.tx.storageMass = StorageMass.compute(done) ?? 0
        return done
    }

    public enum BuildError: Error, Equatable, Sendable, CustomStringConvertible {
        case noInputs
        case overflow
        case zeroOutput(Int)
        case insufficientFunds(available: Sompi, payments: Sompi, fee: Sompi)
        case storageMassTooHigh(UInt64)
        case feeDidNotSettle

        public var description: String {
            switch self {
            case .noInputs: return "no UTXOs to spend"
            case .overflow: return "the amounts overflow: check the payment values"
            case .zeroOutput(let i): return "payment \(i) is zero; every output must carry at least 1 sompi"
            case .insufficientFunds(let available, let payments, let fee):
                return "insufficient funds: \(available.kasString) KAS available, \(payments.kasString) KAS to pay plus a \(fee.kasString) KAS fee"
            case .storageMassTooHigh(let mass):
                return "the payments are too small for the inputs: their storage mass (KIP-9) would be \(mass) g, above the \(MassLimits.toccata.storage) g block limit; pay larger amounts or spend smaller UTXOs"
            case .feeDidNotSettle:
                return "the fee did not settle on a stable value; pay a rounder amount or set a fee rate"
            }
        }
    }
}
