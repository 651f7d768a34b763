import Foundation
import Testing
import WalletKit

/// `kasfleet pskt parse` on a bundle passed between signers as text, through the real binary.
@Suite struct PsktParseCLITests {
    static let key = try! PrivateKey(hex: "1d99c236b1f37b3b845336e6c568ba37e9ced4769d83b7a096eec446b940d160")

    static func bundle(signed: Bool) throws -> String {
        var pskt = PSKT()
        let spk = ScriptPublicKey.p2pk(key.xOnlyPublicKey)
        try pskt.addInput(PSKTInput(previousOutpoint: Outpoint(transactionId: Sha256.hash([1]), index: 0),
                                    utxoEntry: UtxoEntry(amount: 100_000_000, scriptPublicKey: spk, blockDaaScore: 5)))
        try pskt.addOutput(PSKTOutput(amount: 99_000_000, scriptPublicKey: spk))
        if signed { try pskt.sign(keys: [key]) }
        return PSKB([pskt]).serialized
    }

    @Test func parsesAndReportsStatus() async throws {
        let unsigned = try await CLI.run(["pskt", "parse", "-", "--json", "--network", "devnet"], stdin: try Self.bundle(signed: false) + "\n")
        #expect(unsigned.status == 0, "\(unsigned.stderr)")
        let first = (unsigned.object["pskts"] as! [[String: Any]])[0]
        #expect(first["status"] as? String == "unsigned")
        #expect(((first["inputs"] as! [[String: Any]])[0]["address"] as? String)?.hasPrefix("kaspadev:") == true)
        let signed = try await CLI.run(["pskt", "parse", "-", "--json"], stdin: try Self.bundle(signed: true))
        #expect(((signed.object["pskts"] as! [[String: Any]])[0]["status"] as? String) == "ready to finalize")
        let text = try await CLI.run(["pskt", "parse", "-"], stdin: try Self.bundle(signed: true))
        #expect(text.status == 0 && text.stdout.contains("ready to finalize"))
    }

    @Test func badInputExitCodes() async throws {
        let garbage = try await CLI.run(["pskt", "parse", "-"], stdin: "PSKBnothex")
        #expect(garbage.status == 65 && !garbage.stderr.isEmpty && garbage.stdout.isEmpty)
        let missing = try await CLI.run(["pskt", "parse", "/nonexistent.pskb"])
        #expect(missing.status == 66)
        let badNetwork = try await CLI.run(["pskt", "parse", "-", "--network", "moon"], stdin: "")
        #expect(badNetwork.status == 64)
    }
}
