import WalletKit

/// The engine's own transactions on their way to acceptance: which chain block accepted each (so a reorg that
/// removes the block takes the acceptance back), and which are overdue. Pure bookkeeping; the engine writes
/// the outcomes to the store.
struct TransactionTracker: Sendable {
    struct Entry: Sendable {
        var inputs: [Outpoint]
        /// Wall-clock seconds when it was broadcast (or first seen pending).
        var submittedAt: Double
        /// The chain block that accepted it, while accepted.
        var acceptedBy: Hash32?
        /// When it was accepted (accepted entries are kept a while, for reorgs).
        var acceptedAt: Double?
    }

    /// How the chain change moved our transactions.
    struct Outcome: Sendable, Equatable {
        var accepted: [TransactionID] = []
        /// Accepted before, no longer (their accepting block left the chain and no new block accepts them).
        var reverted: [TransactionID] = []
        var isEmpty: Bool { accepted.isEmpty && reverted.isEmpty }
    }

    private(set) var entries: [TransactionID: Entry] = [:]

    var pendingCount: Int { entries.values.filter { $0.acceptedBy == nil }.count }
    var pending: [TransactionID] { entries.filter { $0.value.acceptedBy == nil }.map(\.key) }

    func contains(_ id: TransactionID) -> Bool { entries[id] != nil }
    func inputs(of id: TransactionID) -> [Outpoint] { entries[id]?.inputs ?? [] }

    mutating func track(_ id: TransactionID, inputs: [Outpoint], at time: Double) {
        if entries[id] == nil { entries[id] = Entry(inputs: inputs, submittedAt: time) }
    }

    mutating func forget(_ id: TransactionID) { entries[id] = nil }

    /// Applies a VirtualChainChanged notification.
    mutating func apply(_ change: VirtualChainChange, at time: Double) -> Outcome {
        var outcome = Outcome()
        let removed = Set(change.removedChainBlocks)
        var reverted = Set<TransactionID>()
        if !removed.isEmpty {
            for (id, e) in entries {
                if let block = e.acceptedBy, removed.contains(block) {
                    entries[id]?.acceptedBy = nil
                    entries[id]?.acceptedAt = nil
                    reverted.insert(id)
                }
            }
        }
        for block in change.accepted {
            for id in block.transactionIds where entries[id] != nil {
                let wasAccepted = entries[id]?.acceptedBy != nil
                entries[id]?.acceptedBy = block.acceptingBlock
                entries[id]?.acceptedAt = time
                if reverted.remove(id) == nil && !wasAccepted { outcome.accepted.append(id) }
            }
        }
        outcome.reverted = reverted.sorted { $0.hex < $1.hex }
        return outcome
    }

    /// Marks an entry accepted without knowing the block (its inputs were spent on chain while we were away).
    mutating func markAccepted(_ id: TransactionID, at time: Double) {
        entries[id]?.acceptedBy = .zero
        entries[id]?.acceptedAt = time
    }

    /// Pending entries broadcast more than `timeout` seconds ago.
    func overdue(now: Double, timeout: Double) -> [TransactionID] {
        entries.filter { $0.value.acceptedBy == nil && now - $0.value.submittedAt > timeout }.map(\.key)
    }

    /// Drops accepted entries older than `keep` seconds (a reorg deeper than that is not followed).
    mutating func prune(now: Double, keep: Double) {
        entries = entries.filter { _, e in e.acceptedAt.map { now - $0 <= keep } ?? true }
    }
}
