import Foundation
import Testing
@testable import WalletKit

/// Exact v1 compute budgets: a Schnorr check costs 100,000 script units and each input has 9,999 free, so a P2PK
/// input needs budget 10 (rusty-kaspa `consensus/core/src/mass/units.rs`, `sign.rs`).
@Suite struct DryRunTests {
    static let key = try? PrivateKey(hex: "1d99c236b1f37b3b845336e6c568ba37e9ced4769d83b7a096eec446b940d160")

    /// A signed v1 transaction with one P2PK input committing `budget`.
    static func p2pkTransaction(budget: UInt16) throws -> PopulatedTransaction {
        let key = try #require(Self.key)
        let spk = ScriptPublicKey.p2pk(key.xOnlyPublicKey)
        let tx = Transaction(
            version: 1,
            inputs: [TransactionInput(previousOutpoint: Outpoint(transactionId: Blake2b.hash([1]), index: 0), computeCommit: .computeBudget(budget))],
            outputs: [TransactionOutput(value: 90_000, scriptPublicKey: spk)])
        var ptx = try PopulatedTransaction(tx: tx, entries: [UtxoEntry(amount: 100_000, scriptPublicKey: spk, blockDaaScore: 1)])
        let hash = SigHash.schnorr(ptx.tx, inputIndex: 0, entry: ptx.entries[0], type: .all, reused: SigHashReusedValues())
        ptx.tx.inputs[0].signatureScript = SignatureScript.p2pk(signature: key.schnorrSign(hash), sigHashType: .all)
        return ptx
    }

    @Test func p2pkNeedsBudgetTen() throws {
        let ptx = try Self.p2pkTransaction(budget: 0)
        let usage = DryRun.usage(ptx)
        #expect(usage.count == 1)
        // 100,000 for the check and 1 for the pushed `true`.
        #expect(usage[0].scriptUnits == 100_001)
        #expect(usage[0].sigOps == 1)
        #expect(usage[0].requiredComputeBudget == 10)
        #expect(DryRun.computeBudgets(ptx) == [10])
        let exact = DryRun.applyingExactBudgets(ptx)
        #expect(exact.tx.inputs[0].computeCommit == .computeBudget(10))
    }

    @Test func committingNineFailsAndTenPasses() throws {
        let validator = TransactionValidator()
        let nine = try Self.p2pkTransaction(budget: 9)
        #expect(throws: TxRuleError.script(input: 0, .exceededCommittedScriptUnits(used: 100_000, limit: 99_999),
                                           signatureEmpty: false, failedSignature: nil)) {
            try validator.validateInUtxoContext(nine, options: .init(checkMassCommitment: false))
        }
        let report = DryRun.validate(nine, options: .init(checkMassCommitment: false))
        #expect(!report.isValid)
        #expect(report.inputs[0].requiredComputeBudget == 10 && report.inputs[0].allowedScriptUnits == 99_999)

        let ten = try Self.p2pkTransaction(budget: 10)
        try validator.validateInIsolation(ten.tx)
        #expect(try validator.validateInUtxoContext(ten, options: .init(checkMassCommitment: false)) == 10_000)
        #expect(DryRun.validate(ten, options: .init(checkMassCommitment: false)).isValid)
    }

    @Test func allowancesMatchRustyKaspa() {
        #expect(ScriptUnitMeter.allowedScriptUnits(.computeBudget(0)) == 9_999)
        #expect(ScriptUnitMeter.allowedScriptUnits(.computeBudget(10)) == 109_999)
        #expect(ScriptUnitMeter.allowedScriptUnits(.sigOpCount(1)) == 109_999)
        #expect(ComputeMass.computeBudget(coveringScriptUnits: 9_999) == 0)
        #expect(ComputeMass.computeBudget(coveringScriptUnits: 10_000) == 1)
        #expect(ComputeMass.computeBudget(coveringScriptUnits: 19_999) == 1)
        #expect(ComputeMass.computeBudget(coveringScriptUnits: 20_000) == 2)
    }
}
