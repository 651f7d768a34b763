import Foundation
import GRDB

/// A UTXO the node reports for a watched address (sync: snapshot or `UtxosChanged` "added").
public struct UtxoUpdate: Sendable, Equatable {
    public var outpoint: Outpoint
    public var entry: UtxoEntry
    public var address: String
    /// The address row's id, when the caller read it from this store with the text (`watchedAddresses`): the
    /// write then finds the owner by id instead of by the text. (Hashing and comparing the 70-character text
    /// was a tenth of the sync writer's time per UTXO.) Nil: found by `address`.
    public var addressId: Int64?

    public init(outpoint: Outpoint, entry: UtxoEntry, address: String, addressId: Int64? = nil) {
        self.outpoint = outpoint
        self.entry = entry
        self.address = address
        self.addressId = addressId
    }

    /// A UTXO of a watched address, named by its row id and text.
    public init(outpoint: Outpoint, entry: UtxoEntry, watched: WatchedAddress) {
        self.init(outpoint: outpoint, entry: entry, address: watched.address, addressId: watched.id)
    }
}

extension WalletStore {
    public var maturity: UtxoMaturity { .of(network) }

    /// Applies one batch of UTXO changes in ONE write transaction: upserts `added` (owner resolved from the
    /// address table, state from the maturity rules at `virtualDaaScore`), deletes `removed` (their
    /// reservations go with them) and records `incoming` payments in the history, so a crash never leaves the
    /// UTXOs without the payments they came with. An upsert keeps a `spent-in-mempool` mark. A UTXO of an
    /// address the wallet does not hold (removed while the node still reported it) is skipped: there is no
    /// key to spend it and no owner to show it under. Returns how many were skipped.
    @discardableResult
    public func applyUtxoChanges(added: [UtxoUpdate], removed: [Outpoint], virtualDaaScore: UInt64, incoming: [IncomingPayment] = []) throws -> Int {
        try writeRecoverable { db in try applyUtxoChanges(db, added: added, removed: removed, virtualDaaScore: virtualDaaScore, incoming: incoming) }
    }

    /// The same, for async callers (the sync engine): the transaction runs on the store's writer queue.
    @discardableResult
    public func applyUtxoChanges(added: [UtxoUpdate], removed: [Outpoint], virtualDaaScore: UInt64, incoming: [IncomingPayment] = []) async throws -> Int {
        try await writeRecoverable { db in try self.applyUtxoChanges(db, added: added, removed: removed, virtualDaaScore: virtualDaaScore, incoming: incoming) }
    }

