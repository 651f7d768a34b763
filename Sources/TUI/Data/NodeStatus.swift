import WalletKit

/// The node as the console shows it: always present, never hidden, even when it is behind or gone.
public struct NodeStatus: Equatable, Sendable {
    public enum Sync: Equatable, Sendable {
        case connecting
        /// Catching up; `progress` counts what the sync measures (headers, blocks or UTXO chunks).
        case syncing(WorkProgress)
        case synced
        /// Connected but its virtual DAA score is this far behind the network's.
        case behind(daaScores: UInt64)
        /// Connected, but what the wallet shows may be out of date (the node is not synced, or notifications
        /// wait to be applied); the text says which.
        case lagging(String)
        case offline(reason: String)
    }

    public var url: String
    public var network: Network
    public var sync: Sync
    public var daaScore: UInt64?
    public var mempoolSize: Int?
    public var feeRates: FeeRates?
    public var serverVersion: String?
    public var hasUtxoIndex: Bool?
    public var peers: Int?
    /// Unix seconds of the last message from the node.
    public var lastUpdate: Int64?
    /// The embedded devnet node (its controls come with the node issue).
    public var isEmbedded: Bool

    public init(url: String, network: Network, sync: Sync, daaScore: UInt64? = nil, mempoolSize: Int? = nil,
                feeRates: FeeRates? = nil, serverVersion: String? = nil, hasUtxoIndex: Bool? = nil, peers: Int? = nil,
                lastUpdate: Int64? = nil, isEmbedded: Bool = false) {
        self.url = url
        self.network = network
        self.sync = sync
        self.daaScore = daaScore
        self.mempoolSize = mempoolSize
        self.feeRates = feeRates
        self.serverVersion = serverVersion
        self.hasUtxoIndex = hasUtxoIndex
        self.peers = peers
        self.lastUpdate = lastUpdate
        self.isEmbedded = isEmbedded
    }

    /// Short state words for the top bar: "synced", "syncing 42%", "behind 1,200", "offline", "connecting".
    public var stateText: String {
        switch sync {
        case .connecting: return "connecting"
        case .syncing(let p): return "syncing \(p.percent)%"
        case .synced: return "synced"
        case .behind(let n): return "behind \(NumberText.grouped(n))"
        case .lagging: return "behind"
        case .offline: return "offline"
        }
    }
}

/// Fee rates from the node's estimate, one per priority (from GetFeeEstimate's buckets: low = sub-hour,
/// normal = sub-minute, priority = sub-second).
public struct FeeRates: Equatable, Sendable {
    public var low: FeeRate
    public var normal: FeeRate
    public var priority: FeeRate
    public init(low: FeeRate, normal: FeeRate, priority: FeeRate) {
        self.low = low
        self.normal = normal
        self.priority = priority
    }
}

/// Progress of long work, in integers: `done` of `total`.
public struct WorkProgress: Equatable, Sendable {
    public var done: UInt64
    public var total: UInt64
    public init(done: UInt64, total: UInt64) {
        self.done = done
        self.total = total
    }

    /// 0...100, rounded down.
    public var percent: Int { total == 0 ? 0 : Int(min(100, done.multipliedFullWidth(by: 100).low / total)) }
    /// 0...1000, for bars.
    public var permille: Int { total == 0 ? 0 : Int(min(1000, done.multipliedFullWidth(by: 1000).low / total)) }
}
