import WalletKit

/// How urgent a payment is: which bucket of the node's fee estimate it pays.
public enum FeePriority: String, Equatable, Sendable, CaseIterable {
    case low, normal, priority
}

/// A payment the operator is composing in the Send form.
public struct SendRequest: Equatable, Sendable {
    /// A machine's name to pay from, or nil for the wallet's own accounts.
    public var from: String?
    /// A Kaspa address or a machine's name.
    public var to: String
    public var amount: Sompi
    public var priority: FeePriority

    public init(from: String? = nil, to: String, amount: Sompi, priority: FeePriority = .normal) {
        self.from = from
        self.to = to
        self.amount = amount
        self.priority = priority
    }
}

/// What a payment would do, before anything is signed: the figures and the policy's verdict.
public struct SendPreview: Equatable, Sendable {
    public var request: SendRequest
    /// The address paid (the machine's receive address when `to` named a machine).
    public var destination: String
    /// The fleet machine paid, if any.
    public var destinationMachine: String?
    public var fee: Sompi
    /// Compute mass in grams (signatures included) and KIP-9 storage mass.
    public var computeMass: UInt64
    public var storageMass: UInt64
    public var inputs: Int
    /// The payer's balance after amount and fee.
    public var balanceAfter: Sompi
    public var verdict: PolicyVerdict

    public init(request: SendRequest, destination: String, destinationMachine: String?, fee: Sompi, computeMass: UInt64,
                storageMass: UInt64, inputs: Int, balanceAfter: Sompi, verdict: PolicyVerdict) {
        self.request = request
        self.destination = destination
        self.destinationMachine = destinationMachine
        self.fee = fee
        self.computeMass = computeMass
        self.storageMass = storageMass
        self.inputs = inputs
        self.balanceAfter = balanceAfter
        self.verdict = verdict
    }

    public var total: Sompi { request.amount.adding(fee) ?? .maxSupply }
}

/// The policy evaluator's answer, with every reason (product.md §2).
public enum PolicyVerdict: Equatable, Sendable {
    case allowed(notes: [String])
    case denied(reasons: [String])

    public var isAllowed: Bool { if case .allowed = self { return true } else { return false } }
}

/// A payment that was signed and handed to the node.
public struct SendReceipt: Equatable, Sendable {
    public var transactionId: String
    public var amount: Sompi
    public var fee: Sompi
    public var destination: String

    public init(transactionId: String, amount: Sompi, fee: Sompi, destination: String) {
        self.transactionId = transactionId
        self.amount = amount
        self.fee = fee
        self.destination = destination
    }
}

/// Whose receive address the Receive screen shows.
public enum ReceiveTarget: Equatable, Sendable {
    case wallet
    case machine(MachineID)
}

public struct ReceiveAddress: Equatable, Sendable {
    public var address: String
    /// "wallet account 0" or the machine's name.
    public var label: String
    public var path: String?

    public init(address: String, label: String, path: String?) {
        self.address = address
        self.label = label
        self.path = path
    }
}