    @discardableResult
    func applyUtxoChanges(_ db: Database, added: [UtxoUpdate], removed: [Outpoint], virtualDaaScore: UInt64, incoming: [IncomingPayment] = []) throws -> Int {
        let rules = maturity
        var upsert = try UtxoUpsert(db)
        let at = now
        let skipped = try addressDirectory.withOwners(db) { owner in
            var skipped = 0
            // By index: each update is read where it lies (a copy retained its script and address text).
            for i in Self.outpointOrder(added) {
                guard let owner = owner(added[i]) else {
                    skipped += 1
                    continue
                }
                let state = rules.state(blockDaaScore: added[i].entry.blockDaaScore, isCoinbase: added[i].entry.isCoinbase, virtualDaaScore: virtualDaaScore)
                try upsert.execute(added[i], owner: owner, state: state, at: at)
            }
            return skipped
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM utxo WHERE transactionId = ? AND outputIndex = ?")
        for o in removed.sorted() { try delete.execute(arguments: [Data(o.transactionId.bytes), Int64(o.index)]) }
        try setVirtualDaaScore(db, virtualDaaScore)
        if !incoming.isEmpty { try recordIncoming(db, incoming) }
        return skipped
    }

    /// The indices of `added` in the order of the outpoint index, an outpoint listed twice keeping its later entry
    /// last. Transaction ids are hashes, so in arrival order every row lands on a random page of that index; in key
    /// order a batch walks the index once and its pages stay in the CPU cache.
    static func outpointOrder(_ added: [UtxoUpdate]) -> [Int] {
        added.indices.sorted { i, j in
            let a = added[i].outpoint, b = added[j].outpoint
            return a == b ? i < j : a < b
        }
    }

    /// Re-evaluates pending and stasis UTXOs at a new virtual DAA score; returns how many became mature or pending.
    /// Only rows old enough to have moved are read (the `utxoMaturing` index holds just the unripe ones), so a
    /// tick costs the UTXOs that ripen, not the wallet's size.
    @discardableResult
    public func updateVirtualDaaScore(_ score: UInt64) throws -> Int {
        try writeRecoverable { db in try updateVirtualDaaScore(db, score) }
    }

    /// The same, for async callers (the sync engine): the transaction runs on the store's writer queue.
    @discardableResult
    public func updateVirtualDaaScore(_ score: UInt64) async throws -> Int {
        try await writeRecoverable { db in try self.updateVirtualDaaScore(db, score) }
    }

    private func updateVirtualDaaScore(_ db: Database, _ score: UInt64) throws -> Int {
        let rules = maturity
        try setVirtualDaaScore(db, score)
        let youngest = min(rules.userMaturity, rules.coinbaseStasis)
        guard score >= youngest else { return 0 }
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, blockDaaScore, isCoinbase, state FROM utxo WHERE state IN ('pending', 'stasis') AND blockDaaScore <= ?
            """, arguments: [try sqlInt(score - youngest)])
        let update = try db.cachedStatement(sql: "UPDATE utxo SET state = ?, updatedAt = ? WHERE id = ?")
        var changed = 0
        for r in rows {
            let state = rules.state(blockDaaScore: UInt64(clamping: r["blockDaaScore"] as Int64), isCoinbase: r["isCoinbase"], virtualDaaScore: score)
            if state.rawValue != (r["state"] as String) {
                try update.execute(arguments: [state.rawValue, now, r["id"] as Int64])
                changed += 1
            }
        }
        return changed
    }

    func setVirtualDaaScore(_ db: Database, _ score: UInt64) throws {
        try db.execute(sql: """
            INSERT INTO syncState (id, virtualDaaScore, updatedAt) VALUES (1, ?, ?)
            ON CONFLICT (id) DO UPDATE SET virtualDaaScore = MAX(virtualDaaScore, excluded.virtualDaaScore), updatedAt = excluded.updatedAt
            """, arguments: [try sqlInt(score), now])
    }

    public func virtualDaaScore() throws -> UInt64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT virtualDaaScore FROM syncState WHERE id = 1").map { UInt64(clamping: $0) } }
    }

    /// A reorg took back the acceptance of a transaction of ours, in one store transaction: its history is
    /// pending again and its inputs (back in the UTXO set) are held as spent by it, so no reader sees them
    /// spendable in between and no builder can reserve them.
    public func revertAcceptance(_ transactionId: TransactionID, inputs: [Outpoint]) throws {
        let at = now
        try write { db in
            try db.execute(sql: "UPDATE history SET state = 'pending', updatedAt = ? WHERE transactionId = ?",
                           arguments: [at, Data(transactionId.bytes)])
            try Self.markSpent(db, inputs, by: transactionId, at: at)
        }
    }

    private static func markSpent(_ db: Database, _ outpoints: [Outpoint], by transactionId: TransactionID, at: Int64) throws {
        for o in outpoints {
            let key: [DatabaseValueConvertible] = [Data(o.transactionId.bytes), Int64(o.index)]
            try db.execute(sql: "UPDATE utxo SET state = 'spent-in-mempool', spendingTransactionId = ?, updatedAt = ? WHERE transactionId = ? AND outputIndex = ?",
                           arguments: StatementArguments([Data(transactionId.bytes), at] + key))
            try db.execute(sql: "DELETE FROM utxoReservation WHERE transactionId = ? AND outputIndex = ?", arguments: StatementArguments(key))
        }
    }

    /// Gives up a transaction of ours the node did not accept in time, in one store transaction: its history
    /// says rejected, its inputs are spendable again, and the audit log says why. Done as three writes, a
    /// reader (or a crash) could see it rejected while its inputs were still held.
    public func giveUp(_ transactionId: TransactionID, reason: String) throws {
        let rules = maturity, at = now
        try write { db in
            try db.execute(sql: "UPDATE history SET state = 'rejected', updatedAt = ? WHERE transactionId = ?",
                           arguments: [at, Data(transactionId.bytes)])
            try AuditLog.append(db, kind: "transaction.expired", subject: transactionId.hex, details: ["reason": reason], at: at)
            let virtual = UInt64(clamping: try Int64.fetchOne(db, sql: "SELECT virtualDaaScore FROM syncState WHERE id = 1") ?? 0)
            let rows = try Row.fetchAll(db, sql: "SELECT transactionId, outputIndex, blockDaaScore, isCoinbase FROM utxo WHERE spendingTransactionId = ?",
                                        arguments: [Data(transactionId.bytes)])
            for r in rows {
                let state = rules.state(blockDaaScore: UInt64(clamping: r["blockDaaScore"] as Int64), isCoinbase: r["isCoinbase"], virtualDaaScore: virtual)
                try db.execute(sql: "UPDATE utxo SET state = ?, spendingTransactionId = NULL, updatedAt = ? WHERE transactionId = ? AND outputIndex = ?",
                               arguments: [state.rawValue, at, r["transactionId"] as Data, r["outputIndex"] as Int64])
            }
        }
    }
}

extension WalletStore {
    /// A machine's UTXOs are those of its addresses: this condition (one `?`, the machine id) reads them through
    /// the `utxoByAddress` index. `utxo` is the UTXO table's name or alias in the query.
    static func machineFilter(_ utxo: String) -> String { "\(utxo).addressId IN (SELECT id FROM address WHERE machineId = ?)" }
}

/// SQLite integers are signed 64-bit; sompi (at most 2.9e18) and DAA scores fit.
func sqlInt(_ v: UInt64) throws -> Int64 {
    guard v <= UInt64(Int64.max) else { throw StoreError.invalid("value \(v) does not fit a 64-bit signed integer") }
    return Int64(v)
}
