import Foundation
import Testing
@testable import WalletKit

/// The transaction cases of sdk_generated.json (the official Kaspa Python SDK 2.1.0): ids, sighashes,
/// signatures, multisig scripts and addresses, masses.
@Suite struct SdkGeneratedTransactionTests {
    struct Signature: Decodable { let xOnlyPublicKey: String; let signature: String }
    struct SigHashRow: Decodable { let sighashType: UInt8; let schnorrSighash: String; let ecdsaSighash: String?; let signatures: [Signature] }
    struct Input: Decodable {
        let inputIndex: Int; let utxoType: String; let privateKeys: [String]; let xOnlyPublicKeys: [String]; let address: String
        let sighashes: [SigHashRow]; let requiredSignatures: Int?; let redeemScript: String?; let signedSignatureScript: String?
    }
    struct Mass: Decodable {
        let sdk_calculate_transaction_mass: UInt64; let sdk_calculate_storage_mass: UInt64; let consensusStorageMass: UInt64
        let consensusComputeMassSignedTx: UInt64; let transientMassSignedTx: UInt64
    }
    struct OutputInfo: Decodable { let index: Int; let type: String; let address: String }
    struct Case: Decodable {
        let id: String; let kind: String; let network: String?
        let tx: Transaction?; let utxoEntries: [UtxoEntry]?; let genesisCovenantGroups: [CovenantID.GenesisGroup]?
        let outputsInfo: [OutputInfo]?; let expectedTxId: String?; let inputs: [Input]?; let derived_signedTxHash: String?; let mass: Mass?
    }
    struct File: Decodable { let cases: [Case] }

    static let cases = Fixtures.decode(File.self, from: "sdk_generated.json").cases.filter { $0.kind == "transaction" }

    /// The signed transaction exactly as the SDK produced it: P2PK inputs carry `41 || All signature || 01`,
    /// P2SH inputs the SDK's `signedSignatureScript`.
    static func signed(_ c: Case) -> Transaction {
        var tx = c.tx!
        for input in c.inputs! {
            if let script = input.signedSignatureScript {
                tx.inputs[input.inputIndex].signatureScript = hex(script)
            } else {
                let all = input.sighashes.first { $0.sighashType == 1 }!
                tx.inputs[input.inputIndex].signatureScript = SignatureScript.p2pk(signature: hex(all.signatures[0].signature), sigHashType: .all)
            }
        }
        return tx
    }

