import Foundation
import GRDB
import GRDBSQLite

/// The dashboard's aggregates (product.md §3): spend per machine over the last 24 h, the top spenders and
/// per-group totals. Each reads the ledger through the covering index `ledgerByTime (at, machineId, amount)`,
/// so only the last day's rows are visited, whatever the ledger's length.
public struct DashboardSummary: Sendable, Codable, Equatable {
    public struct MachineSpend: Sendable, Codable, Equatable {
        public var machineId: Int64
        public var name: String?
        public var spent: Sompi
    }

    public struct GroupTotal: Sendable, Codable, Equatable {
        /// nil for machines without a group.
        public var group: String?
        public var machines: Int
        public var active: Int
        public var frozen: Int
        public var spent24h: Sompi
    }

    /// Every machine that spent in the window (name omitted here; join on demand).
    public var perMachine24h: [MachineSpend]
    public var topSpenders: [MachineSpend]
    public var groups: [GroupTotal]
}

/// One pass over the last 24 h of the ledger (index `ledgerByTime`, no table access, no sorter):
/// sums per machine (dense by id) and per group.
struct SpendScan {
    var perMachine: [UInt64]
    var perGroup: [Int64?: UInt64]

    init(_ db: Database, since: Int64) throws {
        let maxId = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM machine") ?? 0
        perMachine = [UInt64](repeating: 0, count: maxId + 1)
        perGroup = [:]
        // The hot loop reads the columns straight from the SQLite statement (no Row boxing per row).
        let statement = try db.cachedStatement(sql: "SELECT machineId, groupId, amount FROM spendLedger WHERE at > ?")
        try statement.setArguments([since])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let maxGroup = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM machineGroup") ?? 0
        var groups = [UInt64](repeating: 0, count: maxGroup + 1)
        var ungrouped: UInt64 = 0
        loop: while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                let machine = Int(sqlite3_column_int64(handle, 0))
                let amount = UInt64(clamping: sqlite3_column_int64(handle, 2))
                if machine >= 0 && machine < perMachine.count { perMachine[machine] &+= amount }
                let group = Int(sqlite3_column_int64(handle, 1))
                if sqlite3_column_type(handle, 1) != SQLITE_NULL && group >= 0 && group < groups.count { groups[group] &+= amount } else { ungrouped &+= amount }
            case SQLITE_DONE: break loop
            case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        for (g, v) in groups.enumerated() where v > 0 { perGroup[Int64(g)] = v }
        if ungrouped > 0 { perGroup[nil] = ungrouped }
    }

    /// The `count` largest, by amount then lower id.
    func top(_ count: Int) -> [(id: Int64, spent: UInt64)] {
        var best: [(id: Int64, spent: UInt64)] = []
        for (id, spent) in perMachine.enumerated() where spent > 0 {
            if best.count == count, let last = best.last, spent <= last.spent { continue }
            let position = best.firstIndex { spent > $0.spent } ?? best.count
            best.insert((Int64(id), spent), at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}

extension WalletStore {
    /// Spend per machine in (now - 24 h, now], for every machine that spent.
    public func spendPerMachine(now: Int64? = nil) throws -> [DashboardSummary.MachineSpend] {
        let since = (now ?? self.now) - SpendWindow.day.seconds
        return try read { db in
            try SpendScan(db, since: since).perMachine.enumerated().compactMap { id, spent in
                spent > 0 ? DashboardSummary.MachineSpend(machineId: Int64(id), name: nil, spent: Sompi(spent)) : nil
            }
        }
    }

    /// The `count` machines that spent most in the last 24 h, with their names.
    public func topSpenders(count: Int = 20, now: Int64? = nil) throws -> [DashboardSummary.MachineSpend] {
        let since = (now ?? self.now) - SpendWindow.day.seconds
        return try read { db in try topSpenders(db, scan: try SpendScan(db, since: since), count: count) }
    }

    func topSpenders(_ db: Database, scan: SpendScan, count: Int) throws -> [DashboardSummary.MachineSpend] {
        let best = scan.top(count)
        guard !best.isEmpty else { return [] }
        let ids = best.map { String($0.id) }.joined(separator: ",")
        let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM machine WHERE id IN (\(ids))").map { ($0[0] as Int64, $0[1] as String) })
        return best.map { DashboardSummary.MachineSpend(machineId: $0.id, name: names[$0.id], spent: Sompi($0.spent)) }
    }

    /// Machine counts by status (table `machineCount`, kept by triggers) and the last 24 h of spend, per group.
    public func groupTotals(now: Int64? = nil) throws -> [DashboardSummary.GroupTotal] {
        let since = (now ?? self.now) - SpendWindow.day.seconds
        return try read { db in try groupTotals(db, scan: try SpendScan(db, since: since)) }
    }

    func groupTotals(_ db: Database, scan: SpendScan) throws -> [DashboardSummary.GroupTotal] {
        var totals: [Int64?: DashboardSummary.GroupTotal] = [:]
        let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM machineGroup").map { ($0[0] as Int64, $0[1] as String) })
        for r in try Row.fetchAll(db, sql: "SELECT groupKey, status, n FROM machineCount WHERE n > 0") {
            let key: Int64 = r[0]
            let gid: Int64? = key == 0 ? nil : key
            var t = totals[gid] ?? .init(group: gid.flatMap { names[$0] }, machines: 0, active: 0, frozen: 0, spent24h: .zero)
            let n: Int = r[2]
            t.machines += n
            switch MachineStatus(rawValue: r[1]) {
            case .active: t.active += n
            case .frozen: t.frozen += n
            default: break
            }
            totals[gid] = t
        }
        for (gid, spent) in scan.perGroup { totals[gid]?.spent24h = Sompi(spent) }
        return totals.values.sorted { ($0.group ?? "") < ($1.group ?? "") }
    }

    /// All three aggregates from one consistent snapshot and one ledger pass.
    public func dashboard(top: Int = 20, now: Int64? = nil) throws -> DashboardSummary {
        let since = (now ?? self.now) - SpendWindow.day.seconds
        return try read { db in
            let scan = try SpendScan(db, since: since)
            let per = scan.perMachine.enumerated().compactMap { id, spent in
                spent > 0 ? DashboardSummary.MachineSpend(machineId: Int64(id), name: nil, spent: Sompi(spent)) : nil
            }
            return DashboardSummary(perMachine24h: per, topSpenders: try topSpenders(db, scan: scan, count: top), groups: try groupTotals(db, scan: scan))
        }
    }
}
