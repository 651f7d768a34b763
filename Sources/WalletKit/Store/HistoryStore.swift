import Foundation
import GRDB

extension WalletStore {
    /// Records or updates a wallet transaction (sync: seen in the mempool or accepted; send: broadcast).
    /// An existing row keeps its creation time and an `accepted` state is never downgraded to `pending`.
    public func recordHistory(_ records: [HistoryRecord]) throws {
        try write { db in
            for r in records {
                try db.execute(sql: """
                    INSERT INTO history (transactionId, accountId, machineId, direction, amount, fee, blockDaaScore, state, counterparty, note, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (transactionId) DO UPDATE SET
                        accountId = COALESCE(excluded.accountId, history.accountId), machineId = COALESCE(excluded.machineId, history.machineId),
                        direction = excluded.direction, amount = excluded.amount, fee = COALESCE(excluded.fee, history.fee),
                        blockDaaScore = COALESCE(excluded.blockDaaScore, history.blockDaaScore),
                        state = CASE WHEN history.state = 'accepted' AND excluded.state = 'pending' THEN history.state ELSE excluded.state END,
                        counterparty = COALESCE(excluded.counterparty, history.counterparty), note = COALESCE(excluded.note, history.note),
                        updatedAt = excluded.updatedAt
                    """, arguments: [r.transactionId, r.accountId, r.machineId, r.direction.rawValue, r.amount, r.fee, r.blockDaaScore,
                                     r.state.rawValue, r.counterparty, r.note, r.createdAt, r.updatedAt])
            }
        }
    }

    /// A transaction was accepted (in the virtual chain at `blockDaaScore`) or rejected.
    public func markHistory(_ transactionId: TransactionID, state: HistoryRecord.State, blockDaaScore: UInt64? = nil) throws {
        try write { db in
            try db.execute(sql: "UPDATE history SET state = ?, blockDaaScore = COALESCE(?, blockDaaScore), updatedAt = ? WHERE transactionId = ?",
                           arguments: [state.rawValue, try blockDaaScore.map(sqlInt), now, Data(transactionId.bytes)])
        }
    }

    /// History, newest first.
    public func history(limit: Int? = nil, since: Int64 = 0) throws -> [HistoryRecord] {
        try read { db in
            try HistoryRecord.fetchAll(db, sql: "SELECT * FROM history WHERE createdAt >= ? ORDER BY createdAt DESC, transactionId LIMIT ?",
                                       arguments: [since, limit ?? -1])
        }
    }
}
