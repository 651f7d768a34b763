import Foundation
import Testing
@testable import WalletKit

/// A 2-of-3 multisig settlement as machines would run it: one builds, three approvers sign on their own machines
/// (every hand-over is a PSKB string), someone combines, finalizes and extracts.
@Suite struct PSKTMultisigFlowTests {
    typealias S = PSKTTestSupport
    static let signers = [S.kp1, S.kp2, S.kp3]

    static func redeemScript(_ kind: MultisigScript.Kind) throws -> [UInt8] {
        kind == .schnorr
            ? try MultisigScript.redeemScript(schnorrKeys: signers.map(\.xOnlyPublicKey), required: 2)
            : try MultisigScript.redeemScript(ecdsaKeys: signers.map(\.publicKey), required: 2)
    }

    /// Two inputs from the same 2-of-3 P2SH address (one with SIGHASH_SINGLE|ANYONECANPAY), a payment and change.
    static func created(_ kind: MultisigScript.Kind) throws -> String {
        let redeem = try redeemScript(kind)
        let spk = ScriptPublicKey.p2sh(redeemScript: redeem)
        var pskt = PSKT(inputsModifiable: true, outputsModifiable: true)
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(0x63, 0),
                                    utxoEntry: UtxoEntry(amount: 12_793_000_000_000, scriptPublicKey: spk, blockDaaScore: 36_151_168),
                                    redeemScript: redeem))
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(0x64, 5),
                                    utxoEntry: UtxoEntry(amount: 500_000_000, scriptPublicKey: spk, blockDaaScore: 36_151_200),
                                    sighashType: .singleAnyoneCanPay, redeemScript: redeem))
        try pskt.addOutput(PSKTOutput(amount: 1_000_000_000, scriptPublicKey: S.destination))
        try pskt.addOutput(PSKTOutput(amount: 12_792_499_000_000, scriptPublicKey: spk))
        pskt.closeInputsAndOutputs()
        #expect(pskt.inputs.allSatisfy { $0.sigOpCount == 3 })
        return PSKB([pskt]).serialized
    }

    /// One approver's machine: read the bundle, sign with its own key, write the bundle.
    static func approve(_ bundle: String, with key: PrivateKey) throws -> String {
        var pskb = try PSKB(serialized: bundle)
        let signed = try pskb.pskts[0].sign(keys: [key])
        #expect(signed.count == 2, "one signature per input")
        return pskb.serialized
    }

    struct Order: Sendable, CustomTestStringConvertible {
        let kind: MultisigScript.Kind
        let signers: [Int]
        var testDescription: String { "\(kind == .schnorr ? "Schnorr" : "ECDSA") signers \(signers.map { "kp\($0 + 1)" })" }
    }

    static let orders: [Order] = [MultisigScript.Kind.schnorr, .ecdsa].flatMap { kind in
        [[0, 1], [1, 0], [0, 2], [2, 0], [1, 2], [2, 1], [0, 1, 2], [2, 1, 0], [1, 2, 0]].map { Order(kind: kind, signers: $0) }
    }

    @Test(arguments: orders)
    func approversSignCombineFinalizeExtract(order: Order) throws {
        let created = try Self.created(order.kind)
        let approvals = try Self.signers.map { try Self.approve(created, with: $0) }

        // Combine the chosen approvals in the chosen order, each arriving as a PSKB string.
        var combined = try PSKB(serialized: approvals[order.signers[0]])
        for i in order.signers.dropFirst() {
            combined = try PSKB(serialized: combined.combined(with: PSKB(serialized: approvals[i])).serialized)
        }
        var pskt = combined.pskts[0]
        #expect(PSKTSummary(pskt).status == .readyToFinalize)
        #expect(pskt.inputs.allSatisfy { $0.partialSigs.count == order.signers.count })

        // Every partial signature verifies against its input's sighash.
        let redeem = try Self.redeemScript(order.kind)
        let ptx = try PopulatedTransaction(tx: pskt.unsignedTransaction, entries: pskt.inputs.compactMap(\.utxoEntry))
        for (i, input) in pskt.inputs.enumerated() {
            let h = ptx.schnorrSigHash(inputIndex: i, type: input.sighashType, reused: SigHashReusedValues())
            for (key, sig) in input.partialSigs {
                switch sig {
                case .schnorr(let b): #expect(order.kind == .schnorr && key.xOnly.schnorrVerify(signature: b, message: h))
                case .ecdsa(let b): #expect(order.kind == .ecdsa && key.ecdsaVerify(signature: b, message: SigHash.ecdsa(fromSchnorr: h)))
                }
            }
        }

        try pskt.finalize()
        pskt = try PSKT(serialized: pskt.serialized)
        #expect(PSKTSummary(pskt).status == .finalized)
        let tx = try pskt.extractTransaction()
        #expect(tx.id == pskt.transactionId && tx.id == pskt.global.id)

        // The signature script: exactly two `OP_DATA_65 sig type` pushes by keys in redeem-script order, then the
        // redeem script; with all three signatures, the first two keys of the script.
        let expectedSigners = Array(order.signers.sorted().prefix(2))
        for (i, input) in tx.inputs.enumerated() {
            #expect(input.computeCommit == .sigOpCount(3) && input.sequence == UInt64.max)
            let script = input.signatureScript
            var push = ScriptBuilder()
            try push.add(data: redeem)
            #expect(script.count == 2 * 66 + push.script.count)
            #expect(Array(script.suffix(push.script.count)) == push.script)
            let type = pskt.inputs[i].sighashType
            let h = ptx.schnorrSigHash(inputIndex: i, type: type, reused: SigHashReusedValues())
            var used: [Int] = []
            for n in 0..<2 {
                let chunk = Array(script[(n * 66)..<(n * 66 + 66)])
                #expect(chunk[0] == 0x41 && chunk[65] == type.rawValue)
                let sig = Array(chunk[1..<65])
                let signer = Self.signers.firstIndex { key in
                    order.kind == .schnorr ? key.xOnlyPublicKey.schnorrVerify(signature: sig, message: h)
                                           : key.publicKey.ecdsaVerify(signature: sig, message: SigHash.ecdsa(fromSchnorr: h))
                }
                used.append(try #require(signer))
            }
            #expect(used == expectedSigners, "input \(i): signatures must follow the redeem script's key order")
        }
    }

    /// rusty-kaspa's wallet finalizer would take kp3 before kp1 (public-key map order: 0364… < 03fa…) and fail;
    /// the redeem script lists kp1 first, and so must the signature script.
    @Test func redeemOrderIsNotMapOrder() throws {
        let kp1 = S.kp1.publicKey.compressed, kp3 = S.kp3.publicKey.compressed
        #expect(kp3.lexicographicallyPrecedes(kp1))
        let created = try Self.created(.schnorr)
        var pskt = try PSKB(serialized: Self.approve(created, with: S.kp3)).pskts[0]
            .combined(with: PSKB(serialized: Self.approve(created, with: S.kp1)).pskts[0])
        try pskt.finalize()
        let script = try #require(pskt.inputs[0].finalScriptSig)
        let first = Array(script[1..<65])
        let ptx = try PopulatedTransaction(tx: pskt.unsignedTransaction, entries: pskt.inputs.compactMap(\.utxoEntry))
        #expect(S.kp1.xOnlyPublicKey.schnorrVerify(signature: first, message: ptx.schnorrSigHash(inputIndex: 0, reused: SigHashReusedValues())))
    }

    @Test func finalizeWithMissingSignaturesFailsAndChangesNothing() throws {
        let pskb = try PSKB(serialized: Self.approve(try Self.created(.schnorr), with: S.kp2))
        var pskt = pskb.pskts[0]
        let before = pskt
        #expect(PSKTSummary(pskt).status == .partiallySigned)
        #expect(throws: PSKTError.cannotFinalize([
            PSKTFinalizeProblem(input: 0, kind: .missingSignatures(have: 1, required: 2)),
            PSKTFinalizeProblem(input: 1, kind: .missingSignatures(have: 1, required: 2)),
        ])) { try pskt.finalize() }
        #expect(pskt == before)
        do { try pskt.finalize() } catch {
            #expect(error.description == "cannot finalize; nothing was changed: input 0 has 1 of 2 required signatures (1 missing); "
                    + "input 1 has 1 of 2 required signatures (1 missing)")
        }
        #expect(throws: PSKTError.notFinalized(inputs: [0, 1])) { try pskt.extractTransaction() }
    }

    @Test func aSignatureThatDoesNotVerifyStopsFinalization() throws {
        let created = try Self.created(.schnorr)
        var pskt = try PSKB(serialized: Self.approve(created, with: S.kp1)).pskts[0]
            .combined(with: PSKB(serialized: Self.approve(created, with: S.kp2)).pskts[0])
        let key = S.kp2.publicKey
        guard case .schnorr(var bytes)? = pskt.inputs[1].partialSigs[key] else { Issue.record("no signature"); return }
        bytes[10] ^= 1
        pskt.inputs[1].partialSigs[key] = .schnorr(bytes)
        #expect(throws: PSKTError.cannotFinalize([PSKTFinalizeProblem(input: 1, kind: .invalidSignature(publicKey: key.description))])) {
            try pskt.finalized()
        }
    }

    @Test func signingTwiceAddsNothing() throws {
        var pskt = try PSKB(serialized: Self.approve(try Self.created(.schnorr), with: S.kp1)).pskts[0]
        let before = pskt
        #expect(try pskt.sign(keys: [S.kp1]).isEmpty)
        #expect(pskt == before)
        // A key outside the script signs nothing.
        #expect(try pskt.sign(keys: [PrivateKey.random()]).isEmpty)
    }
}