    @Test(arguments: cases.map(\.id))
    func idsSighashesSignaturesAndMasses(id: String) throws {
        let c = try #require(Self.cases.first { $0.id == id })
        let tx = try #require(c.tx), entries = try #require(c.utxoEntries)
        let prefix: AddressPrefix = c.network == "mainnet" ? .mainnet : .testnet
        #expect(tx.id.hex == c.expectedTxId)

        // Genesis bindings recompute from the groups.
        if let groups = c.genesisCovenantGroups, !groups.isEmpty {
            var bare = tx
            for g in groups { for o in g.outputs { bare.outputs[o].covenant = nil } }
            try CovenantID.populateGenesis(&bare, groups: groups)
            #expect(bare == tx)
        }
        for info in c.outputsInfo ?? [] {
            #expect(try tx.outputs[info.index].scriptPublicKey.address(prefix: prefix).string == info.address)
        }

        let ptx = try PopulatedTransaction(tx: tx, entries: entries)
        let reused = SigHashReusedValues()
        for input in try #require(c.inputs) {
            let entry = entries[input.inputIndex]
            #expect(try entry.scriptPublicKey.address(prefix: prefix).string == input.address)
            for (k, pk) in input.privateKeys.enumerated() {
                #expect(try PrivateKey(hex: pk).xOnlyPublicKey.bytes.hex == input.xOnlyPublicKeys[k])
            }
            if let redeem = input.redeemScript, let m = input.requiredSignatures {
                let keys = try input.xOnlyPublicKeys.map { try XOnlyPublicKey(hex: $0) }
                #expect(try MultisigScript.redeemScript(schnorrKeys: keys, required: m).hex == redeem)
                #expect(ScriptPublicKey.p2sh(redeemScript: hex(redeem)) == entry.scriptPublicKey)
            }
            for row in input.sighashes {
                let type = try #require(SigHashType(rawValue: row.sighashType))
                let h = ptx.schnorrSigHash(inputIndex: input.inputIndex, type: type, reused: reused)
                #expect(h.hex == row.schnorrSighash, "input \(input.inputIndex) \(type)")
                if let e = row.ecdsaSighash { #expect(ptx.ecdsaSigHash(inputIndex: input.inputIndex, type: type, reused: reused).hex == e) }
                for sig in row.signatures {
                    #expect(try XOnlyPublicKey(hex: sig.xOnlyPublicKey).schnorrVerify(signature: hex(sig.signature), message: h))
                }
            }
            if let script = input.signedSignatureScript, let redeem = input.redeemScript, let m = input.requiredSignatures {
                // Our multisig signature script, fed the SDK's signatures, is byte-identical to the SDK's.
                let all = input.sighashes.first { $0.sighashType == 1 }!
                #expect(all.signatures.count == m)
                let built = try SignatureScript.multisig(signatures: all.signatures.map { hex($0.signature) }, sigHashType: .all, redeemScript: hex(redeem))
                #expect(built.hex == script)
            }
        }

        let signedTx = Self.signed(c)
        #expect(signedTx.id == tx.id, "signature scripts do not change the id")
        #expect(signedTx.hash.hex == c.derived_signedTxHash)
        let mass = try #require(c.mass)
        #expect(ComputeMass.compute(signedTx) == mass.consensusComputeMassSignedTx)
        #expect(ComputeMass.transient(signedTx) == mass.transientMassSignedTx)
        #expect(StorageMass.compute(ptx) == mass.consensusStorageMass)
        // The generator called calculate_transaction_mass with minimum_signatures = 1 (see sdkFunctions).
        #expect(WalletMassEstimate.overall(ptx, minimumSignatures: 1) == mass.sdk_calculate_transaction_mass)
        // The SDK's storage mass treats every plurality as 1.
        let flat = StorageMass.compute(inputs: entries.map { .init(plurality: 1, amount: $0.amount.rawValue) },
                                       outputs: tx.outputs.map { .init(plurality: 1, amount: $0.value.rawValue) })
        #expect(flat == mass.sdk_calculate_storage_mass)
    }

    @Test func signerReproducesVerifiableSignatures() throws {
        // Our signer, given the case's keys, signs every input so that each signature verifies.
        for c in Self.cases {
            var ptx = try PopulatedTransaction(tx: c.tx!, entries: c.utxoEntries!)
            let keys = try c.inputs!.flatMap { try $0.privateKeys.map { try PrivateKey(hex: $0) } }
            let signer = TransactionSigner(keys: keys)
            let p2pk = c.inputs!.filter { $0.utxoType == "p2pk" }.map(\.inputIndex)
            #expect(signer.signP2PKInputs(&ptx).sorted() == p2pk.sorted(), "\(c.id)")
            for input in c.inputs! {
                if let redeem = input.redeemScript { try signer.signMultisigInput(&ptx, inputIndex: input.inputIndex, redeemScript: hex(redeem)) }
            }
            let reused = SigHashReusedValues()
            for input in c.inputs! {
                let h = ptx.schnorrSigHash(inputIndex: input.inputIndex, reused: reused)
                let script = ptx.tx.inputs[input.inputIndex].signatureScript
                if input.utxoType == "p2pk" {
                    #expect(script.count == 66 && script[0] == 0x41 && script[65] == 0x01)
                    #expect(try XOnlyPublicKey(hex: input.xOnlyPublicKeys[0]).schnorrVerify(signature: Array(script[1..<65]), message: h))
                } else {
                    // m pushes of 65 bytes, in key order, then the redeem script.
                    let m = input.requiredSignatures!
                    for k in 0..<m {
                        let sig = Array(script[(k * 66 + 1)..<(k * 66 + 65)])
                        #expect(try XOnlyPublicKey(hex: input.xOnlyPublicKeys[k]).schnorrVerify(signature: sig, message: h), "\(c.id) input \(input.inputIndex) sig \(k)")
                    }
                }
            }
        }
    }

    @Test func everyCaseLoaded() {
        #expect(Self.cases.count == 20)
        Fixtures.report("sdk_generated.json (transactions)", Self.cases.count)
    }
}
