/// Spending limits of one machine or one group (product.md §2 "Budget / policy"). A nil limit or list means
/// "no restriction". Group limits apply to the sum over the group's machines.
public struct Budget: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        case machine(String)
        case group(String)
    }

    public var scope: Scope
    public var perTransactionLimit: Sompi?
    public var hourlyLimit: Sompi?
    public var dailyLimit: Sompi?
    /// Addresses the machine may pay (nil: any).
    public var allowedDestinations: [String]?
    /// Fleet machines (by name) the machine may pay (nil: any).
    public var allowedMachines: [String]?

    public init(scope: Scope, perTransactionLimit: Sompi? = nil, hourlyLimit: Sompi? = nil, dailyLimit: Sompi? = nil,
                allowedDestinations: [String]? = nil, allowedMachines: [String]? = nil) {
        self.scope = scope
        self.perTransactionLimit = perTransactionLimit
        self.hourlyLimit = hourlyLimit
        self.dailyLimit = dailyLimit
        self.allowedDestinations = allowedDestinations
        self.allowedMachines = allowedMachines
    }

    public var isEmpty: Bool {
        perTransactionLimit == nil && hourlyLimit == nil && dailyLimit == nil && allowedDestinations == nil && allowedMachines == nil
    }
}

/// A rolling window of the policy: the spends with time in (now - seconds, now].
public enum SpendWindow: Sendable, CaseIterable {
    case hour
    case day

    public var seconds: Int64 { self == .hour ? 3_600 : 86_400 }
    /// How a reason names it.
    public var limitName: String { self == .hour ? "hourly" : "daily" }
    public var phrase: String { self == .hour ? "in the last hour" : "in the last 24 h" }
}
