import Foundation
import WalletKit

/// UTXO changes of a burst of notifications, collapsed per outpoint (the last change wins), so that a burst is
/// one store transaction whatever order its notifications had. Additions and removals stay in arrival order in
/// two arrays, the form the store takes, and the dictionary holds only where each outpoint's latest change is:
/// a burst is tens of thousands of changes, and a burst with no outpoint twice (the usual one) goes to the store
/// without being copied again.
struct UtxoChangeSet {
    private var added: [UtxoUpdate] = []
    private var removed: [Outpoint] = []
    /// Where each outpoint's latest change is: its index in `added`, or the bitwise NOT of its index in `removed`.
    private var latest: [Outpoint: Int] = [:]
    /// Changes a later change of the same outpoint took over, by the same code as `latest`.
    private var superseded = Set<Int>()

    var isEmpty: Bool { latest.isEmpty }
    var count: Int { latest.count }

    /// Room for `n` more changes without growing.
    mutating func reserve(_ n: Int) {
        added.reserveCapacity(added.count + n)
        latest.reserveCapacity(latest.count + n)
    }

    /// `watched`: the watched addresses with their row id and text as the store keeps them.
    mutating func apply(_ u: UtxosChanged, watched: [Address: WatchedAddress]) {
        for r in u.removed {
            record(~removed.count, r.outpoint)
            removed.append(r.outpoint)
        }
        for a in u.added {
            guard let key = a.address, let address = watched[key] else { continue }
            record(added.count, a.outpoint)
            added.append(UtxoUpdate(outpoint: a.outpoint, entry: a.entry, watched: address))
        }
    }

    private mutating func record(_ code: Int, _ outpoint: Outpoint) {
        if let earlier = latest.updateValue(code, forKey: outpoint) { superseded.insert(earlier) }
    }

    /// (added, removed) in chunks of at most `size` changes: the additions in arrival order, then the removals.
    /// Each outpoint has one change left, so their order does not change what the store ends with.
    func chunks(_ size: Int) -> [(added: [UtxoUpdate], removed: [Outpoint])] {
        guard !isEmpty else { return [] }
        if superseded.isEmpty && added.count + removed.count <= size { return [(added, removed)] }
        let adds = superseded.isEmpty ? added : added.indices.filter { !superseded.contains($0) }.map { added[$0] }
        let removes = superseded.isEmpty ? removed : removed.indices.filter { !superseded.contains(~$0) }.map { removed[$0] }
        var out: [(added: [UtxoUpdate], removed: [Outpoint])] = []
        var start = 0
        while start < adds.count + removes.count {
            let end = min(start + size, adds.count + removes.count)
            out.append((Array(adds[min(start, adds.count)..<min(end, adds.count)]),
                        Array(removes[max(start - adds.count, 0)..<max(end - adds.count, 0)])))
            start = end
        }
        return out
    }
}

extension SyncEngine {
    // MARK: connect and resync

    func connectAndSync() async throws -> SyncSummary {
        set(.connecting)
        let started = ContinuousClock.now
        let info = try await client.connect(expecting: network, requireUtxoIndex: options.requireUtxoIndex)
        serverInfo = info
        nodeSynced = info.isSynced
        virtualDaaScore = max(virtualDaaScore, info.virtualDaaScore)
        try await dropUntilConnected()
        if !globalSubscriptions {
            try await client.subscribeVirtualDaaScoreChanged()
            try await client.subscribeVirtualChainChanged(includeAcceptedTransactionIds: true)
            globalSubscriptions = true
        }
        _ = try await subscribeNewAddresses()
        set(.syncing(percent: 0))
        let (added, removed) = try await reconcile(watched, reportProgress: true)
        try await updateMaturity(force: true)
        try loadPendingTransactions()
        try settleByInputs()
        set(currentState())
        let elapsed = ContinuousClock.now - started
        return SyncSummary(node: client.endpoint.description, networkId: info.networkId, serverVersion: info.serverVersion,
                           virtualDaaScore: virtualDaaScore, isNodeSynced: info.isSynced, watchedAddresses: watched.count,
                           added: added, removed: removed, utxos: try store.utxoCount(), seconds: Backoff.seconds(elapsed))
    }

    /// Loads addresses added to the store since the last look and subscribes them (batched by the client).
    func subscribeNewAddresses() async throws -> [Address] {
        let rows = try store.watchedAddresses(after: lastAddressId)
        guard !rows.isEmpty else { return [] }
        var fresh: [(Address, WatchedAddress)] = []
        for row in rows {
            guard let address = try? Address(row.address) else {
                logger.error("stored address does not parse; not watched", metadata: ["address": "\(row.address)"])
                continue
            }
            if watchedNames[address] == nil { fresh.append((address, row)) }
        }
        try await client.subscribeUtxosChanged(fresh.map(\.0))
        for (address, row) in fresh where watchedNames.updateValue(row, forKey: address) == nil { watched.append(address) }
        lastAddressId = rows.last?.id ?? lastAddressId
        return fresh.map(\.0)
    }

