import WalletKit

/// Everything the Machine screen shows about one machine (product.md §3, screen 3).
public struct MachineDetail: Equatable, Sendable {
    public var row: MachineRow
    public var tags: [String]
    /// Where its key comes from: "wallet account 12", "external public key", "external kpub".
    public var keySource: String
    public var addresses: [MachineAddress]
    public var utxos: [UtxoRow]
    /// Spend per hour over the last 24 hours and per day over the last 30 days, oldest first.
    public var spendPerHour: [Sompi]
    public var spendPerDay: [Sompi]
    public var policy: PolicySummary
    /// The machine's latest events, newest first.
    public var events: [ActivityRow]

    public init(row: MachineRow, tags: [String], keySource: String, addresses: [MachineAddress], utxos: [UtxoRow],
                spendPerHour: [Sompi], spendPerDay: [Sompi], policy: PolicySummary, events: [ActivityRow]) {
        self.row = row
        self.tags = tags
        self.keySource = keySource
        self.addresses = addresses
        self.utxos = utxos
        self.spendPerHour = spendPerHour
        self.spendPerDay = spendPerDay
        self.policy = policy
        self.events = events
    }
}

public struct MachineAddress: Equatable, Sendable {
    public var address: String
    /// Derivation path, when the wallet derives it.
    public var path: String?
    public var balance: Sompi
    public var utxoCount: Int

    public init(address: String, path: String?, balance: Sompi, utxoCount: Int) {
        self.address = address
        self.path = path
        self.balance = balance
        self.utxoCount = utxoCount
    }
}

public struct UtxoRow: Equatable, Sendable {
    /// Transaction id, lowercase hex.
    public var transactionId: String
    public var index: UInt32
    public var amount: Sompi
    public var blockDaaScore: UInt64
    public var isCoinbase: Bool
    /// The KIP-20 covenant id (hex) when the UTXO is a covenant UTXO, and what kind ("allowance", "escrow", ...).
    public var covenantId: String?
    public var covenantKind: String?

    public init(transactionId: String, index: UInt32, amount: Sompi, blockDaaScore: UInt64, isCoinbase: Bool = false,
                covenantId: String? = nil, covenantKind: String? = nil) {
        self.transactionId = transactionId
        self.index = index
        self.amount = amount
        self.blockDaaScore = blockDaaScore
        self.isCoinbase = isCoinbase
        self.covenantId = covenantId
        self.covenantKind = covenantKind
    }
}

/// A machine's effective policy, as the policy evaluator applies it (nil: no limit).
public struct PolicySummary: Equatable, Sendable {
    public var perTransaction: Sompi?
    public var hourly: Sompi?
    public var daily: Sompi?
    /// Addresses it may pay (nil: any).
    public var allowedDestinations: [String]?
    /// Fleet machines it may pay (nil: any).
    public var allowedMachines: [String]?
    /// The group whose budget also applies, if any.
    public var group: String?
    /// Whether an allowance covenant enforces the per-transaction limit on chain.
    public var enforcedOnChain: Bool

    public init(perTransaction: Sompi? = nil, hourly: Sompi? = nil, daily: Sompi? = nil, allowedDestinations: [String]? = nil,
                allowedMachines: [String]? = nil, group: String? = nil, enforcedOnChain: Bool = false) {
        self.perTransaction = perTransaction
        self.hourly = hourly
        self.daily = daily
        self.allowedDestinations = allowedDestinations
        self.allowedMachines = allowedMachines
        self.group = group
        self.enforcedOnChain = enforcedOnChain
    }
}
