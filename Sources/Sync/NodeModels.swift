import WalletKit

/// `GetServerInfo`: what the node is and whether it can serve a wallet.
public struct ServerInfo: Sendable, Equatable, Codable {
    public var rpcApiVersion: UInt32
    public var rpcApiRevision: UInt32
    public var serverVersion: String
    /// The node's network id as it reports it: "mainnet", "testnet-10", "devnet", ...
    public var networkId: String
    public var hasUtxoIndex: Bool
    public var isSynced: Bool
    public var virtualDaaScore: UInt64

    public init(rpcApiVersion: UInt32, rpcApiRevision: UInt32, serverVersion: String, networkId: String,
                hasUtxoIndex: Bool, isSynced: Bool, virtualDaaScore: UInt64) {
        self.rpcApiVersion = rpcApiVersion
        self.rpcApiRevision = rpcApiRevision
        self.serverVersion = serverVersion
        self.networkId = networkId
        self.hasUtxoIndex = hasUtxoIndex
        self.isSynced = isSynced
        self.virtualDaaScore = virtualDaaScore
    }

    /// The network, when the id names one Kasfleet knows ("testnet-10" and "testnet-11" style ids included).
    public var network: Network? { try? Network(parsing: networkId) }
}

/// `GetInfo`: mempool size and flags.
public struct NodeInfo: Sendable, Equatable {
    public var p2pId: String
    public var mempoolSize: UInt64
    public var serverVersion: String
    public var isUtxoIndexed: Bool
    public var isSynced: Bool
    public var hasNotifyCommand: Bool
    public var hasMessageId: Bool
}

/// `GetBlockDagInfo`.
public struct BlockDagInfo: Sendable, Equatable {
    public var networkName: String
    public var blockCount: UInt64
    public var headerCount: UInt64
    public var tipHashes: [Hash32]
    public var difficulty: Double
    public var pastMedianTime: Int64
    public var virtualParentHashes: [Hash32]
    public var pruningPointHash: Hash32
    public var virtualDaaScore: UInt64
    public var sink: Hash32
}

/// One UTXO of an address, as the UTXO index reports it (`RpcUtxosByAddressesEntry`).
public struct AddressUtxo: Sendable, Hashable {
    /// Nil when the node could not render the script as an address (a non-standard script).
    public var address: Address?
    public var outpoint: Outpoint
    public var entry: UtxoEntry

    public init(address: Address?, outpoint: Outpoint, entry: UtxoEntry) {
        self.address = address
        self.outpoint = outpoint
        self.entry = entry
    }
}

public struct AddressBalance: Sendable, Hashable {
    public var address: Address
    public var balance: Sompi
}

/// A transaction in the mempool with its fee (`RpcMempoolEntry`).
public struct MempoolEntry: Sendable, Hashable {
    public var fee: Sompi
    public var transaction: Transaction
    public var isOrphan: Bool
}

/// `RpcMempoolEntryByAddress`: mempool transactions spending from (`sending`) or paying to (`receiving`) an address.
public struct AddressMempoolEntries: Sendable, Hashable {
    public var address: Address
    public var sending: [MempoolEntry]
    public var receiving: [MempoolEntry]
}

/// One fee-rate bucket: a rate in sompi per gram and the time to inclusion the node expects at that rate.
public struct FeeBucket: Sendable, Equatable, Codable {
    public var feerate: Double
    public var estimatedSeconds: Double

    public init(feerate: Double, estimatedSeconds: Double) {
        self.feerate = feerate
        self.estimatedSeconds = estimatedSeconds
    }

    public var rate: FeeRate { FeeRate(sompiPerGram: feerate) }
}

/// `GetFeeEstimate` (`mining/src/feerate/mod.rs`): priority (sub-second), normal (sub-minute), low (sub-hour).
public struct FeeEstimate: Sendable, Equatable, Codable {
    public var priority: FeeBucket
    public var normal: [FeeBucket]
    public var low: [FeeBucket]

    public init(priority: FeeBucket, normal: [FeeBucket], low: [FeeBucket]) {
        self.priority = priority
        self.normal = normal
        self.low = low
    }
}

/// The transactions one chain block accepted.
public struct AcceptedTransactions: Sendable, Hashable {
    public var acceptingBlock: Hash32
    public var transactionIds: [TransactionID]

    public init(acceptingBlock: Hash32, transactionIds: [TransactionID]) {
        self.acceptingBlock = acceptingBlock
        self.transactionIds = transactionIds
    }
}

/// A change of the virtual selected-parent chain: removed blocks high to low, added blocks low to high. A reorg
/// removes blocks; the transactions they accepted are no longer accepted unless an added block accepts them again.
public struct VirtualChainChange: Sendable, Hashable {
    public var removedChainBlocks: [Hash32]
    public var addedChainBlocks: [Hash32]
    /// Filled when the subscription (or the call) asked for accepted transaction ids.
    public var accepted: [AcceptedTransactions]

    public init(removedChainBlocks: [Hash32], addedChainBlocks: [Hash32], accepted: [AcceptedTransactions]) {
        self.removedChainBlocks = removedChainBlocks
        self.addedChainBlocks = addedChainBlocks
        self.accepted = accepted
    }
}

/// UTXOs added and removed for the subscribed addresses by one change of the virtual.
public struct UtxosChanged: Sendable, Hashable {
    public var added: [AddressUtxo]
    public var removed: [AddressUtxo]

    public init(added: [AddressUtxo], removed: [AddressUtxo]) {
        self.added = added
        self.removed = removed
    }
}

/// What a `NodeClient` reports on its event stream: the node's notifications and the connection's state.
public enum NodeEvent: Sendable {
    case connected(ServerInfo)
    /// The stream to the node ended; the error says why. Subscriptions are renewed by the next `connect()`.
    case disconnected(NodeError)
    case utxosChanged(UtxosChanged)
    case virtualDaaScoreChanged(UInt64)
    case sinkBlueScoreChanged(UInt64)
    case virtualChainChanged(VirtualChainChange)
}
