import Testing
@testable import WalletKit

/// The mempool's P2SH signature-operation count (`P2shSigOps`), on the cases rusty-kaspa's `test_p2sh_sig_scanner`
/// covers (`crypto/txscript/src/lib.rs`) and a few more: it reads the redeem script, never runs it.
@Suite struct P2shSigOpsTests {
    static func count(redeem: [UInt8], prefix: [UInt8] = []) throws -> UInt64 {
        P2shSigOps.count(signatureScript: try SignatureScript.p2sh(pushes: prefix, redeemScript: redeem),
                         scriptPublicKey: .p2sh(redeemScript: redeem))
    }

    static func script(_ ops: Opcode...) -> [UInt8] { ops.map(\.rawValue) }

    @Test func singleSignatureChecksCountOneEachFromStackToo() throws {
        #expect(try Self.count(redeem: Self.script(.opCheckSigFromStack, .opCheckSigFromStackECDSA)) == 2)
        #expect(try Self.count(redeem: Self.script(.opCheckSig, .opCheckSigVerify, .opCheckSigECDSA)) == 3)
        // A prefix pushed before the redeem script is not read.
        #expect(try Self.count(redeem: Self.script(.opCheckSig), prefix: Self.script(.opTrue, .opCheckSig)) == 1)
        // Counted in a branch that never runs: a static count.
        #expect(try Self.count(redeem: Self.script(.opFalse, .opIf) + [UInt8](repeating: Opcode.opCheckSig.rawValue, count: 16)
                                + Self.script(.opEndIf, .opTrue)) == 16)
    }

    @Test func multisigCountsTheNumberPushedJustBeforeIt() throws {
        #expect(try Self.count(redeem: Self.script(.op2, .opCheckMultiSig)) == 2)
        #expect(try Self.count(redeem: Self.script(.opCheckMultiSig)) == 20, "no count: the maximum")
        #expect(try Self.count(redeem: Self.script(.op3, .opDup, .opCheckMultiSigVerify)) == 20, "only the opcode just before counts")
        #expect(try Self.count(redeem: Self.script(.op16, .opCheckMultiSigECDSA)) == 16)
        for n in UInt8(1)...21 {
            let expected = UInt64(min(n, 20))
            // Canonical (OP_1…OP_16, then a one-byte push) and explicit one-byte pushes (not minimal below 17).
            var canonical = ScriptBuilder()
            try canonical.add(data: [n])
            try canonical.add(.opCheckMultiSig)
            #expect(try Self.count(redeem: canonical.script) == expected, "canonical \(n)")
            #expect(try Self.count(redeem: [Opcode.opData1.rawValue, n, Opcode.opCheckMultiSig.rawValue]) == expected, "explicit \(n)")
        }
        // A standard 2-of-3 multisig redeem script.
        let keys = (1...3).map { [UInt8](repeating: UInt8($0), count: 32) }
        var redeem = ScriptBuilder()
        try redeem.add(.op2)
        for key in keys { try redeem.add(data: key) }
        try redeem.add(.op3)
        try redeem.add(.opCheckMultiSig)
        #expect(try Self.count(redeem: redeem.script, prefix: [Opcode.opData65.rawValue] + [UInt8](repeating: 7, count: 65)) == 3)
    }

    @Test func anythingUnreadableOrNotP2shCountsZero() throws {
        // OP_PUSHDATA1 announces two bytes and one follows.
        let malformed: [UInt8] = [Opcode.opPushData1.rawValue, 2, 1]
        #expect(try Self.count(redeem: Self.script(.opCheckSig) + malformed) == 0)
        let p2sh = ScriptPublicKey.p2sh(redeemScript: Self.script(.opCheckSig))
        #expect(P2shSigOps.count(signatureScript: malformed, scriptPublicKey: p2sh) == 0)
        #expect(P2shSigOps.count(signatureScript: [], scriptPublicKey: p2sh) == 0)
        let redeem = Self.script(.opCheckSig, .opCheckSig)
        #expect(P2shSigOps.count(signatureScript: try SignatureScript.p2sh(pushes: [], redeemScript: redeem),
                                 scriptPublicKey: ScriptPublicKey(script: [Opcode.opTrue.rawValue])) == 0, "not P2SH")
    }
}