    /// Makes the store hold exactly the node's UTXOs of `addresses` (batch by batch, one store transaction
    /// each): adds what it lacks (or holds with another block DAA score, after a reorg), removes what the node
    /// no longer has. Returns how many were added and removed.
    func reconcile(_ addresses: [Address], reportProgress: Bool) async throws -> (Int, Int) {
        let batches = addresses.chunked(max(1, options.snapshotBatchSize))
        var totalAdded = 0, totalRemoved = 0
        // What each transaction paid the addresses reconciled so far: a payment to addresses in several batches
        // is recorded with the first and raised with each later one (never past what it paid us).
        var received = ReceivedPayments()
        for (i, batch) in batches.enumerated() {
            let snapshot = try await client.utxos(for: Array(batch))
            let strings = batch.map(\.string)
            let held = try store.utxoScores(addresses: strings)
            var seen = Set<Outpoint>()
            var added: [UtxoUpdate] = []
            for u in snapshot {
                guard let a = u.address, let address = watchedNames[a] else { continue }
                seen.insert(u.outpoint)
                if held[u.outpoint] != u.entry.blockDaaScore {
                    added.append(UtxoUpdate(outpoint: u.outpoint, entry: u.entry, watched: address))
                }
            }
            let removed = held.keys.filter { !seen.contains($0) }
            if !added.isEmpty || !removed.isEmpty {
                // Payments received while no engine ran reach the history here, in the transaction that stores
                // their UTXOs (one of ours keeps its outgoing row).
                countReceived(added, into: &received)
                var listed = Set<TransactionID>()
                try await store.applyUtxoChanges(added: added, removed: removed, virtualDaaScore: virtualDaaScore,
                                                 incoming: received.payments(of: added, at: Int64(clock.now()), skipping: &listed))
            }
            totalAdded += added.count
            totalRemoved += removed.count
            if reportProgress { set(.syncing(percent: (i + 1) * 100 / max(1, batches.count))) }
        }
        return (totalAdded, totalRemoved)
    }

    func currentState() -> SyncState {
        if !nodeSynced { return .behind(.nodeNotSynced(daaScore: virtualDaaScore)) }
        if inbox.count > options.behindThreshold { return .behind(.catchingUp(pendingEvents: inbox.count)) }
        return .synced(daaScore: virtualDaaScore)
    }

    // MARK: live

    /// Applies notifications until the connection is lost (throws its error) or the task is cancelled.
    func live() async throws {
        while !Task.isCancelled {
            let batch = await takeInbox()
            if batch.isEmpty && isFinished { throw CancellationError() }
            if let lost = try await apply(batch) { throw lost }
        }
        throw CancellationError()
    }

    /// Applies what is queued now, without waiting.
    func applyQueued() async throws {
        if let lost = try await apply(inbox.takeAll()) { throw lost }
    }

    /// Applies one burst in order: its UTXO changes in one store transaction (or a few, when huge), then its
    /// chain changes and periodic work. Returns the error of a `.disconnected` in the burst (the items after it
    /// go back to the queue, for the next connection's marker to sort out).
    func apply(_ batch: [Inbound]) async throws -> NodeError? {
        var changes = UtxoChangeSet()
        changes.reserve(batch.reduce(0) { n, item in
            if case .node(.utxosChanged(let u)) = item { n + u.added.count + u.removed.count } else { n }
        })
        var chain: [VirtualChainChange] = []
        var tick = false
        var lost: NodeError?
        for (i, item) in batch.enumerated() {
            if case .node(.disconnected(let error)) = item {
                lost = error
                inbox.putBack(Array(batch[(i + 1)...]))
                break
            }
            switch item {
            case .tick: tick = true
            case .node(.utxosChanged(let u)): changes.apply(u, watched: watchedNames)
            case .node(.virtualDaaScoreChanged(let score)): virtualDaaScore = max(virtualDaaScore, score)
            case .node(.virtualChainChanged(let c)): chain.append(c)
            case .node(.connected), .node(.disconnected), .node(.sinkBlueScoreChanged): break
            }
        }
        if !changes.isEmpty { try await write(changes) }
        for c in chain { try applyChain(c) }
        if tick { try await periodic() }
        if lost == nil { set(currentState()) }
        return lost
    }

