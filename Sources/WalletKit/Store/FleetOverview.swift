import Foundation
import GRDB

/// One machine with the figures an operator scans a fleet by (the console's Fleet table, the Dashboard).
public struct FleetMachine: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: String
    public var group: String?
    public var status: MachineStatus
    /// What it holds: every UTXO not already being spent by a transaction in the mempool.
    public var balance: Sompi
    /// Spent in the rolling 24 h window the daily budget applies to.
    public var spent24h: Sompi
    /// Its own budget's daily limit (a group's budget is reported with the group).
    public var dailyLimit: Sompi?
    /// Unix seconds of its last spend, incoming payment or registry change.
    public var lastActivity: Int64
}

/// The operator's side of the wallet (machines excluded) and what is on its way in.
public struct WalletTotals: Sendable, Equatable {
    /// The operator's accounts: mature, pending and stasis UTXOs not being spent.
    public var operatorBalance: Sompi
    /// Every machine's balance added up.
    public var machinesBalance: Sompi
    /// Incoming, not yet spendable (pending maturity or in stasis), operator and machines.
    public var incoming: Sompi
}

extension WalletStore {
    /// Every machine (retired included) with balance, 24 h spend, daily limit and last activity, from one
    /// snapshot. Balances come from the machines' addresses and the `utxoByAddress` index, spend from one pass over the last day's ledger.
    public func fleetMachines(now: Int64? = nil) throws -> [FleetMachine] {
        let now = now ?? self.now
        return try read { db in
            let scan = try SpendScan(db, since: now - SpendWindow.day.seconds)
            var balances: [Int64: UInt64] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT a.machineId, SUM(u.amount) FROM address a JOIN utxo u ON u.addressId = a.id
                WHERE a.machineId IS NOT NULL AND u.state != 'spent-in-mempool' GROUP BY a.machineId
                """) { balances[r[0]] = UInt64(clamping: r[1] as Int64) }
            var lastSpend: [Int64: Int64] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT machineId, MAX(at) FROM spendLedger GROUP BY machineId") { lastSpend[r[0]] = r[1] }
            var lastIncoming: [Int64: Int64] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT machineId, MAX(createdAt) FROM history WHERE machineId IS NOT NULL GROUP BY machineId") {
                lastIncoming[r[0]] = r[1]
            }
            // A payment to a machine is recorded under its payer (the operator or another machine), with the
            // machine's name as the counterparty.
            var lastPaidTo: [String: Int64] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT counterparty, MAX(createdAt) FROM history WHERE counterparty IS NOT NULL GROUP BY counterparty") {
                lastPaidTo[r[0]] = r[1]
            }
            var machines: [FleetMachine] = []
            for r in try Row.fetchAll(db, sql: """
                SELECT m.id, m.name, m.kind, g.name, m.status, b.dailyLimit, m.updatedAt
                FROM machine m LEFT JOIN machineGroup g ON g.id = m.groupId LEFT JOIN budget b ON b.machineId = m.id
                ORDER BY m.id
                """) {
                let id: Int64 = r[0]
                let spent = id >= 0 && Int(id) < scan.perMachine.count ? scan.perMachine[Int(id)] : 0
                let limit: Int64? = r[5]
                let name: String = r[1]
                machines.append(FleetMachine(
                    id: id, name: name, kind: r[2], group: r[3], status: MachineStatus(rawValue: r[4]) ?? .active,
                    balance: Sompi(balances[id] ?? 0), spent24h: Sompi(spent), dailyLimit: limit.map { Sompi(UInt64(clamping: $0)) },
                    lastActivity: max(r[6] as Int64, lastSpend[id] ?? 0, lastIncoming[id] ?? 0, lastPaidTo[name] ?? 0)))
            }
            return machines
        }
    }

    public func walletTotals() throws -> WalletTotals {
        try read { db in
            func sum(_ sql: String) throws -> Sompi { Sompi(UInt64(clamping: try Int64.fetchOne(db, sql: sql) ?? 0)) }
            return WalletTotals(
                operatorBalance: try sum("SELECT COALESCE(SUM(amount), 0) FROM utxo WHERE machineId IS NULL AND state != 'spent-in-mempool'"),
                machinesBalance: try sum("SELECT COALESCE(SUM(amount), 0) FROM utxo WHERE machineId IS NOT NULL AND state != 'spent-in-mempool'"),
                incoming: try sum("SELECT COALESCE(SUM(amount), 0) FROM utxo WHERE state IN ('pending', 'stasis')"))
        }
    }

    /// Spend in `buckets` consecutive windows of `bucketSeconds` ending at `now`, oldest first: of one machine,
    /// one group (by name), or the whole fleet.
    public func spendSeries(machineId: Int64? = nil, group: String? = nil, bucketSeconds: Int64, buckets: Int, now: Int64? = nil) throws -> [Sompi] {
        precondition(bucketSeconds > 0 && buckets > 0)
        let now = now ?? self.now
        let since = now - bucketSeconds * Int64(buckets)
        return try read { db in
            var sql = "SELECT at, amount FROM spendLedger WHERE at > ?"
            var args: StatementArguments = [since]
            if let machineId { sql += " AND machineId = ?"; args += [machineId] }
            if let group {
                guard let gid = try Int64.fetchOne(db, sql: "SELECT id FROM machineGroup WHERE name = ?", arguments: [group]) else {
                    return Array(repeating: .zero, count: buckets)
                }
                sql += " AND groupId = ?"
                args += [gid]
            }
            var totals = [UInt64](repeating: 0, count: buckets)
            for r in try Row.fetchAll(db, sql: sql, arguments: args) {
                let at: Int64 = r[0]
                // (since, now] split into equal windows; a row stamped exactly `now` falls in the last one.
                let bucket = min(buckets - 1, Int((at - since - 1) / bucketSeconds))
                totals[max(0, bucket)] &+= UInt64(clamping: r[1] as Int64)
            }
            return totals.map { Sompi($0) }
        }
    }

    /// The addresses of one machine, each with its balance and UTXO count.
    public func machineAddresses(id: Int64) throws -> [(address: AddressRecord, balance: Sompi, utxos: Int)] {
        try read { db in
            let rows = try AddressRecord.filter(Column("machineId") == id).order(Column("id")).fetchAll(db)
            return try rows.map { a in
                let r = try Row.fetchOne(db, sql: """
                    SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM utxo WHERE addressId = ? AND state != 'spent-in-mempool'
                    """, arguments: [a.id])
                return (a, Sompi(UInt64(clamping: r?[0] as Int64? ?? 0)), r?[1] as Int? ?? 0)
            }
        }
    }

    /// A machine's UTXOs, largest first.
    public func machineUtxos(id: Int64, limit: Int = 500) throws -> [UtxoRecord] {
        try read { db in
            try UtxoRecord.withAddress().filter(sql: Self.machineFilter("utxo"), arguments: [id]).order(Column("amount").desc).limit(limit).fetchAll(db)
        }
    }
}
