import Foundation
import GRDB

/// Which part of the wallet a committed write touched.
public enum StoreChange: Sendable, Equatable, CaseIterable {
    /// UTXOs (balances, maturity, spends in the mempool).
    case utxos
    /// The transaction history.
    case history
    /// The fleet registry: machines, groups, budgets, the spend ledger.
    case fleet

    /// Tables GRDB's region observation watches for this part. (The `utxo` table is a rowid table since
    /// migration `v2-utxo-rowid`: SQLite's change hooks never report `WITHOUT ROWID` tables.)
    var observedTables: [String] {
        switch self {
        case .utxos: return ["utxo"]
        case .history: return ["history"]
        case .fleet: return ["machine", "machineGroup", "budget", "spendLedger"]
        }
    }
}

extension WalletStore {
    /// Every commit of this process that touches the wallet's tables, as it happens (GRDB region observation:
    /// no polling). Writes by another process are not seen here; callers that care re-read now and then. The
    /// observation stops when the stream's consumer goes away.
    public func changes() -> AsyncStream<StoreChange> {
        let (stream, sink) = AsyncStream<StoreChange>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let cancellables = StoreChange.allCases.map { change in
            DatabaseRegionObservation(tracking: change.observedTables.map { Table($0) })
                .start(in: writer, onError: { _ in sink.finish() }, onChange: { _ in sink.yield(change) })
        }
        sink.onTermination = { _ in cancellables.forEach { $0.cancel() } }
        return stream
    }
}
