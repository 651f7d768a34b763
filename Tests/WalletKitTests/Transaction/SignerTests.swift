import Foundation
import Testing
@testable import WalletKit

@Suite struct SignerTests {
    /// Enough inputs to take the multi-threaded path: every signature must still verify in the engine.
    @Test(arguments: [UInt16(0), 1])
    func manyInputsSignInParallelAndVerify(version: UInt16) throws {
        let schnorr = try PrivateKey(hex: "1d99c236b1f37b3b845336e6c568ba37e9ced4769d83b7a096eec446b940d160")
        let ecdsa = try PrivateKey(hex: "349ca0c824948fed8c2c568ce205e9d9be4468ef099cad76e3e5ec918954aca4")
        let n = 300
        let entries = (0..<n).map { i in
            UtxoEntry(amount: 100_000_000, scriptPublicKey: i % 3 == 0 ? .p2pkECDSA(ecdsa.publicKey) : .p2pk(schnorr.xOnlyPublicKey))
        }
        let tx = Transaction(
            version: version,
            inputs: (0..<n).map { TransactionInput(previousOutpoint: Outpoint(transactionId: Sha256.hash([UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)]), index: 0),
                                                   computeCommit: .forVersion(version, version >= 1 ? 10 : 1)) },
            outputs: [TransactionOutput(value: Sompi(UInt64(n) * 99_000_000), scriptPublicKey: .p2pk(schnorr.xOnlyPublicKey))])
        var ptx = try PopulatedTransaction(tx: tx, entries: entries)
        let signed = TransactionSigner(keys: [schnorr, ecdsa]).signP2PKInputs(&ptx)
        #expect(signed == Array(0..<n))
        let report = DryRun.validate(ptx, options: UtxoValidationOptions(checkMassCommitment: false))
        #expect(report.isValid, "\(report.errors.prefix(3))")
        // The same signer and transaction, signed input by input through fresh caches, gives the same sighashes.
        let reused = SigHashReusedValues()
        for i in [0, 1, 150, 299] {
            let h = SigHash.schnorr(ptx.tx, inputIndex: i, entry: entries[i], type: .all, reused: reused)
            if i % 3 != 0 {
                #expect(schnorr.xOnlyPublicKey.schnorrVerify(signature: Array(ptx.tx.inputs[i].signatureScript[1..<65]), message: h))
            }
        }
    }

    @Test func singleAnyoneCanPayUsesNoSharedOutputsHash() throws {
        // SINGLE hashes only the input's own output, so the prefilled cache must not leak the ALL outputs hash.
        let key = try PrivateKey(hex: "1d99c236b1f37b3b845336e6c568ba37e9ced4769d83b7a096eec446b940d160")
        let spk = ScriptPublicKey.p2pk(key.xOnlyPublicKey)
        let tx = Transaction(inputs: (0..<80).map { TransactionInput(previousOutpoint: Outpoint(transactionId: Sha256.hash([UInt8($0)]), index: 0)) },
                             outputs: (0..<80).map { TransactionOutput(value: Sompi(UInt64($0) + 1), scriptPublicKey: spk) })
        var ptx = try PopulatedTransaction(tx: tx, entries: Array(repeating: UtxoEntry(amount: 1_000, scriptPublicKey: spk), count: 80))
        TransactionSigner(keys: [key]).signP2PKInputs(&ptx, type: .singleAnyoneCanPay)
        let inputs = DryRun.validate(ptx, options: UtxoValidationOptions(checkMassCommitment: false)).inputs
        #expect(inputs.count == 80 && inputs.allSatisfy { $0.isValid })
    }
}