    /// One store transaction per chunk (one for a burst of up to `maxChangesPerWrite` changes). Each payment
    /// received, with all it paid us in the burst, goes with the first chunk holding one of its UTXOs: if the
    /// process stops between chunks, no stored UTXO is left without its payment (a resync would not add that
    /// UTXO again, so would not record the payment either).
    private func write(_ changes: UtxoChangeSet) async throws {
        let chunks = changes.chunks(max(1, options.maxChangesPerWrite))
        var received = ReceivedPayments()
        for chunk in chunks { countReceived(chunk.added, into: &received) }
        var recorded = Set<TransactionID>()
        let at = Int64(clock.now())
        for chunk in chunks {
            try await store.applyUtxoChanges(added: chunk.added, removed: chunk.removed, virtualDaaScore: virtualDaaScore,
                                             incoming: received.payments(of: chunk.added, at: at, skipping: &recorded))
        }
    }

    /// Adds the UTXOs of `added` to what each transaction paid us, except those of a transaction of ours being
    /// followed (its change is not a payment received).
    func countReceived(_ added: [UtxoUpdate], into received: inout ReceivedPayments) {
        for u in added where !tracker.contains(u.outpoint.transactionId) { received.add(u) }
    }

    private func applyChain(_ change: VirtualChainChange) throws {
        let outcome = tracker.apply(change, at: clock.now())
        for id in outcome.accepted {
            try store.markHistory(id, state: .accepted, blockDaaScore: virtualDaaScore)
            logger.info("transaction accepted", metadata: ["transactionId": "\(id.hex)"])
        }
        for id in outcome.reverted {
            // A reorg took the acceptance back: pending again, and its inputs (back in the UTXO set) stay ours to spend only through it.
            try store.revertAcceptance(id, inputs: tracker.inputs(of: id))
            logger.warning("transaction acceptance reverted by a reorg", metadata: ["transactionId": "\(id.hex)"])
        }
    }

    // MARK: periodic work

    func periodic() async throws {
        let fresh = try await subscribeNewAddresses()
        if !fresh.isEmpty { _ = try await reconcile(fresh, reportProgress: false) }
        try await updateMaturity(force: false)
        try loadPendingTransactions()
        try settleOverdue()
        if clock.now() - lastReservationPurge >= 30 {
            try store.releaseExpiredReservations()
            lastReservationPurge = clock.now()
        }
        tracker.prune(now: clock.now(), keep: options.keepAccepted)
        if !nodeSynced, let info = try? await client.serverInfo() {
            nodeSynced = info.isSynced
            virtualDaaScore = max(virtualDaaScore, info.virtualDaaScore)
        }
    }

    func updateMaturity(force: Bool) async throws {
        guard force || virtualDaaScore != maturityScore else { return }
        let score = virtualDaaScore
        try await store.updateVirtualDaaScore(score)
        maturityScore = score
    }

    /// Pending transactions in the store that this engine does not follow yet (broadcast by another process).
    func loadPendingTransactions() throws {
        for p in try store.pendingTransactions() where !tracker.contains(p.transactionId) {
            try follow(p.transactionId, inputs: try store.outpointsSpent(by: p.transactionId), at: Double(p.createdAt))
        }
    }

    /// Starts following a transaction. When none of its inputs is marked spent by it any more, the node
    /// already took them (accepted while the broadcast was being recorded, or while no engine ran).
    func follow(_ id: TransactionID, inputs: [Outpoint], at time: Double) throws {
        tracker.track(id, inputs: inputs, at: time)
        if try store.outpointsSpent(by: id).isEmpty {
            tracker.markAccepted(id, at: clock.now())
            try store.markHistory(id, state: .accepted, blockDaaScore: virtualDaaScore)
        }
    }

    /// After a resync: a pending transaction whose inputs are all gone from the UTXO set was accepted while we
    /// were away (its UTXO removals arrived in the snapshot instead of a chain notification).
    func settleByInputs() throws {
        for id in tracker.pending {
            let inputs = tracker.inputs(of: id)
            guard !inputs.isEmpty, try store.outpointsSpent(by: id).isEmpty else { continue }
            tracker.markAccepted(id, at: clock.now())
            try store.markHistory(id, state: .accepted, blockDaaScore: virtualDaaScore)
        }
    }

    /// Gives up transactions not accepted in time: rejected, their UTXOs spendable again.
    func settleOverdue() throws {
        for id in tracker.overdue(now: clock.now(), timeout: options.transactionTimeout) {
            if try store.outpointsSpent(by: id).isEmpty && !tracker.inputs(of: id).isEmpty {
                tracker.markAccepted(id, at: clock.now())
                try store.markHistory(id, state: .accepted, blockDaaScore: virtualDaaScore)
                continue
            }
            try store.giveUp(id, reason: "not accepted within \(Int(options.transactionTimeout)) s")
            tracker.forget(id)
            logger.warning("transaction given up", metadata: ["transactionId": "\(id.hex)"])
        }
    }
}
