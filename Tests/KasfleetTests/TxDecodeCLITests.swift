import Foundation
import Testing

/// `kasfleet tx decode` reproduces every transaction of sdk_generated.json: ids, hashes, sighashes, masses.
@Suite struct TxDecodeCLITests {
    nonisolated(unsafe) static let cases: [[String: Any]] = (Vectors.json("sdk_generated.json")["cases"] as! [[String: Any]]).filter { $0["kind"] as? String == "transaction" }

    /// The signed transaction with each input's entry inlined as `utxoEntry` (the document `tx decode` reads).
    static func document(_ c: [String: Any]) throws -> Data {
        var tx = c["tx"] as! [String: Any]
        var inputs = tx["inputs"] as! [[String: Any]]
        let entries = c["utxoEntries"] as! [[String: Any]]
        for vi in c["inputs"] as! [[String: Any]] {
            let i = vi["inputIndex"] as! Int
            let all = (vi["sighashes"] as! [[String: Any]]).first { $0["sighashType"] as? Int == 1 }!
            if let script = vi["signedSignatureScript"] as? String {
                inputs[i]["signatureScript"] = script
            } else {
                let sig = ((all["signatures"] as! [[String: Any]])[0]["signature"] as! String)
                inputs[i]["signatureScript"] = "41" + sig + "01"
            }
            inputs[i]["utxoEntry"] = entries[i]
        }
        tx["inputs"] = inputs
        return try JSONSerialization.data(withJSONObject: tx)
    }

    @Test(arguments: cases.map { $0["id"] as! String })
    func decodeReproducesTheSdk(id: String) async throws {
        let c = Self.cases.first { $0["id"] as! String == id }!
        let r = try await CLI.run(["tx", "decode", "-", "--json"], stdin: try Self.document(c))
        #expect(r.status == 0, "\(r.stderr)")
        let o = r.object
        #expect(o["id"] as? String == c["expectedTxId"] as? String)
        #expect(o["hash"] as? String == c["derived_signedTxHash"] as? String)
        let mass = o["mass"] as! [String: Any], expected = c["mass"] as! [String: Any]
        #expect(mass["compute"] as? Int == expected["consensusComputeMassSignedTx"] as? Int)
        #expect(mass["transient"] as? Int == expected["transientMassSignedTx"] as? Int)
        #expect(mass["storage"] as? Int == expected["consensusStorageMass"] as? Int)
        #expect(mass["walletEstimate"] as? Int == expected["sdk_calculate_transaction_mass"] as? Int)
        let inputs = o["inputs"] as! [[String: Any]]
        for vi in c["inputs"] as! [[String: Any]] {
            let i = vi["inputIndex"] as! Int
            let all = (vi["sighashes"] as! [[String: Any]]).first { $0["sighashType"] as? Int == 1 }!
            #expect(inputs[i]["sighashAll"] as? String == all["schnorrSighash"] as? String, "input \(i)")
            #expect(inputs[i]["sighashAllEcdsa"] as? String == all["ecdsaSighash"] as? String, "input \(i)")
            #expect(inputs[i]["address"] as? String == vi["address"] as? String)
        }
    }

    @Test func readableOutputAndTopLevelEntries() async throws {
        let c = Self.cases[0]
        // The `{tx, utxoEntries}` form gives the same figures as inlined entries.
        let envelope = try JSONSerialization.data(withJSONObject: ["tx": c["tx"]!, "utxoEntries": c["utxoEntries"]!])
        let r = try await CLI.run(["tx", "decode", "-", "--json"], stdin: envelope)
        #expect(r.status == 0 && r.object["id"] as? String == c["expectedTxId"] as? String)
        let text = try await CLI.run(["tx", "decode", "-"], stdin: envelope)
        #expect(text.status == 0 && text.stdout.contains(c["expectedTxId"] as! String) && text.stdout.contains("minimum fee"))
    }

