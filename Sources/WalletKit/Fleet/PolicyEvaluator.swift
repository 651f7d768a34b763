/// A spend a machine proposes, before anything is signed.
public struct ProposedSpend: Sendable, Equatable {
    public var machine: String
    public var amount: Sompi
    /// The address paid.
    public var destination: String
    /// The fleet machine that owns `destination`, if any.
    public var destinationMachine: String?

    public init(machine: String, amount: Sompi, destination: String, destinationMachine: String? = nil) {
        self.machine = machine
        self.amount = amount
        self.destination = destination
        self.destinationMachine = destinationMachine
    }
}

public enum PolicyDecision: Sendable, Equatable {
    case allow
    /// Every reason, each a sentence an operator understands.
    case deny([String])

    public var isAllowed: Bool { self == .allow }
    public var reasons: [String] { if case .deny(let r) = self { return r } else { return [] } }
}

/// The policy check (product.md §2): a pure function of the machine, its budgets, the recent ledger, the
/// proposed spend and the time. It lists every reason to refuse, not only the first.
public enum PolicyEvaluator {
    /// - Parameters:
    ///   - machineLedger: the machine's spends (at least the last 24 h).
    ///   - groupLedger: the spends of every machine of the machine's group (at least the last 24 h).
    public static func evaluate(machine: Machine, machineBudget: Budget?, groupBudget: Budget?,
                                machineLedger: [SpendEntry], groupLedger: [SpendEntry],
                                spend: ProposedSpend, now: Int64) -> PolicyDecision {
        var reasons: [String] = []
        let name = machine.name
        let amount = spend.amount
        switch machine.status {
        case .active: break
        case .frozen: reasons.append("\(name) is frozen: an operator must unfreeze it before it can spend")
        case .retired: reasons.append("\(name) is retired and can no longer spend")
        }
        if amount == .zero { reasons.append("\(name) proposes to pay 0 KAS: the amount must be above zero") }

        if let b = machineBudget {
            if let limit = b.perTransactionLimit, amount > limit {
                reasons.append("\(name) would exceed its per-transaction limit: \(kas(amount)) proposed, limit \(kas(limit))")
            }
            for window in SpendWindow.allCases {
                guard let limit = window == .hour ? b.hourlyLimit : b.dailyLimit else { continue }
                let spent = machineLedger.total(in: window, now: now)
                if exceeds(spent, amount, limit) {
                    reasons.append("\(name) would exceed its \(window.limitName) limit: \(kas(spent)) already spent \(window.phrase), \(kas(amount)) proposed, limit \(kas(limit))")
                }
            }
            reasons += destinationReasons(name: name, owner: "its", budget: b, spend: spend)
        }
        if let b = groupBudget, let group = machine.group {
            if let limit = b.perTransactionLimit, amount > limit {
                reasons.append("\(name) would exceed the per-transaction limit of group \(group): \(kas(amount)) proposed, limit \(kas(limit))")
            }
            for window in SpendWindow.allCases {
                guard let limit = window == .hour ? b.hourlyLimit : b.dailyLimit else { continue }
                let spent = groupLedger.total(in: window, now: now)
                if exceeds(spent, amount, limit) {
                    reasons.append("group \(group) would exceed its \(window.limitName) limit: \(kas(spent)) already spent by its machines \(window.phrase), \(kas(amount)) proposed by \(name), limit \(kas(limit))")
                }
            }
            reasons += destinationReasons(name: name, owner: "group \(group)'s", budget: b, spend: spend)
        }
        return reasons.isEmpty ? .allow : .deny(reasons)
    }

    static func exceeds(_ spent: Sompi, _ amount: Sompi, _ limit: Sompi) -> Bool {
        guard let total = spent.adding(amount) else { return true }
        return total > limit
    }

    static func destinationReasons(name: String, owner: String, budget b: Budget, spend: ProposedSpend) -> [String] {
        if let target = spend.destinationMachine {
            if let allowed = b.allowedMachines {
                return allowed.contains(target) ? [] : ["\(name) may not pay machine \(target): it is not among \(owner) allowed machines (\(list(allowed)))"]
            }
            if let allowed = b.allowedDestinations, !allowed.contains(spend.destination) {
                return ["\(name) may not pay machine \(target) at \(spend.destination): it is not among \(owner) \(allowed.count) allowed destinations"]
            }
            return []
        }
        if let allowed = b.allowedDestinations, !allowed.contains(spend.destination) {
            return ["\(name) may not pay \(spend.destination): it is not among \(owner) \(allowed.count) allowed destinations"]
        }
        if b.allowedDestinations == nil, let machines = b.allowedMachines {
            return ["\(name) may not pay \(spend.destination): \(owner) budget allows paying only the machines \(list(machines))"]
        }
        return []
    }

    static func kas(_ s: Sompi) -> String { "\(s.kasString) KAS" }
    static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }
}
