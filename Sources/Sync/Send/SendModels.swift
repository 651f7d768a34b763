import WalletKit

/// How a payment's fee is chosen: a rate (nil: the node's normal estimate), never below the post-Toccata floor
/// of 100 sompi per gram, applied to `max(compute, normalized transient, storage)` mass, plus a priority fee.
public struct FeePolicy: Sendable, Equatable {
    public var rate: FeeRate?
    public var priorityFee: Sompi

    public init(rate: FeeRate? = nil, priorityFee: Sompi = .zero) {
        self.rate = rate
        self.priorityFee = priorityFee
    }

    public static let estimate = FeePolicy()
}

/// A payment to make: `amount` to `destination`, from an account or a machine.
public struct PaymentRequest: Sendable {
    public var source: SpendSource
    public var destination: Address
    public var amount: Sompi
    public var fee: FeePolicy
    public var note: String?

    public init(source: SpendSource, destination: Address, amount: Sompi, fee: FeePolicy = .estimate, note: String? = nil) {
        self.source = source
        self.destination = destination
        self.amount = amount
        self.fee = fee
        self.note = note
    }
}

/// The policy's answer for a spend (machines only; an operator account's payment is not under a budget).
public struct PolicyVerdict: Sendable, Equatable, Codable {
    /// False when the source is an account: no machine budget applies.
    public var applies: Bool
    public var allowed: Bool
    /// Every reason to refuse (empty when allowed).
    public var reasons: [String]

    public static let notApplicable = PolicyVerdict(applies: false, allowed: true, reasons: [])

    public init(applies: Bool, allowed: Bool, reasons: [String]) {
        self.applies = applies
        self.allowed = allowed
        self.reasons = reasons
    }

    public init(_ decision: PolicyDecision) {
        self.init(applies: true, allowed: decision.isAllowed, reasons: decision.reasons)
    }
}

/// One transaction as previews and reports show it. Amounts in sompi, masses in grams.
public struct TransactionSummary: Sendable, Equatable, Codable {
    public struct Output: Sendable, Equatable, Codable {
        public var address: String
        public var amount: UInt64
        public var isChange: Bool
    }

    /// The id Kasfleet computed (the node's answer is checked against it).
    public var transactionId: String
    public var inputs: [String]
    public var inputAmount: UInt64
    public var outputs: [Output]
    public var fee: UInt64
    public var computeMass: UInt64
    public var transientMass: UInt64
    public var storageMass: UInt64
    /// The fee rate the fee was sized with, in sompi per gram.
    public var feeRate: Double

    /// A summary of a built transaction; `signatureScriptBytes` sizes unsigned inputs as they will be once signed.
    public init(_ ptx: PopulatedTransaction, fee: Sompi, feeRate: FeeRate, change: ScriptPublicKey?, prefix: AddressPrefix,
                signatureScriptBytes: Int = 66) {
        var sized = ptx.tx
        for i in sized.inputs.indices where sized.inputs[i].signatureScript.isEmpty {
            sized.inputs[i].signatureScript = [UInt8](repeating: 0, count: signatureScriptBytes)
        }
        transactionId = ptx.tx.id.hex
        inputs = ptx.tx.inputs.map { "\($0.previousOutpoint)" }
        inputAmount = ptx.entries.reduce(UInt64(0)) { $0 &+ $1.amount.rawValue }
        outputs = ptx.tx.outputs.map { o in
            Output(address: (try? o.scriptPublicKey.address(prefix: prefix).string) ?? "script:\(o.scriptPublicKey.script.hex)",
                   amount: o.value.rawValue, isChange: o.scriptPublicKey == change)
        }
        self.fee = fee.rawValue
        computeMass = ComputeMass.compute(sized)
        transientMass = ComputeMass.transient(sized)
        storageMass = StorageMass.compute(ptx) ?? .max
        self.feeRate = Double(feeRate.milliSompiPerGram) / 1000
    }
}

/// What a send, sweep or compound did (or, with a dry run, would do).
public struct SendReport: Sendable, Equatable, Codable {
    public var dryRun: Bool
    public var source: String
    public var transactions: [TransactionSummary]
    public var policy: PolicyVerdict
    /// Ids the node returned, in order (empty for a dry run); each equals the computed one.
    public var submitted: [String]
    /// UTXOs left out of a sweep or compound because each is worth less than the fee its input costs.
    public var uneconomic: [String]

    public var totalFee: UInt64 { transactions.reduce(UInt64(0)) { $0 &+ $1.fee } }
}

/// Why a send stopped, beyond the store's and the node's own errors.
public enum SendError: Error, Equatable, Sendable, CustomStringConvertible {
    case selfCheckFailed(String)
    case idMismatch(ours: String, node: String)
    case tooHeavy(computeMass: UInt64, limit: UInt64)
    case insufficientFunds(available: Sompi, needed: Sompi)
    case nothingToConsolidate(String)

    public var description: String {
        switch self {
        case .selfCheckFailed(let why): return "the signed transaction did not pass validation, so it was not broadcast: \(why)"
        case .idMismatch(let ours, let node):
            return "the node reports transaction id \(node), but Kasfleet computed \(ours): the transaction was broadcast; check it with 'kasfleet history'"
        case .tooHeavy(let mass, let limit):
            return "the payment needs too many inputs (compute mass \(mass) g, limit \(limit) g): run 'kasfleet compound' first, or pay less"
        case .insufficientFunds(let available, let needed):
            return "insufficient funds: \(available.kasString) KAS spendable, \(needed.kasString) KAS needed with the fee"
        case .nothingToConsolidate(let why): return why
        }
    }
}
