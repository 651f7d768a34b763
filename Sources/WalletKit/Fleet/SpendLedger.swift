/// One recorded spend of a machine (the `spendLedger` table), what rolling-window limits are measured on.
public struct SpendEntry: Sendable, Equatable {
    public var machine: String
    public var amount: Sompi
    /// Unix seconds.
    public var at: Int64

    public init(machine: String, amount: Sompi, at: Int64) {
        self.machine = machine
        self.amount = amount
        self.at = at
    }
}

extension Sequence where Element == SpendEntry {
    /// The total spent in `window` ending at `now` (saturating: a ledger never exceeds the supply).
    public func total(in window: SpendWindow, now: Int64) -> Sompi {
        var sum: UInt64 = 0
        for e in self where e.at > now - window.seconds && e.at <= now {
            sum = sum.addingReportingOverflow(e.amount.rawValue).overflow ? UInt64.max : sum + e.amount.rawValue
        }
        return Sompi(sum)
    }
}
