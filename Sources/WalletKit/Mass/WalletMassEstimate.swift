/// The reference wallet's mass estimate for an unsigned transaction (rusty-kaspa `wallet/core/src/tx/mass.rs`,
/// `calc_overall_mass_for_unsigned_consensus_transaction`), which the official SDK's
/// `calculate_transaction_mass` returns. It is not consensus mass: it assumes one 66-byte signature per
/// required signature per input, charges payload bytes at 2 grams, and ignores the v1 fields (compute budgets,
/// their 2 bytes, covenant bindings). Kasfleet shows it only to compare figures with the SDK.
public enum WalletMassEstimate {
    /// `OP_DATA_65 || signature(64) || sighash type`.
    public static let signatureSize: UInt64 = 66

    public static func compute(_ tx: Transaction, minimumSignatures: Int = 1) -> UInt64 {
        var mass: UInt64 = 2 + 8 + 8 + 8 + 20 + 8 + 32 + 8  // the blank transaction
        mass += UInt64(tx.payload.count) * 2  // max(mass per byte, normalized transient factor 2)
        for o in tx.outputs {
            let script = UInt64(o.scriptPublicKey.script.count)
            mass += ComputeMass.massPerScriptPubKeyByte * (2 + script) + (8 + 2 + 8 + script)
        }
        for i in tx.inputs {
            mass += UInt64(i.computeCommit.sigOpCount ?? 0) * ComputeMass.gramsPerSigOp
            mass += 32 + 4 + 8 + UInt64(i.signatureScript.count) + 8
        }
        mass += signatureSize * UInt64(max(minimumSignatures, 1)) * UInt64(tx.inputs.count)
        return mass
    }

    /// `max(estimate, storage mass)`, or nil when the storage mass is incomputable.
    public static func overall(_ ptx: PopulatedTransaction, minimumSignatures: Int = 1) -> UInt64? {
        guard let storage = StorageMass.compute(ptx) else { return nil }
        return max(compute(ptx.tx, minimumSignatures: minimumSignatures), storage)
    }
}
