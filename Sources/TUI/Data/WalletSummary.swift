import WalletKit

/// What the Dashboard shows (product.md §3, screen 1): totals, per-group balances and spend, alerts and the last
/// settlements. Plain values, so a data source can build them from any store.
public struct WalletSummary: Equatable, Sendable {
    public var walletName: String
    public var network: Network
    /// The operator's own accounts (not counting machines).
    public var walletBalance: Sompi
    /// Everything: the operator's accounts and every machine.
    public var total: Sompi
    /// Incoming, not yet mature or accepted.
    public var pending: Sompi
    public var machines: MachineCounts
    public var groups: [GroupBalance]
    /// Fleet-wide spend per hour over the last 24 hours, oldest first.
    public var spendPerHour: [Sompi]
    /// The fleet's daily budgets added up (nil when no machine has one).
    public var dailyBudget: Sompi?
    public var spentToday: Sompi
    public var alerts: [ConsoleAlert]
    public var recentSettlements: [SettlementRow]

    public init(walletName: String, network: Network, walletBalance: Sompi, total: Sompi, pending: Sompi, machines: MachineCounts,
                groups: [GroupBalance], spendPerHour: [Sompi], dailyBudget: Sompi?, spentToday: Sompi,
                alerts: [ConsoleAlert], recentSettlements: [SettlementRow]) {
        self.walletName = walletName
        self.network = network
        self.walletBalance = walletBalance
        self.total = total
        self.pending = pending
        self.machines = machines
        self.groups = groups
        self.spendPerHour = spendPerHour
        self.dailyBudget = dailyBudget
        self.spentToday = spentToday
        self.alerts = alerts
        self.recentSettlements = recentSettlements
    }
}

public struct MachineCounts: Equatable, Sendable {
    public var total: Int
    public var active: Int
    public var frozen: Int
    public var retired: Int
    public init(total: Int, active: Int, frozen: Int, retired: Int) {
        self.total = total
        self.active = active
        self.frozen = frozen
        self.retired = retired
    }
}

/// One group of machines on the Dashboard.
public struct GroupBalance: Equatable, Sendable {
    public var name: String
    public var machines: Int
    public var frozen: Int
    public var balance: Sompi
    public var spentToday: Sompi
    public var dailyBudget: Sompi?
    /// Spend per hour over the last 24 hours, oldest first.
    public var spendPerHour: [Sompi]

    public init(name: String, machines: Int, frozen: Int, balance: Sompi, spentToday: Sompi, dailyBudget: Sompi?, spendPerHour: [Sompi]) {
        self.name = name
        self.machines = machines
        self.frozen = frozen
        self.balance = balance
        self.spentToday = spentToday
        self.dailyBudget = dailyBudget
        self.spendPerHour = spendPerHour
    }
}

/// Something the operator should look at: a machine over budget, the node behind, approvals waiting.
public struct ConsoleAlert: Equatable, Sendable {
    public enum Severity: Int, Comparable, Sendable {
        case info, warning, critical
        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }

    public var severity: Severity
    public var text: String
    /// The machine the alert is about, if one (Enter opens it).
    public var machine: MachineID?

    public init(severity: Severity, text: String, machine: MachineID? = nil) {
        self.severity = severity
        self.text = text
        self.machine = machine
    }
}

/// A settlement in the Dashboard's "last settlements" list (the Settlements screen comes with its own issue).
public struct SettlementRow: Equatable, Sendable {
    public var id: String
    public var title: String
    /// draft, awaiting approvals, ready, broadcast, accepted, rejected, expired.
    public var state: String
    public var amount: Sompi
    public var approvals: Int
    public var requiredApprovals: Int
    public var updatedAt: Int64

    public init(id: String, title: String, state: String, amount: Sompi, approvals: Int, requiredApprovals: Int, updatedAt: Int64) {
        self.id = id
        self.title = title
        self.state = state
        self.amount = amount
        self.approvals = approvals
        self.requiredApprovals = requiredApprovals
        self.updatedAt = updatedAt
    }
}
