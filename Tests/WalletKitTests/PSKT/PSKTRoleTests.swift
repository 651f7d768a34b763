import Foundation
import Testing
@testable import WalletKit

/// Single-key flows, version 1 transactions, the combiner's conflicts and the implicit transaction fields.
@Suite struct PSKTRoleTests {
    typealias S = PSKTTestSupport

    /// Input 0 is P2PK Schnorr (kp1), input 1 P2PK ECDSA (kp2).
    static func p2pkPSKT(txVersion: UInt16 = 0, version: PSKTGlobal.Version = .one, types: [SigHashType] = [.all, .all]) throws -> PSKT {
        var pskt = PSKT(version: version, txVersion: txVersion)
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(1, 0),
                                    utxoEntry: UtxoEntry(amount: 300_000_000, scriptPublicKey: .p2pk(S.kp1.xOnlyPublicKey), blockDaaScore: 10),
                                    sighashType: types[0]))
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(2, 7),
                                    utxoEntry: UtxoEntry(amount: 200_000_000, scriptPublicKey: .p2pkECDSA(S.kp2.publicKey), blockDaaScore: 11),
                                    sighashType: types[1]))
        try pskt.addOutput(PSKTOutput(amount: 450_000_000, scriptPublicKey: S.destination))
        try pskt.addOutput(PSKTOutput(amount: 49_990_000, scriptPublicKey: .p2pk(S.kp1.xOnlyPublicKey)))
        return pskt
    }

    @Test(arguments: [[SigHashType.all, .all], [.none, .singleAnyoneCanPay], [.allAnyoneCanPay, .single]])
    func p2pkSchnorrAndECDSA(types: [SigHashType]) throws {
        let created = PSKB([try Self.p2pkPSKT(types: types)]).serialized
        // Each key holder signs separately.
        var a = try PSKB(serialized: created), b = try PSKB(serialized: created)
        #expect(try a.pskts[0].sign(keys: [S.kp1]) == [PSKTSignedInput(input: 0, publicKey: S.kp1.publicKey)])
        #expect(try b.pskts[0].sign(keys: [S.kp2]) == [PSKTSignedInput(input: 1, publicKey: S.kp2.publicKey)])
        #expect(a.pskts[0].inputs[0].bip32Derivations == [S.kp1.publicKey: PSKTKeySource?.none])
        guard case .ecdsa? = b.pskts[0].inputs[1].partialSigs[S.kp2.publicKey] else { Issue.record("input 1 must carry ECDSA"); return }
        #expect(try PSKB(serialized: b.serialized).json.text.contains(#"{"eCDSA":"30"#))

        var pskt = try PSKB(serialized: a.serialized).combined(with: PSKB(serialized: b.serialized)).pskts[0]
        try pskt.finalize()
        let tx = try pskt.extractTransaction()
        let ptx = try PopulatedTransaction(tx: tx, entries: pskt.inputs.compactMap(\.utxoEntry))
        let reused = SigHashReusedValues()
        let s0 = tx.inputs[0].signatureScript, s1 = tx.inputs[1].signatureScript
        #expect(s0.count == 66 && s0[0] == 0x41 && s0[65] == types[0].rawValue)
        #expect(s1.count == 66 && s1[0] == 0x41 && s1[65] == types[1].rawValue)
        #expect(S.kp1.xOnlyPublicKey.schnorrVerify(signature: Array(s0[1..<65]), message: ptx.schnorrSigHash(inputIndex: 0, type: types[0], reused: reused)))
        #expect(S.kp2.publicKey.ecdsaVerify(signature: Array(s1[1..<65]), message: ptx.ecdsaSigHash(inputIndex: 1, type: types[1], reused: reused)))
        #expect(tx.inputs.allSatisfy { $0.computeCommit == .sigOpCount(1) })
        #expect(tx.id == pskt.global.id && tx.lockTime == 0 && tx.version == 0)
        #expect(tx.storageMass == StorageMass.compute(ptx))
    }

    /// The same signatures as `TransactionSigner` makes for the same transaction.
    @Test func signaturesMatchTheTransactionSigner() throws {
        var pskt = try Self.p2pkPSKT()
        let aux = [UInt8](repeating: 5, count: 32)
        try pskt.sign(keys: [S.kp1, S.kp2], auxRandom: aux)
        var ptx = try PopulatedTransaction(tx: pskt.unsignedTransaction, entries: pskt.inputs.compactMap(\.utxoEntry))
        TransactionSigner(keys: [S.kp1, S.kp2]).signP2PKInputs(&ptx, auxRandom: aux)
        try pskt.finalize()
        #expect(pskt.inputs.map(\.finalScriptSig) == ptx.tx.inputs.map(\.signatureScript))
    }

    @Test func versionOneTransactionsCarryComputeBudgetsAndCovenants() throws {
        var pskt = try Self.p2pkPSKT(txVersion: 1, version: .two)
        let forged = CovenantBinding(authorizingInput: 0, covenantId: Hash32([UInt8](repeating: 0xcc, count: 32))!)
        try pskt.addOutput(PSKTOutput(amount: 10_000, scriptPublicKey: S.destination, covenant: forged))
        pskt.inputs[1].computeBudget = 25
        #expect(pskt.inputs.allSatisfy { $0.sigOpCount == nil })
        let id = pskt.transactionId
        try pskt.sign(keys: [S.kp1, S.kp2])
        pskt = try PSKT(serialized: pskt.serialized)
        try pskt.finalize()
        let tx = try pskt.extractTransaction(verify: false)
        #expect(tx.version == 1 && tx.id == id && tx.outputs[2].covenant == forged)
        // P2PK default: 100,000 script units for the one signature check, the budget rusty-kaspa's signer commits.
        #expect(tx.inputs.map(\.computeCommit) == [.computeBudget(10), .computeBudget(25)])
        #expect(pskt.jsonText.contains(#""proprietaries":{},"computeBudget":25}"#))
        // The engine refuses a forged genesis id: the verified extraction never hands it out.
        #expect(throws: PSKTError.self) { try pskt.extractTransaction() }
    }

    @Test func verifiedExtractionMeasuresExactBudgetsForAGenuineGenesis() throws {
        var pskt = try Self.p2pkPSKT(txVersion: 1, version: .two)
        let output = TransactionOutput(value: 10_000, scriptPublicKey: S.destination)
        let id = CovenantID.compute(outpoint: pskt.inputs[0].previousOutpoint, authorizedOutputs: [(UInt32(pskt.outputs.count), output)])
        try pskt.addOutput(PSKTOutput(amount: 10_000, scriptPublicKey: S.destination, covenant: CovenantBinding(authorizingInput: 0, covenantId: id)))
        pskt.inputs[1].computeBudget = 25
        try pskt.sign(keys: [S.kp1, S.kp2])
        try pskt.finalize()
        let tx = try pskt.extractTransaction()
        // Input 0 gets the dry run's exact budget; input 1 keeps the one set explicitly.
        #expect(tx.inputs.map(\.computeCommit) == [.computeBudget(10), .computeBudget(25)])
        #expect(tx.outputs.last?.covenant?.covenantId == id)
    }

    @Test func covenantsAndPayloadsNeedTheirVersions() throws {
        var v1 = PSKT()
        let covenant = CovenantBinding(authorizingInput: 0, covenantId: .zero)
        #expect(throws: PSKTError.covenantNotAllowed(output: 0, version: 1, txVersion: 0)) {
            try v1.addOutput(PSKTOutput(amount: 1, scriptPublicKey: S.destination, covenant: covenant))
        }
        var v0 = PSKT(version: .zero)
        #expect(throws: PSKTError.payloadNotAllowed(version: 0)) { try v0.setPayload([1]) }
        try v1.setPayload([1, 2])
        #expect(v1.unsignedTransaction.payload == [1, 2])
    }

    /// rusty-kaspa's `determine_lock_time`: max(minTime), 0 when no input sets one, the fallback only with no inputs.
    @Test func lockTimeFollowsRustyKaspa() throws {
        var pskt = PSKT(fallbackLockTime: 777)
        #expect(pskt.lockTime == 777)
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(1)))
        #expect(pskt.lockTime == 0)
        #expect(PSKTSummary(pskt).warnings.contains { $0.contains("fallbackLockTime 777 is not applied") })
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(2), minTime: 50))
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(3), minTime: 40))
        #expect(pskt.lockTime == 50 && pskt.unsignedTransaction.lockTime == 50)
        #expect(pskt.unsignedTransaction.inputs.allSatisfy { $0.sequence == UInt64.max })
    }

    @Test func signingNeedsEveryUtxoEntry() throws {
        var pskt = try Self.p2pkPSKT()
        pskt.inputs[1].utxoEntry = nil
        let before = pskt
        #expect(throws: PSKTError.self) { try pskt.sign(keys: [S.kp1]) }
        #expect(pskt == before)
    }

    @Test func versionZeroSigningNeedsASigOpCount() throws {
        var pskt = try Self.p2pkPSKT()
        pskt.inputs[0].sigOpCount = nil
        #expect(throws: PSKTError.self) { try pskt.sign(keys: [S.kp1]) }
        // Another key's input can still be signed.
        #expect(try pskt.sign(keys: [S.kp2]).count == 1)
    }

    struct ConflictCase: Sendable, CustomTestStringConvertible {
        let name: String
        let message: String
        let change: @Sendable (inout PSKT) -> Void
        var testDescription: String { name }
    }

    static let conflicts: [ConflictCase] = [
        ConflictCase(name: "output amount", message: "cannot combine: output 0: amount: 450000000 vs 450000001 sompi") { $0.outputs[0].amount = 450_000_001 },
        ConflictCase(name: "outpoint", message: "cannot combine: input 1: previousOutpoint: the PSKTs spend different outputs") { $0.inputs[1].previousOutpoint.index = 8 },
        ConflictCase(name: "sighash type", message: "cannot combine: input 1: sighashType: All vs None") { $0.inputs[1].sighashType = .none },
        ConflictCase(name: "sequence", message: "cannot combine: input 0: sequence: unset vs 5 (signatures commit to it)") { $0.inputs[0].sequence = 5 },
        ConflictCase(name: "input count", message: "cannot combine: inputs: the PSKTs describe different transactions (2 vs 1 inputs)") { $0.inputs.removeLast() },
        ConflictCase(name: "tx version", message: "cannot combine: global: txVersion: transaction version 0 vs 1") { $0.global.txVersion = 1 },
        ConflictCase(name: "payload", message: "cannot combine: global: payload") { $0.global.payload = [9] },
        ConflictCase(name: "utxo entry", message: "cannot combine: input 0: utxoEntry") { $0.inputs[0].utxoEntry?.amount = 1 },
        ConflictCase(name: "unknown field", message: "cannot combine: input 0: unknown field: note has two different values") { $0.inputs[0].unknowns["note"] = .string("b") },
    ]

    @Test(arguments: conflicts)
    func combiningConflictingCopiesFails(c: ConflictCase) throws {
        var a = try Self.p2pkPSKT()
        a.inputs[0].unknowns["note"] = .string("a")
        var b = a
        try a.sign(keys: [S.kp1])
        c.change(&b)
        do {
            _ = try a.combined(with: b)
            Issue.record("\(c.name): combined but must fail with \(c.message)")
        } catch {
            #expect(error.description.hasPrefix(c.message), "\(c.name): got \"\(error.description)\"")
        }
    }

    @Test func twoDifferentSignaturesByOneKeyConflict() throws {
        let base = try Self.p2pkPSKT()
        var a = base, b = base
        try a.sign(keys: [S.kp1])
        try b.sign(keys: [S.kp1])  // fresh BIP340 randomness: a different valid signature
        #expect(a != b)
        #expect(throws: PSKTError.conflict(path: "input 0: partialSigs", message: "key \(S.kp1.publicKey) has two different signatures")) {
            try a.combined(with: b)
        }
        // The same signature twice is fine, in either order.
        #expect(try a.combined(with: a) == a)
        #expect(try PSKT.combine([base, a, base]) == a)
    }

    @Test func unsignedCopiesMayFillEachOthersGaps() throws {
        var a = try Self.p2pkPSKT(), b = a
        a.inputs[0].sequence = 9
        b.inputs[1].minTime = 3
        b.outputs[0].bip32Derivations[S.kp3.publicKey] = PSKTKeySource(keyFingerprint: [1, 2, 3, 4], derivationPath: DerivationPath([ChildNumber(rawValue: 1)]))
        a.outputs[0].bip32Derivations[S.kp3.publicKey] = .some(nil)
        let c = try a.combined(with: b)
        #expect(c.inputs[0].sequence == 9 && c.inputs[1].minTime == 3)
        #expect(c.outputs[0].bip32Derivations[S.kp3.publicKey] == .some(PSKTKeySource(keyFingerprint: [1, 2, 3, 4], derivationPath: DerivationPath([ChildNumber(rawValue: 1)]))))
    }

    /// While both copies are still under construction, inputs added on one side are appended (rusty-kaspa's
    /// multisig example combines the creator's empty PSKT with the constructor's).
    @Test func constructionCopiesCombine() throws {
        let empty = PSKT(inputsModifiable: true, outputsModifiable: true)
        var built = empty
        try built.addInput(PSKTInput(previousOutpoint: S.outpoint(4)))
        let c = try empty.combined(with: built)
        #expect(c.inputs.count == 1 && c.global.inputCount == 1)
    }

    @Test func extractionChecksTheRecordedId() throws {
        var pskt = try Self.p2pkPSKT()
        try pskt.sign(keys: [S.kp1, S.kp2])
        try pskt.finalize()
        pskt.outputs[0].amount = 1
        #expect(throws: PSKTError.self) { try pskt.extractTransaction() }
    }
}
