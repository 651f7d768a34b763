import Foundation
import GRDB

/// A watched address with its row id (ids only grow, so "after id" finds addresses added since).
public struct WatchedAddress: Sendable, Equatable {
    public var id: Int64
    public var address: String

    public init(id: Int64, address: String) {
        self.id = id
        self.address = address
    }
}

/// A transaction of ours the node has not accepted yet (history state `pending`).
public struct PendingTransaction: Sendable, Equatable {
    public var transactionId: TransactionID
    /// Unix seconds when it was recorded (broadcast).
    public var createdAt: Int64
}

/// What the sync engine reads and writes besides `applyUtxoChanges` (sync reconcile, new addresses, tracked
/// transactions, expired reservations).
extension WalletStore {
    /// Watched addresses whose row id is above `id`, in id order.
    public func watchedAddresses(after id: Int64) throws -> [WatchedAddress] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, address FROM address WHERE id > ? ORDER BY id", arguments: [id])
                .map { WatchedAddress(id: $0["id"], address: $0["address"]) }
        }
    }

    /// The UTXOs the wallet holds for these addresses, with the DAA score of the block that added each
    /// (what a snapshot from the node is reconciled against).
    public func utxoScores(addresses: [String]) throws -> [Outpoint: UInt64] {
        guard !addresses.isEmpty else { return [:] }
        return try read { db in
            var out: [Outpoint: UInt64] = [:]
            for start in stride(from: 0, to: addresses.count, by: 500) {
                let slice = addresses[start..<min(start + 500, addresses.count)]
                let rows = try SQLRequest<Row>("""
                    SELECT transactionId, outputIndex, blockDaaScore FROM utxo WHERE addressId IN (SELECT id FROM address WHERE address IN \(slice))
                    """).fetchCursor(db)
                while let r = try rows.next() {
                    guard let id = Hash32(r["transactionId"] as Data) else { continue }
                    out[Outpoint(transactionId: id, index: UInt32(clamping: r["outputIndex"] as Int64))] = UInt64(clamping: r["blockDaaScore"] as Int64)
                }
            }
            return out
        }
    }

    /// Outgoing transactions still waiting for acceptance.
    public func pendingTransactions() throws -> [PendingTransaction] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT transactionId, createdAt FROM history WHERE state = 'pending' AND direction <> 'incoming' ORDER BY createdAt")
                .compactMap { r in Hash32(r["transactionId"] as Data).map { PendingTransaction(transactionId: $0, createdAt: r["createdAt"]) } }
        }
    }

    /// The UTXOs a transaction of ours spends while it waits in the mempool.
    public func outpointsSpent(by transactionId: TransactionID) throws -> [Outpoint] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT transactionId, outputIndex FROM utxo WHERE spendingTransactionId = ?", arguments: [Data(transactionId.bytes)])
                .compactMap { r in Hash32(r["transactionId"] as Data).map { Outpoint(transactionId: $0, index: UInt32(clamping: r["outputIndex"] as Int64)) } }
        }
    }

    /// Ends every reservation whose time is up; returns how many UTXOs they held.
    @discardableResult
    public func releaseExpiredReservations() throws -> Int {
        try write { db in
            try purgeExpiredReservations(db)
            return db.changesCount
        }
    }

    /// How many UTXOs the wallet holds (all states).
    public func utxoCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM utxo") ?? 0 }
    }
}

/// A payment the wallet received, as sync sees it: the outputs of one transaction to the wallet's addresses.
public struct IncomingPayment: Sendable, Equatable {
    public var transactionId: TransactionID
    /// The first receiving address (its owner is who the history shows the payment under).
    public var address: String
    public var amount: Sompi
    public var blockDaaScore: UInt64
    /// Unix seconds.
    public var at: Int64

    public init(transactionId: TransactionID, address: String, amount: Sompi, blockDaaScore: UInt64, at: Int64) {
        self.transactionId = transactionId
        self.address = address
        self.amount = amount
        self.blockDaaScore = blockDaaScore
        self.at = at
    }
}

extension WalletStore {
    /// Records payments received, in the UTXO batch's transaction. A transaction already in the history (one of
    /// ours, whose change or payment came back to the wallet) keeps its row; an incoming row only grows to a
    /// larger amount (sync meets a payment's outputs batch by batch and passes the sum so far). An amount past
    /// Int64 (a summed display value; no real payment comes near) is clamped.
    func recordIncoming(_ db: Database, _ payments: [IncomingPayment]) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO history (transactionId, accountId, machineId, direction, amount, blockDaaScore, state, createdAt, updatedAt)
            VALUES (?1, (SELECT accountId FROM address WHERE address = ?2), (SELECT machineId FROM address WHERE address = ?2), 'incoming', ?3, ?4,
                    'accepted', ?5, ?5)
            ON CONFLICT (transactionId) DO UPDATE SET amount = excluded.amount, updatedAt = excluded.updatedAt
                WHERE history.direction = 'incoming' AND excluded.amount > history.amount
            """)
        for p in payments {
            try insert.execute(arguments: [Data(p.transactionId.bytes), p.address, Int64(clamping: p.amount.rawValue), try sqlInt(p.blockDaaScore), p.at])
        }
    }
}
