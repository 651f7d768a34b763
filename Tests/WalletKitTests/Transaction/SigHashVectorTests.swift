import Foundation
import Testing
@testable import WalletKit

@Suite struct SigHashVectorTests {
    struct File: Decodable {
        struct Derived: Decodable { let ecdsaSighash: String? }
        struct Case: Decodable {
            let name: String; let tx: Transaction; let utxoEntries: [UtxoEntry]; let inputIndex: Int
            let sighashType: UInt8; let expectedSchnorrSighash: String; let derived: Derived?
        }
        let cases: [Case]
    }
    static let file = Fixtures.decode(File.self, from: "sighash.json")

    @Test(arguments: Array(file.cases.indices))
    func schnorrAndEcdsaSigHash(index: Int) throws {
        let c = Self.file.cases[index]
        let type = try #require(SigHashType(rawValue: c.sighashType))
        let reused = SigHashReusedValues()
        let h = SigHash.schnorr(c.tx, inputIndex: c.inputIndex, entry: c.utxoEntries[c.inputIndex], type: type, reused: reused)
        #expect(h.hex == c.expectedSchnorrSighash, "case \(index) \(c.name)")
        if let e = c.derived?.ecdsaSighash {
            #expect(SigHash.ecdsa(fromSchnorr: h).hex == e, "ecdsa case \(index) \(c.name)")
        }
    }

    @Test func reusedValuesGiveTheSameHashes() throws {
        // One cache across every input of a transaction must not change any digest.
        for c in Self.file.cases {
            let type = try #require(SigHashType(rawValue: c.sighashType))
            let shared = SigHashReusedValues()
            for i in c.tx.inputs.indices {
                let fresh = SigHash.schnorr(c.tx, inputIndex: i, entry: c.utxoEntries[i], type: type, reused: SigHashReusedValues())
                #expect(SigHash.schnorr(c.tx, inputIndex: i, entry: c.utxoEntries[i], type: type, reused: shared) == fresh)
            }
        }
    }

    @Test func invalidSigHashTypesAreRejected() {
        for raw in 0...255 {
            let valid = [0x01, 0x02, 0x04, 0x81, 0x82, 0x84].contains(raw)
            #expect((SigHashType(rawValue: UInt8(raw)) != nil) == valid)
        }
    }

    @Test func reportCount() { Fixtures.report("sighash.json", Self.file.cases.count) }
}
