import Foundation
import GRDB

/// A UTXO the node reports for a watched address (sync: snapshot or `UtxosChanged` "added").
public struct UtxoUpdate: Sendable, Equatable {
    public var outpoint: Outpoint
    public var entry: UtxoEntry
    public var address: String

    public init(outpoint: Outpoint, entry: UtxoEntry, address: String) {
        self.outpoint = outpoint
        self.entry = entry
        self.address = address
    }
}

extension WalletStore {
    public var maturity: UtxoMaturity { .of(network) }

    /// Applies one batch of UTXO changes in ONE write transaction: upserts `added` (owner resolved from the
    /// address table, state from the maturity rules at `virtualDaaScore`) and deletes `removed` (their
    /// reservations go with them). An upsert keeps a `spent-in-mempool` mark.
    public func applyUtxoChanges(added: [UtxoUpdate], removed: [Outpoint], virtualDaaScore: UInt64) throws {
        try write { db in try applyUtxoChanges(db, added: added, removed: removed, virtualDaaScore: virtualDaaScore) }
    }

    func applyUtxoChanges(_ db: Database, added: [UtxoUpdate], removed: [Outpoint], virtualDaaScore: UInt64) throws {
        let rules = maturity
        if !added.isEmpty || !removed.isEmpty { utxosChanged(db) }
        do {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO utxo (transactionId, outputIndex, address, accountId, machineId, amount, scriptVersion, script, blockDaaScore,
                                  isCoinbase, covenantId, state, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (transactionId, outputIndex) DO UPDATE SET
                    address = excluded.address, accountId = excluded.accountId, machineId = excluded.machineId, amount = excluded.amount,
                    scriptVersion = excluded.scriptVersion, script = excluded.script, blockDaaScore = excluded.blockDaaScore,
                    isCoinbase = excluded.isCoinbase, covenantId = excluded.covenantId, updatedAt = excluded.updatedAt,
                    state = CASE WHEN utxo.state = 'spent-in-mempool' THEN utxo.state ELSE excluded.state END
                """)
            let owner = try db.cachedStatement(sql: "SELECT accountId, machineId FROM address WHERE address = ?")
            var owners: [String: (Int64?, Int64?)] = [:]
            let at = now
            for u in added {
                let o: (Int64?, Int64?)
                if let cached = owners[u.address] { o = cached } else {
                    let row = try Row.fetchOne(owner, arguments: [u.address])
                    o = (row?["accountId"], row?["machineId"])
                    owners[u.address] = o
                }
                let state = rules.state(blockDaaScore: u.entry.blockDaaScore, isCoinbase: u.entry.isCoinbase, virtualDaaScore: virtualDaaScore)
                try upsert.execute(arguments: [
                    Data(u.outpoint.transactionId.bytes), Int64(u.outpoint.index), u.address, o.0, o.1, try sqlInt(u.entry.amount.rawValue),
                    Int64(u.entry.scriptPublicKey.version), Data(u.entry.scriptPublicKey.script), try sqlInt(u.entry.blockDaaScore),
                    u.entry.isCoinbase, u.entry.covenantId.map { Data($0.bytes) }, state.rawValue, at,
                ])
            }
            let delete = try db.cachedStatement(sql: "DELETE FROM utxo WHERE transactionId = ? AND outputIndex = ?")
            for o in removed { try delete.execute(arguments: [Data(o.transactionId.bytes), Int64(o.index)]) }
            try setVirtualDaaScore(db, virtualDaaScore)
        }
    }

    /// Re-evaluates pending and stasis UTXOs at a new virtual DAA score; returns how many became mature or pending.
    @discardableResult
    public func updateVirtualDaaScore(_ score: UInt64) throws -> Int {
        let rules = maturity
        return try write { db in
            try setVirtualDaaScore(db, score)
            let rows = try Row.fetchAll(db, sql: "SELECT transactionId, outputIndex, blockDaaScore, isCoinbase, state FROM utxo WHERE state IN ('pending', 'stasis')")
            var changed = 0
            for r in rows {
                let state = rules.state(blockDaaScore: UInt64(clamping: r["blockDaaScore"] as Int64), isCoinbase: r["isCoinbase"], virtualDaaScore: score)
                if state.rawValue != (r["state"] as String) {
                    try db.execute(sql: "UPDATE utxo SET state = ?, updatedAt = ? WHERE transactionId = ? AND outputIndex = ?",
                                   arguments: [state.rawValue, now, r["transactionId"] as Data, r["outputIndex"] as Int64])
                    changed += 1
                }
            }
            if changed > 0 { utxosChanged(db) }
            return changed
        }
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

    /// Marks UTXOs as spent by a transaction of ours in the mempool (they leave the spendable set and their
    /// reservation ends). Unknown outpoints are ignored.
    public func markSpentInMempool(_ outpoints: [Outpoint], by transactionId: TransactionID) throws {
        try write { db in
            utxosChanged(db)
            for o in outpoints {
                let key: [DatabaseValueConvertible] = [Data(o.transactionId.bytes), Int64(o.index)]
                try db.execute(sql: "UPDATE utxo SET state = 'spent-in-mempool', spendingTransactionId = ?, updatedAt = ? WHERE transactionId = ? AND outputIndex = ?",
                               arguments: StatementArguments([Data(transactionId.bytes), now] + key))
                try db.execute(sql: "DELETE FROM utxoReservation WHERE transactionId = ? AND outputIndex = ?", arguments: StatementArguments(key))
            }
        }
    }

    /// Back to spendable after a transaction of ours was rejected or dropped from the mempool.
    public func unmarkSpent(by transactionId: TransactionID) throws {
        let rules = maturity
        try write { db in
            utxosChanged(db)
            let virtual = UInt64(clamping: try Int64.fetchOne(db, sql: "SELECT virtualDaaScore FROM syncState WHERE id = 1") ?? 0)
            let rows = try Row.fetchAll(db, sql: "SELECT transactionId, outputIndex, blockDaaScore, isCoinbase FROM utxo WHERE spendingTransactionId = ?",
                                        arguments: [Data(transactionId.bytes)])
            for r in rows {
                let state = rules.state(blockDaaScore: UInt64(clamping: r["blockDaaScore"] as Int64), isCoinbase: r["isCoinbase"], virtualDaaScore: virtual)
                try db.execute(sql: "UPDATE utxo SET state = ?, spendingTransactionId = NULL, updatedAt = ? WHERE transactionId = ? AND outputIndex = ?",
                               arguments: [state.rawValue, now, r["transactionId"] as Data, r["outputIndex"] as Int64])
            }
        }
    }
}

/// SQLite integers are signed 64-bit; sompi (at most 2.9e18) and DAA scores fit.
func sqlInt(_ v: UInt64) throws -> Int64 {
    guard v <= UInt64(Int64.max) else { throw StoreError.invalid("value \(v) does not fit a 64-bit signed integer") }
    return Int64(v)
}
