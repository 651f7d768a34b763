import Foundation
import GRDB
import Synchronization

/// Which part of the wallet a committed write touched.
public enum StoreChange: Sendable, Equatable, CaseIterable {
    /// UTXOs (balances, maturity, spends in the mempool).
    case utxos
    /// The transaction history.
    case history
    /// The fleet registry: machines, groups, budgets, the spend ledger.
    case fleet

    /// Tables GRDB's region observation reports for this part. The `utxo` table is WITHOUT ROWID, which SQLite's
    /// change hooks (and so GRDB's observation) never report: its writers post `.utxos` themselves.
    var observedTables: [String] {
        switch self {
        case .utxos: return []
        case .history: return ["history"]
        case .fleet: return ["machine", "machineGroup", "budget", "spendLedger"]
        }
    }
}

/// The listeners of `WalletStore.changes()` for changes the database cannot report (see `StoreChange.utxos`).
final class StoreChangeSignal: Sendable {
    private let listeners = Mutex<[UUID: AsyncStream<StoreChange>.Continuation]>([:])

    func add(_ sink: AsyncStream<StoreChange>.Continuation) -> UUID {
        let id = UUID()
        listeners.withLock { $0[id] = sink }
        return id
    }

    func remove(_ id: UUID) { _ = listeners.withLock { $0.removeValue(forKey: id) } }

    func post(_ change: StoreChange) {
        for sink in listeners.withLock({ Array($0.values) }) { sink.yield(change) }
    }
}

extension WalletStore {
    /// Every commit of this process that touches the wallet's tables, as it happens (GRDB region observation,
    /// and the UTXO writers' own signal: no polling). Writes by another process are not seen here; callers that
    /// care re-read now and then. The observation stops when the stream's consumer goes away.
    public func changes() -> AsyncStream<StoreChange> {
        let (stream, sink) = AsyncStream<StoreChange>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let cancellables = StoreChange.allCases.filter { !$0.observedTables.isEmpty }.map { change in
            DatabaseRegionObservation(tracking: change.observedTables.map { Table($0) })
                .start(in: writer, onError: { _ in sink.finish() }, onChange: { _ in sink.yield(change) })
        }
        let signal = changeSignal
        let id = signal.add(sink)
        sink.onTermination = { _ in
            cancellables.forEach { $0.cancel() }
            signal.remove(id)
        }
        return stream
    }

    /// Posts `.utxos` once the current write transaction commits (nothing on a rollback).
    func utxosChanged(_ db: Database) {
        let signal = changeSignal
        db.afterNextTransaction(onCommit: { _ in signal.post(.utxos) })
    }
}
