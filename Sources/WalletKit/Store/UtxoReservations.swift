import Foundation
import GRDB

/// Balances by state, in sompi.
public struct Balance: Sendable, Equatable, Codable {
    public var mature: Sompi = .zero
    public var pending: Sompi = .zero
    public var stasis: Sompi = .zero
    public var spentInMempool: Sompi = .zero
    public var reserved: Sompi = .zero
    public var utxoCount: Int = 0
    public init() {}
}

extension WalletStore {
    /// Reserves exactly these UTXOs for `reservationId`, all or none: each must exist, be mature, not spent in
    /// the mempool and not held by another live reservation. Runs in one write transaction, so a concurrent
    /// builder (thread or process) either sees the reservation or waits for it.
    public func reserve(_ outpoints: [Outpoint], reservationId: String, ttl: Int64 = 600) throws {
        try write { db in
            try purgeExpiredReservations(db)
            for o in outpoints {
                let key: StatementArguments = [Data(o.transactionId.bytes), Int64(o.index)]
                guard let state = try String.fetchOne(db, sql: "SELECT state FROM utxo WHERE transactionId = ? AND outputIndex = ?", arguments: key) else {
                    throw StoreError.utxoUnavailable("UTXO \(o) is not in the wallet (spent, or not synced yet)")
                }
                guard state == UtxoState.mature.rawValue else { throw StoreError.utxoUnavailable("UTXO \(o) is \(state), not spendable") }
                if let holder = try String.fetchOne(db, sql: "SELECT reservationId FROM utxoReservation WHERE transactionId = ? AND outputIndex = ?", arguments: key) {
                    throw StoreError.utxoUnavailable("UTXO \(o) is already reserved by '\(holder)'")
                }
                try UtxoReservationRecord(transactionId: Data(o.transactionId.bytes), outputIndex: Int64(o.index), reservationId: reservationId,
                                          createdAt: now, expiresAt: now + ttl).insert(db)
            }
        }
    }

    /// Picks mature, unreserved UTXOs of an account or machine (largest first) until `amount` is covered and
    /// reserves them in the same write transaction: two transactions built at once never share a UTXO.
    public func selectAndReserve(account: String? = nil, machine: String? = nil, amount: Sompi, reservationId: String, ttl: Int64 = 600) throws -> [UtxoRecord] {
        try write { db in
            try purgeExpiredReservations(db)
            var sql = """
                SELECT \(UtxoRecord.columns) FROM utxo u JOIN address a ON a.id = u.addressId
                LEFT JOIN utxoReservation r ON r.transactionId = u.transactionId AND r.outputIndex = u.outputIndex
                WHERE u.state = 'mature' AND r.reservationId IS NULL
                """
            var args: StatementArguments = []
            if let account {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE name = ?", arguments: [account]) else { throw StoreError.unknown(what: "account", name: account) }
                sql += " AND u.accountId = ?"
                args += [id]
            }
            if let machine {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM machine WHERE name = ?", arguments: [machine]) else { throw StoreError.unknown(what: "machine", name: machine) }
                sql += " AND \(WalletStore.machineFilter("u"))"
                args += [id]
            }
            sql += " ORDER BY u.amount DESC"
            var picked: [UtxoRecord] = []
            var total: UInt64 = 0
            let cursor = try UtxoRecord.fetchCursor(db, sql: sql, arguments: args)
            while total < amount.rawValue, let u = try cursor.next() {
                picked.append(u)
                total += UInt64(clamping: u.amount)
            }
            guard total >= amount.rawValue else { throw StoreError.insufficientFunds(available: Sompi(total), requested: amount) }
            for u in picked {
                try UtxoReservationRecord(transactionId: u.transactionId, outputIndex: u.outputIndex, reservationId: reservationId,
                                          createdAt: now, expiresAt: now + ttl).insert(db)
            }
            return picked
        }
    }

    /// Ends a reservation (transaction abandoned). Returns how many UTXOs it held.
    @discardableResult
    public func release(reservationId: String) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM utxoReservation WHERE reservationId = ?", arguments: [reservationId])
            return db.changesCount
        }
    }

    func purgeExpiredReservations(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM utxoReservation WHERE expiresAt <= ?", arguments: [now])
    }

    /// UTXOs, largest first, optionally of one account or machine.
    public func utxos(account: String? = nil, machine: String? = nil, limit: Int? = nil) throws -> [UtxoRecord] {
        let accountId = try account.map { try self.account(named: $0).id }
        let machineId = try machine.map { try self.machine(named: $0).id }
        return try read { db in
            var request = UtxoRecord.withAddress()
            if let accountId { request = request.filter(Column("accountId") == accountId) }
            if let machineId { request = request.filter(sql: WalletStore.machineFilter("utxo"), arguments: [machineId]) }
            return try request.order(Column("amount").desc).limit(limit ?? -1).fetchAll(db)
        }
    }

    public func reservationId(of outpoint: Outpoint) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT reservationId FROM utxoReservation WHERE transactionId = ? AND outputIndex = ? AND expiresAt > ?",
                                arguments: [Data(outpoint.transactionId.bytes), Int64(outpoint.index), now])
        }
    }

    /// Balance by state of the whole wallet, one account or one machine.
    public func balance(account: String? = nil, machine: String? = nil) throws -> Balance {
        let accountId = try account.map { try self.account(named: $0).id }
        let machineId = try machine.map { try self.machine(named: $0).id }
        return try read { db in
            var filter = "1"
            var args: StatementArguments = []
            if let accountId { filter += " AND u.accountId = ?"; args += [accountId] }
            if let machineId { filter += " AND \(WalletStore.machineFilter("u"))"; args += [machineId] }
            var b = Balance()
            for r in try Row.fetchAll(db, sql: "SELECT state, SUM(amount) AS total, COUNT(*) AS n FROM utxo u WHERE \(filter) GROUP BY state", arguments: args) {
                let total = Sompi(UInt64(clamping: r["total"] as Int64))
                b.utxoCount += r["n"] as Int
                switch UtxoState(rawValue: r["state"]) {
                case .mature: b.mature = total
                case .pending: b.pending = total
                case .stasis: b.stasis = total
                case .spentInMempool: b.spentInMempool = total
                case nil: break
                }
            }
            let reserved = try Int64.fetchOne(db, sql: """
                SELECT COALESCE(SUM(u.amount), 0) FROM utxo u JOIN utxoReservation r ON r.transactionId = u.transactionId AND r.outputIndex = u.outputIndex
                WHERE r.expiresAt > ? AND \(filter)
                """, arguments: [now] + args) ?? 0
            b.reserved = Sompi(UInt64(clamping: reserved))
            return b
        }
    }
}
