import Foundation
import Testing

/// `kasfleet tx verify` accepts every signed sdk_generated transaction and rejects tampered ones, naming the
/// input and the rule; `tx decode` reports the exact compute budget each v1 input needs.
@Suite struct TxVerifyCLITests {
    static func signedDocument(_ c: [String: Any], commitStorageMass: Bool = true) throws -> [String: Any] {
        var tx = try JSONSerialization.jsonObject(with: try TxDecodeCLITests.document(c)) as! [String: Any]
        if commitStorageMass { tx["storageMass"] = (c["mass"] as! [String: Any])["consensusStorageMass"] }
        return tx
    }

    @Test(arguments: TxDecodeCLITests.cases.map { $0["id"] as! String })
    func sdkTransactionsVerify(id: String) async throws {
        let c = TxDecodeCLITests.cases.first { $0["id"] as! String == id }!
        let doc = try Self.signedDocument(c)
        let r = try await CLI.run(["tx", "verify", "-", "--json"], stdin: try JSONSerialization.data(withJSONObject: doc))
        #expect(r.status == 0, "\(id): \(r.stdout) \(r.stderr)")
        #expect(r.object["valid"] as? Bool == true && r.object["transactionId"] as? String == c["expectedTxId"] as? String)

        // Decode shows the exact budget: 10 for every v1 P2PK input (one Schnorr check).
        if (c["tx"] as! [String: Any])["version"] as? Int == 1 {
            let d = try await CLI.run(["tx", "decode", "-", "--json"], stdin: try JSONSerialization.data(withJSONObject: doc))
            let inputs = d.object["inputs"] as! [[String: Any]]
            for vi in c["inputs"] as! [[String: Any]] where vi["utxoType"] as? String == "p2pk" {
                #expect(inputs[vi["inputIndex"] as! Int]["requiredComputeBudget"] as? Int == 10)
            }
        }
    }

    @Test func tamperedSignatureIsRejectedNamingTheInput() async throws {
        let c = TxDecodeCLITests.cases[1]
        var doc = try Self.signedDocument(c)
        var inputs = doc["inputs"] as! [[String: Any]]
        var script = Array(inputs[0]["signatureScript"] as! String)
        script[10] = script[10] == "0" ? "1" : "0"
        inputs[0]["signatureScript"] = String(script)
        doc["inputs"] = inputs
        let r = try await CLI.run(["tx", "verify", "-", "--json"], stdin: try JSONSerialization.data(withJSONObject: doc))
        #expect(r.status == 65)
        #expect(r.object["valid"] as? Bool == false)
        let first = (r.object["inputs"] as! [[String: Any]])[0]
        #expect(first["ok"] as? Bool == false)
        #expect(((first["error"] as? [String: Any])?["input"] as? Int) == 0)
        #expect(r.stderr.contains("invalid"))
    }

    @Test func wrongStorageMassCommitmentIsNamed() async throws {
        let c = TxDecodeCLITests.cases[0]
        var doc = try Self.signedDocument(c)
        doc["storageMass"] = 1
        let r = try await CLI.run(["tx", "verify", "-"], stdin: try JSONSerialization.data(withJSONObject: doc))
        #expect(r.status == 65 && r.stdout.lowercased().contains("mass"), "\(r.stdout)")
        let skipped = try await CLI.run(["tx", "verify", "-", "--skip-mass-commitment"], stdin: try JSONSerialization.data(withJSONObject: doc))
        #expect(skipped.status == 0, "\(skipped.stdout)")
    }

    @Test func missingEntriesAreAClearError() async throws {
        let tx = TxDecodeCLITests.cases[0]["tx"]!
        let r = try await CLI.run(["tx", "verify", "-"], stdin: try JSONSerialization.data(withJSONObject: tx))
        #expect(r.status == 65 && r.stderr.contains("no utxoEntry"))
    }
}
