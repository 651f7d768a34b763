import WalletKit

/// A machine's id in the wallet's fleet registry.
public typealias MachineID = Int64

/// One row of the Fleet table.
public struct MachineRow: Equatable, Sendable, Identifiable {
    /// Same meanings as the registry's machine status (active / frozen / retired).
    public enum Status: String, Equatable, Sendable, CaseIterable {
        case active, frozen, retired
    }

    public var id: MachineID
    public var name: String
    public var kind: String
    public var group: String?
    public var status: Status
    public var balance: Sompi
    /// Spent in the last 24 hours (the rolling window the daily budget applies to).
    public var spentToday: Sompi
    public var dailyBudget: Sompi?
    /// Unix seconds of the last payment, funding or policy change; nil if none yet.
    public var lastActivity: Int64?

    public init(id: MachineID, name: String, kind: String, group: String?, status: Status, balance: Sompi,
                spentToday: Sompi, dailyBudget: Sompi?, lastActivity: Int64?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.group = group
        self.status = status
        self.balance = balance
        self.spentToday = spentToday
        self.dailyBudget = dailyBudget
        self.lastActivity = lastActivity
    }

    /// Spent today per thousand of the daily budget (nil without a budget), for sorting and bars.
    public var budgetUsePermille: Int? {
        guard let b = dailyBudget, b.rawValue > 0 else { return nil }
        let (p, overflow) = spentToday.rawValue.multipliedReportingOverflow(by: 1000)
        return overflow ? Int.max : Int(min(p / b.rawValue, UInt64(Int.max)))
    }

    public var isOverBudget: Bool { (budgetUsePermille ?? 0) > 1000 }
}

/// Columns the Fleet table sorts by.
public enum MachineSortKey: String, Equatable, Sendable, CaseIterable {
    case name, group, status, balance, spentToday, budgetUse, lastActivity

    public var title: String {
        switch self {
        case .name: return "name"
        case .group: return "group"
        case .status: return "status"
        case .balance: return "balance"
        case .spentToday: return "spent today"
        case .budgetUse: return "budget use"
        case .lastActivity: return "last activity"
        }
    }
}

/// A window of the fleet: filtered, sorted, `limit` rows from `offset`. The console asks only for the rows it
/// shows (plus a margin), so a fleet of 100,000 machines costs no more than one of 100.
public struct MachineQuery: Equatable, Sendable {
    /// Case-insensitive text matched against name, kind, group and status; empty matches every machine.
    public var filter: String
    public var sort: MachineSortKey
    public var ascending: Bool
    public var offset: Int
    public var limit: Int

    public init(filter: String = "", sort: MachineSortKey = .name, ascending: Bool = true, offset: Int = 0, limit: Int = 200) {
        self.filter = filter
        self.sort = sort
        self.ascending = ascending
        self.offset = offset
        self.limit = limit
    }

    /// The same filter and order (the window aside).
    public func sameOrdering(as other: MachineQuery) -> Bool {
        filter == other.filter && sort == other.sort && ascending == other.ascending
    }
}

public struct MachinePage: Equatable, Sendable {
    /// Machines matching the filter.
    public var total: Int
    public var offset: Int
    public var rows: [MachineRow]

    public init(total: Int, offset: Int, rows: [MachineRow]) {
        self.total = total
        self.offset = offset
        self.rows = rows
    }
}
