/// The mempool's static count of signature operations in a P2SH input's redeem script (rusty-kaspa
/// `crypto/txscript/src/lib.rs`, `p2sh_sig_scanner`), which `check_transaction_standard_in_context`
/// (`mining/src/mempool/check_transaction_standard.rs`) holds to `maxStandard`. It reads the script without running
/// it, so an operation in a branch never taken still counts: a relay policy, not a consensus rule.
public enum P2shSigOps {
    /// `MAX_STANDARD_P2SH_SIG_OPS`: more in one input makes the transaction non-standard.
    public static let maxStandard: UInt64 = 15

    /// The count for one input: 0 unless `scriptPublicKey` is P2SH. The redeem script is the data of the signature
    /// script's last opcode. Each single-signature check counts 1 (the from-stack ones too); a multisig check counts
    /// the number pushed just before it (OP_1…OP_16, or a data push reading 1…20, minimal or not), else 20. A
    /// signature or redeem script that does not parse counts 0 (the engine rejects it anyway).
    public static func count(signatureScript: [UInt8], scriptPublicKey: ScriptPublicKey) -> UInt64 {
        guard ScriptEngine.isPayToScriptHash(scriptPublicKey.script),
              let last = (try? ScriptParser.parseAll(signatureScript))?.last else { return 0 }
        let redeem = Array(signatureScript[last.data])
        guard let redeemOps = try? ScriptParser.parseAll(redeem) else { return 0 }
        var count: UInt64 = 0
        var pushedCount: UInt64?
        for op in redeemOps {
            let previous = pushedCount
            pushedCount = nil
            switch op.opcode {
            case .opCheckSig, .opCheckSigVerify, .opCheckSigECDSA, .opCheckSigFromStack, .opCheckSigFromStackECDSA:
                count += 1
            case .opCheckMultiSig, .opCheckMultiSigVerify, .opCheckMultiSigECDSA:
                count += previous ?? UInt64(ScriptEngine.maxPubKeysPerMultisig)
            default:
                if (Opcode.op1.rawValue...Opcode.op16.rawValue).contains(op.code) {
                    pushedCount = UInt64(op.code - Opcode.op1.rawValue + 1)
                } else if op.code <= Opcode.opPushData4.rawValue, let n = try? ScriptNum.decode(Array(redeem[op.data])),
                          (1...Int64(ScriptEngine.maxPubKeysPerMultisig)).contains(n) {
                    pushedCount = UInt64(n)
                }
            }
        }
        return count
    }
}
