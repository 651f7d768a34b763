/// Counts script units against the input's committed limit (rusty-kaspa `crypto/txscript/src/runtime_resource_meter.rs`).
///
/// Signature checks cost `sigOpScriptUnits` each (1000 grams = 100,000 units on mainnet), newly pushed stack bytes
/// one unit each, hashing one or two units per byte, and a ZK verification its tag's price. A v1 input may use
/// `budget × 10,000 + 9,999` units; a v0 input `sigOpCount × 100,000 + 9,999`.
public struct ScriptUnitMeter: Sendable {
    public let limit: UInt64
    public let sigOpScriptUnits: UInt64
    public private(set) var remaining: UInt64
    public private(set) var sigOps: UInt16 = 0

    public static let unlimited = UInt64.max

    public init(limit: UInt64 = unlimited, sigOpScriptUnits: UInt64 = ScriptUnitMeter.defaultSigOpScriptUnits) {
        self.limit = limit
        self.sigOpScriptUnits = sigOpScriptUnits
        self.remaining = limit
    }

    /// `EngineFlags::default`: one sig op costs 1000 grams (`mass_per_sig_op`), 100 script units per gram.
    public static let defaultSigOpScriptUnits: UInt64 = ComputeMass.gramsPerSigOp * ComputeMass.scriptUnitsPerGram

    public var used: UInt64 { limit - remaining }

    /// Units an input may use under its commit, including the free per-input allowance
    /// (`ComputeCommit::allowed_script_units`, `consensus/core/src/tx.rs`).
    public static func allowedScriptUnits(_ commit: ComputeCommit) -> UInt64 {
        let committed: UInt64
        switch commit {
        case .sigOpCount(let n): committed = UInt64(n) * ComputeMass.gramsPerSigOp * ComputeMass.scriptUnitsPerGram
        case .computeBudget(let b): committed = UInt64(b) * ComputeMass.scriptUnitsPerComputeBudgetUnit
        }
        let (sum, overflow) = committed.addingReportingOverflow(ComputeMass.freeScriptUnitsPerInput)
        return overflow ? .max : sum
    }

    /// Charges `units`; on failure nothing is charged and the error reports what the use would have reached.
    @inline(__always)
    public mutating func consume(_ units: UInt64) throws(ScriptError) {
        guard units <= remaining else {
            let over = units - remaining
            let (used, overflow) = limit.addingReportingOverflow(over)
            throw .exceededCommittedScriptUnits(used: overflow ? .max : used, limit: limit)
        }
        remaining -= units
    }

    mutating func consumeSigOps(_ count: UInt16) throws(ScriptError) {
        let (units, overflow) = UInt64(count).multipliedReportingOverflow(by: sigOpScriptUnits)
        try consume(overflow ? .max : units)
        sigOps = sigOps.addingReportingOverflow(count).overflow ? .max : sigOps + count
    }
}
