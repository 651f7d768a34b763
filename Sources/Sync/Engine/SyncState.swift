import WalletKit

/// What the sync engine is doing, as the console's top bar and `kasfleet sync` show it.
public enum SyncState: Sendable, Equatable, CustomStringConvertible {
    /// Opening the connection (and checking network, UTXO index, sync state).
    case connecting
    /// Loading the UTXO snapshot of the watched addresses; percent of the address batches done.
    case syncing(percent: Int)
    /// Up to date: every watched UTXO is in the store and notifications are applied as they come.
    case synced(daaScore: UInt64)
    /// Connected, but the data may be stale: the node is not synced, or notifications wait to be applied.
    case behind(BehindReason)
    /// No connection; the next attempt is in `retryIn`.
    case offline(reason: String, retryIn: Duration)

    public enum BehindReason: Sendable, Equatable, CustomStringConvertible {
        /// The node reports it is not synced with the network (its UTXO index lags).
        case nodeNotSynced(daaScore: UInt64)
        /// This many node notifications are queued, not yet in the store.
        case catchingUp(pendingEvents: Int)

        public var description: String {
            switch self {
            case .nodeNotSynced(let d): return "the node is not synced (DAA score \(d))"
            case .catchingUp(let n): return "\(n) notifications waiting to be applied"
            }
        }
    }

    /// A short word for the state's kind (what changes when the state changes, not the score).
    public var kind: String {
        switch self {
        case .connecting: return "connecting"
        case .syncing: return "syncing"
        case .synced: return "synced"
        case .behind: return "behind"
        case .offline: return "offline"
        }
    }

    public var isSynced: Bool { if case .synced = self { true } else { false } }

    public var description: String {
        switch self {
        case .connecting: return "connecting"
        case .syncing(let p): return "syncing \(p)%"
        case .synced(let d): return "synced (DAA score \(d))"
        case .behind(let r): return "behind: \(r)"
        case .offline(let reason, let retry): return "offline: \(reason); retrying in \(Self.seconds(retry))"
        }
    }

    static func seconds(_ d: Duration) -> String {
        let c = d.components
        let s = Double(c.seconds) + Double(c.attoseconds) / 1e18
        return s < 10 ? String(format: "%.1f s", s) : "\(Int(s.rounded())) s"
    }
}

/// What one `SyncEngine.syncOnce()` (or a resync after a reconnect) did.
public struct SyncSummary: Sendable, Equatable, Codable {
    public var node: String
    public var networkId: String
    public var serverVersion: String
    public var virtualDaaScore: UInt64
    public var isNodeSynced: Bool
    public var watchedAddresses: Int
    /// UTXOs the snapshot added to the store, and removed from it.
    public var added: Int
    public var removed: Int
    /// UTXOs the wallet holds afterwards.
    public var utxos: Int
    public var seconds: Double
}
