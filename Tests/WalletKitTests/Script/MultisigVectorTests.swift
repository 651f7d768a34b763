import Foundation
import Testing
@testable import WalletKit

/// multisig.json: redeem scripts, P2SH script and addresses, sighashes and signature scripts. (Running the
/// scripts through the engine is the script engine's test.)
@Suite struct MultisigVectorTests {
    struct Key: Decodable { let privateKey: String; let publicKey: String; let xOnlyPublicKey: String }
    struct Participant: Decodable { let key: String; let inRedeemScript: Bool; let signs: Bool }
    struct ExampleSignature: Decodable { let signer: String; let signature: String }
    struct Case: Decodable {
        let name: String; let scheme: String; let requiredSignatures: Int; let participants: [Participant]
        let redeemScript: String; let scriptPublicKey: ScriptPublicKey; let addressMainnet: String; let addressTestnet: String
        let tx: Transaction; let utxoEntries: [UtxoEntry]; let inputIndex: Int; let sighashType: UInt8; let expectedSighash: String
        let exampleSignatures: [ExampleSignature]; let exampleSignatureScript: String; let signedTx: Transaction; let expectedScriptResult: String
    }
    struct File: Decodable { let keys: [String: Key]; let cases: [Case] }
    static let file = Fixtures.decode(File.self, from: "multisig.json")

    @Test(arguments: file.cases.map(\.name))
    func multisigCase(name: String) throws {
        let c = try #require(Self.file.cases.first { $0.name == name })
        let ecdsa = c.scheme == "ecdsa"
        let members = c.participants.filter(\.inRedeemScript).map { Self.file.keys[$0.key]! }
        let redeem = ecdsa
            ? try MultisigScript.redeemScript(ecdsaKeys: members.map { try PublicKey(hex: $0.publicKey) }, required: c.requiredSignatures)
            : try MultisigScript.redeemScript(schnorrKeys: members.map { try XOnlyPublicKey(hex: $0.xOnlyPublicKey) }, required: c.requiredSignatures)
        #expect(redeem.hex == c.redeemScript)
        #expect(ScriptPublicKey.p2sh(redeemScript: redeem) == c.scriptPublicKey)
        #expect(Address.p2sh(redeemScript: redeem, prefix: .mainnet).string == c.addressMainnet)
        #expect(Address.p2sh(redeemScript: redeem, prefix: .testnet).string == c.addressTestnet)
        let parsed = try #require(MultisigScript.parse(redeem))
        #expect(parsed.required == c.requiredSignatures && parsed.keys.count == members.count)

        let ptx = try PopulatedTransaction(tx: c.tx, entries: c.utxoEntries)
        let type = try #require(SigHashType(rawValue: c.sighashType))
        let h = ecdsa ? ptx.ecdsaSigHash(inputIndex: c.inputIndex, type: type, reused: SigHashReusedValues())
                      : ptx.schnorrSigHash(inputIndex: c.inputIndex, type: type, reused: SigHashReusedValues())
        #expect(h.hex == c.expectedSighash)

        // The example signatures are valid signatures by their signers, and the signature script is their pushes in
        // key order followed by the redeem script.
        for s in c.exampleSignatures {
            let k = Self.file.keys[s.signer]!
            let valid = ecdsa ? try PublicKey(hex: k.publicKey).ecdsaVerify(signature: hex(s.signature), message: h)
                              : try XOnlyPublicKey(hex: k.xOnlyPublicKey).schnorrVerify(signature: hex(s.signature), message: h)
            #expect(valid, "\(s.signer) signature")
        }
        let script = try SignatureScript.multisig(signatures: c.exampleSignatures.map { hex($0.signature) }, sigHashType: type, redeemScript: redeem)
        #expect(script.hex == c.exampleSignatureScript)
        #expect(c.signedTx.inputs[c.inputIndex].signatureScript.hex == c.exampleSignatureScript)

        // Our signer with the signing participants' keys: complete only when they reach the threshold.
        let signers = c.participants.filter(\.signs).map { Self.file.keys[$0.key]! }
        let signer = TransactionSigner(keys: try signers.map { try PrivateKey(hex: $0.privateKey) })
        var mine = ptx
        let holdsEnough = c.participants.filter { $0.signs && $0.inRedeemScript }.count >= c.requiredSignatures
        if holdsEnough {
            try signer.signMultisigInput(&mine, inputIndex: c.inputIndex, redeemScript: redeem, type: type)
            #expect(mine.tx.inputs[c.inputIndex].signatureScript.count == script.count)
        } else {
            #expect(throws: SigningError.self) { try signer.signMultisigInput(&mine, inputIndex: c.inputIndex, redeemScript: redeem, type: type) }
            #expect(mine.tx.inputs[c.inputIndex].signatureScript.isEmpty, "a failed signing leaves the input untouched")
        }
    }

    @Test func everyCaseLoaded() {
        #expect(Self.file.cases.count == 10)
        Fixtures.report("multisig.json (scripts, sighashes)", Self.file.cases.count)
    }
}
