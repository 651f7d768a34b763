/// Compute and transient mass (rusty-kaspa `consensus/core/src/mass/mod.rs`, `mass/units.rs`).
public enum ComputeMass {
    public static let massPerTxByte: UInt64 = 1
    public static let massPerScriptPubKeyByte: UInt64 = 10
    public static let gramsPerSigOp: UInt64 = 1000
    public static let gramsPerComputeBudgetUnit: UInt64 = 100
    public static let scriptUnitsPerGram: UInt64 = 100
    /// One compute-budget unit is 10,000 script units; each input gets 9,999 free.
    public static let scriptUnitsPerComputeBudgetUnit: UInt64 = gramsPerComputeBudgetUnit * scriptUnitsPerGram
    public static let freeScriptUnitsPerInput: UInt64 = scriptUnitsPerComputeBudgetUnit - 1
    /// KIP-13: transient mass is four times the serialized size.
    public static let transientBytesToMass: UInt64 = 4

    /// `transaction_estimated_serialized_size`: deterministic, not an actual wire size.
    public static func estimatedSerializedSize(_ tx: Transaction) -> UInt64 {
        var size: UInt64 = 2 + 8  // version, input count
        for input in tx.inputs {
            size += 32 + 4 + 8 + UInt64(input.signatureScript.count) + 8
            if tx.version >= 1 { size += 2 }  // compute budget
        }
        size += 8  // output count
        for output in tx.outputs { size += outputSerializedSize(output) }
        size += 8 + 20 + 8 + 32 + 8 + UInt64(tx.payload.count)  // lock time, subnetwork, gas, payload hash, payload length
        return size
    }

    public static func outputSerializedSize(_ output: TransactionOutput) -> UInt64 {
        8 + 2 + 8 + UInt64(output.scriptPublicKey.script.count) + (output.covenant != nil ? 2 + 32 : 0)
    }

    /// Compute mass in grams: size + 10 per output script byte (and its 2 version bytes) + script cost
    /// (v0: 1000 per sig op; v1: 100 per compute-budget unit). Coinbase weighs nothing.
    public static func compute(_ tx: Transaction) -> UInt64 {
        if tx.isCoinbase { return 0 }
        let size = estimatedSerializedSize(tx) * massPerTxByte
        let spkBytes = tx.outputs.reduce(UInt64(0)) { $0 + 2 + UInt64($1.scriptPublicKey.script.count) }
        let script: UInt64 = tx.version >= 1
            ? tx.inputs.reduce(0) { $0 + UInt64($1.computeCommit.computeBudget ?? 0) } * gramsPerComputeBudgetUnit
            : tx.inputs.reduce(0) { $0 + UInt64($1.computeCommit.sigOpCount ?? 0) } * gramsPerSigOp
        return size + spkBytes * massPerScriptPubKeyByte + script
    }

    public static func transient(_ tx: Transaction) -> UInt64 {
        tx.isCoinbase ? 0 : estimatedSerializedSize(tx) * transientBytesToMass
    }

    /// The smallest v1 compute budget covering `scriptUnits`: the units above the free allowance, in whole
    /// budget units rounded up (`ComputeBudget::checked_covering_script_units` and `TryFrom<ScriptUnits>`,
    /// `consensus/core/src/mass/units.rs`). Nil when it exceeds a u16.
    public static func computeBudget(coveringScriptUnits units: UInt64) -> UInt16? {
        let charged = units > freeScriptUnitsPerInput ? units - freeScriptUnitsPerInput : 0
        let budget = (charged + scriptUnitsPerComputeBudgetUnit - 1) / scriptUnitsPerComputeBudgetUnit
        return budget <= UInt64(UInt16.max) ? UInt16(budget) : nil
    }

    /// Script units a committed budget allows (budget units plus the free allowance).
    public static func scriptUnitsAllowed(budget: UInt16) -> UInt64 {
        UInt64(budget) * scriptUnitsPerComputeBudgetUnit + freeScriptUnitsPerInput
    }
}
