/// A transaction id (32 bytes, natural order).
public typealias TransactionID = Hash32

/// The transaction model of rusty-kaspa `consensus/core/src/tx.rs`, versions 0 and 1.
public struct Transaction: Hashable, Sendable {
    public var version: UInt16
    public var inputs: [TransactionInput]
    public var outputs: [TransactionOutput]
    public var lockTime: UInt64
    public var subnetworkId: SubnetworkId
    public var gas: UInt64
    public var payload: [UInt8]
    /// The KIP-9 storage-mass commitment (`mass` before Toccata).
    public var storageMass: UInt64

    /// Version 1 arrived with Toccata; consensus rejects anything above (`check_transaction_version`).
    public static let maxVersion: UInt16 = 1

    public init(version: UInt16 = 0, inputs: [TransactionInput] = [], outputs: [TransactionOutput] = [],
                lockTime: UInt64 = 0, subnetworkId: SubnetworkId = .native, gas: UInt64 = 0,
                payload: [UInt8] = [], storageMass: UInt64 = 0) {
        self.version = version
        self.inputs = inputs
        self.outputs = outputs
        self.lockTime = lockTime
        self.subnetworkId = subnetworkId
        self.gas = gas
        self.payload = payload
        self.storageMass = storageMass
    }

    public var isCoinbase: Bool { subnetworkId == .coinbase }
}

public struct Outpoint: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var transactionId: TransactionID
    public var index: UInt32

    public init(transactionId: TransactionID, index: UInt32) {
        self.transactionId = transactionId
        self.index = index
    }

    public static func < (a: Outpoint, b: Outpoint) -> Bool {
        a.transactionId == b.transactionId ? a.index < b.index : a.transactionId < b.transactionId
    }
    public var description: String { "\(transactionId.hex):\(index)" }
}

/// The per-input compute commitment: a sig-op count in v0, a compute budget in v1
/// (`consensus/core/src/tx.rs`, `ComputeCommit`). Mixing them is a consensus error, but the model can hold
/// either so that such transactions can be decoded, hashed and rejected with a precise reason.
public enum ComputeCommit: Hashable, Sendable {
    case sigOpCount(UInt8)
    case computeBudget(UInt16)

    public var sigOpCount: UInt8? { if case .sigOpCount(let n) = self { return n } else { return nil } }
    public var computeBudget: UInt16? { if case .computeBudget(let n) = self { return n } else { return nil } }

    /// The commit a transaction of this version expects, holding `value`.
    public static func forVersion(_ version: UInt16, _ value: UInt16) -> ComputeCommit {
        version >= 1 ? .computeBudget(value) : .sigOpCount(UInt8(clamping: value))
    }
}

public struct TransactionInput: Hashable, Sendable {
    public var previousOutpoint: Outpoint
    public var signatureScript: [UInt8]
    public var sequence: UInt64
    public var computeCommit: ComputeCommit

    public init(previousOutpoint: Outpoint, signatureScript: [UInt8] = [], sequence: UInt64 = 0,
                computeCommit: ComputeCommit = .sigOpCount(1)) {
        self.previousOutpoint = previousOutpoint
        self.signatureScript = signatureScript
        self.sequence = sequence
        self.computeCommit = computeCommit
    }
}

/// KIP-20: an output bound to a covenant id, authorized by one of the transaction's inputs.
public struct CovenantBinding: Hashable, Sendable, Codable {
    public var authorizingInput: UInt16
    public var covenantId: Hash32

    public init(authorizingInput: UInt16, covenantId: Hash32) {
        self.authorizingInput = authorizingInput
        self.covenantId = covenantId
    }
}

public struct TransactionOutput: Hashable, Sendable {
    public var value: Sompi
    public var scriptPublicKey: ScriptPublicKey
    public var covenant: CovenantBinding?

    public init(value: Sompi, scriptPublicKey: ScriptPublicKey, covenant: CovenantBinding? = nil) {
        self.value = value
        self.scriptPublicKey = scriptPublicKey
        self.covenant = covenant
    }
}

/// What an input spends, as the UTXO set holds it.
public struct UtxoEntry: Hashable, Sendable {
    public var amount: Sompi
    public var scriptPublicKey: ScriptPublicKey
    public var blockDaaScore: UInt64
    public var isCoinbase: Bool
    /// Set from the creating output's covenant binding (KIP-20).
    public var covenantId: Hash32?

    public init(amount: Sompi, scriptPublicKey: ScriptPublicKey, blockDaaScore: UInt64 = 0, isCoinbase: Bool = false,
                covenantId: Hash32? = nil) {
        self.amount = amount
        self.scriptPublicKey = scriptPublicKey
        self.blockDaaScore = blockDaaScore
        self.isCoinbase = isCoinbase
        self.covenantId = covenantId
    }
}

/// A transaction together with the UTXO entry of every input: what signing and validation need.
public struct PopulatedTransaction: Sendable {
    public var tx: Transaction
    public var entries: [UtxoEntry]

    public init(tx: Transaction, entries: [UtxoEntry]) throws(TransactionError) {
        guard entries.count == tx.inputs.count else {
            throw .utxoEntryCount(inputs: tx.inputs.count, entries: entries.count)
        }
        self.tx = tx
        self.entries = entries
    }
}

public enum TransactionError: Error, Equatable, Sendable, CustomStringConvertible {
    case utxoEntryCount(inputs: Int, entries: Int)
    case inputIndex(Int, count: Int)

    public var description: String {
        switch self {
        case .utxoEntryCount(let i, let e):
            return "the transaction has \(i) inputs but \(e) UTXO entries were given; every input needs the entry it spends"
        case .inputIndex(let i, let n): return "input index \(i) is out of range: the transaction has \(n) inputs"
        }
    }
}