    @Test func badInputGivesSpecificErrorsAndExitCodes() async throws {
        let missing = try await CLI.run(["tx", "decode", "/nonexistent/tx.json"])
        #expect(missing.status == 66 && missing.stderr.contains("does not exist"))
        let notJSON = try await CLI.run(["tx", "decode", "-"], stdin: Data("{not json".utf8))
        #expect(notJSON.status == 65 && notJSON.stderr.contains("not valid JSON"))
        let badHex = try await CLI.run(["tx", "decode", "-"], stdin: Data(#"{"version":0,"inputs":[{"previousOutpoint":{"transactionId":"zz","index":0},"signatureScript":"","sequence":0,"sigOpCount":1}],"outputs":[]}"#.utf8))
        #expect(badHex.status == 65 && badHex.stderr.contains("transactionId"), "\(badHex.stderr)")
        #expect(badHex.stdout.isEmpty, "nothing on stdout when the input is bad")
        let usage = try await CLI.run(["tx", "decode"])
        #expect(usage.status == 64)
    }
}

@Suite struct AddressAndMessageCLITests {
    @Test func addressDecodeMatchesTheSdkKeys() async throws {
        let cases = (Vectors.json("sdk_generated.json")["cases"] as! [[String: Any]]).filter { $0["kind"] as? String == "privateKey" }
        #expect(cases.count == 10)
        for c in cases {
            let r = try await CLI.run(["address", "decode", c["schnorrAddress_mainnet"] as! String, "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.object["payload"] as? String == c["xOnlyPublicKey"] as? String)
            #expect(r.object["scriptPublicKey"] as? String == "0000" + (c["schnorrScriptPublicKey"] as! String))
            let e = try await CLI.run(["address", "decode", c["ecdsaAddress_testnet"] as! String, "--json"])
            #expect(e.object["payload"] as? String == c["publicKey"] as? String)
            #expect(e.object["version"] as? String == "PubKeyECDSA" && e.object["prefix"] as? String == "kaspatest")
        }
        let bad = try await CLI.run(["address", "decode", "kaspa:qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqkx9awp4l"])
        #expect(bad.status == 65 && bad.stderr.contains("checksum"))
    }

    @Test func messageSignAndVerifyRoundTrip() async throws {
        let keyFile = try CLI.tempFile("b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef\n")
        defer { try? FileManager.default.removeItem(at: keyFile) }
        let signed = try await CLI.run(["message", "sign", "Hello Kaspa!", "--key-file", keyFile.path, "--json"])
        #expect(signed.status == 0, "\(signed.stderr)")
        let sig = signed.object["signature"] as! String
        #expect(signed.object["publicKey"] as? String == "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659")
        #expect(!signed.stdout.contains("b7e151628aed"), "the private key never reaches stdout")
        let ok = try await CLI.run(["message", "verify", "Hello Kaspa!", "--public-key", signed.object["publicKey"] as! String, "--signature", sig])
        #expect(ok.status == 0 && ok.stdout.contains("valid"))
        let tampered = try await CLI.run(["message", "verify", "Hello Kaspa?", "--public-key", signed.object["publicKey"] as! String, "--signature", sig])
        #expect(tampered.status == 65 && tampered.stdout.contains("invalid"))
        // The KIP-5 vector signature (case 1) verifies through the CLI.
        let kip = try await CLI.run(["message", "verify", "Hello Kaspa!", "--public-key", "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659",
                               "--signature", "eb9e8a3c547eb91b6a7592644f328f0648bdd21aba3cd44787d429d4d790aa8b962745691f3b472ed8d65f3b770ecb4f777bd17b1d309100919b53e0e206b4c6"])
        #expect(kip.status == 0)
        let badKey = try CLI.tempFile("not a key")
        defer { try? FileManager.default.removeItem(at: badKey) }
        let r = try await CLI.run(["message", "sign", "x", "--key-file", badKey.path])
        #expect(r.status == 65 && r.stderr.contains("64 hex characters"))
    }
}
