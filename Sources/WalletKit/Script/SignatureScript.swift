/// Signature scripts for standard inputs (`consensus/core/src/sign.rs`, `crypto/txscript/src/standard.rs`).
public enum SignatureScript {
    /// P2PK (Schnorr or ECDSA): `OP_DATA_65 || sig(64) || sighash type` = 66 bytes.
    public static func p2pk(signature: [UInt8], sigHashType: SigHashType) -> [UInt8] {
        precondition(signature.count == 64)
        return [Opcode.opData65.rawValue] + signature + [sigHashType.rawValue]
    }

    /// P2SH: the pushes of `pieces` (already-built signature pushes) followed by a canonical push of the redeem script.
    public static func p2sh(pushes: [UInt8], redeemScript: [UInt8]) throws(ScriptBuilderError) -> [UInt8] {
        var b = ScriptBuilder()
        try b.add(data: redeemScript)
        return pushes + b.script
    }

    /// Multisig P2SH: `[OP_DATA_65 sig||type] × m` in redeem-script key order, then `push(redeem)`.
    public static func multisig(signatures: [[UInt8]], sigHashType: SigHashType, redeemScript: [UInt8]) throws(ScriptBuilderError) -> [UInt8] {
        try p2sh(pushes: signatures.flatMap { p2pk(signature: $0, sigHashType: sigHashType) }, redeemScript: redeemScript)
    }
}
