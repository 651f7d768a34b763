import Foundation
import GRDB

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

extension WalletStore {
    /// Spend per machine in (now - 24 h, now].
    public func spendPerMachine(now: Int64? = nil) throws -> [DashboardSummary.MachineSpend] {
        let since = (now ?? self.now) - SpendWindow.day.seconds
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT machineId, SUM(amount) AS spent FROM spendLedger WHERE at > ? GROUP BY machineId", arguments: [since])
                .map { DashboardSummary.MachineSpend(machineId: $0["machineId"], name: nil, spent: Sompi(UInt64(clamping: $0["spent"] as Int64))) }
        }
    }

    /// The `count` machines that spent most in the last 24 h, with their names.
    public func topSpenders(count: Int = 20, now: Int64? = nil) throws -> [DashboardSummary.MachineSpend] {
        let since = (now ?? self.now) - SpendWindow.day.seconds
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.machineId, m.name, t.spent FROM
                    (SELECT machineId, SUM(amount) AS spent FROM spendLedger WHERE at > ? GROUP BY machineId ORDER BY spent DESC LIMIT ?) t
                JOIN machine m ON m.id = t.machineId ORDER BY t.spent DESC, m.name
                """, arguments: [since, count])
                .map { DashboardSummary.MachineSpend(machineId: $0["machineId"], name: $0["name"], spent: Sompi(UInt64(clamping: $0["spent"] as Int64))) }
        }
    }

    /// Machine counts by status and the last 24 h of spend, per group.
    public func groupTotals(now: Int64? = nil) throws -> [DashboardSummary.GroupTotal] {
        let since = (now ?? self.now) - SpendWindow.day.seconds
        return try read { db in
            var totals: [Int64?: DashboardSummary.GroupTotal] = [:]
            let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM machineGroup").map { ($0["id"] as Int64, $0["name"] as String) })
            for r in try Row.fetchAll(db, sql: "SELECT groupId, status, COUNT(*) AS n FROM machine GROUP BY groupId, status") {
                let gid: Int64? = r["groupId"]
                var t = totals[gid] ?? .init(group: gid.flatMap { names[$0] }, machines: 0, active: 0, frozen: 0, spent24h: .zero)
                let n: Int = r["n"]
                t.machines += n
                switch MachineStatus(rawValue: r["status"]) {
                case .active: t.active += n
                case .frozen: t.frozen += n
                default: break
                }
                totals[gid] = t
            }
            for r in try Row.fetchAll(db, sql: """
                SELECT m.groupId, SUM(s.spent) AS spent FROM
                    (SELECT machineId, SUM(amount) AS spent FROM spendLedger WHERE at > ? GROUP BY machineId) s
                JOIN machine m ON m.id = s.machineId GROUP BY m.groupId
                """, arguments: [since]) {
                let gid: Int64? = r["groupId"]
                totals[gid]?.spent24h = Sompi(UInt64(clamping: r["spent"] as Int64))
            }
            return totals.values.sorted { ($0.group ?? "") < ($1.group ?? "") }
        }
    }

    public func dashboard(top: Int = 20, now: Int64? = nil) throws -> DashboardSummary {
        let at = now ?? self.now
        return DashboardSummary(perMachine24h: try spendPerMachine(now: at), topSpenders: try topSpenders(count: top, now: at), groups: try groupTotals(now: at))
    }
}
