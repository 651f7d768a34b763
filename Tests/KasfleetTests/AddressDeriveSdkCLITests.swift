import Foundation
import Testing

/// `kasfleet address derive` reproduces every mnemonic case of sdk_generated.json: the first 5 receive and
/// 3 change addresses, on mainnet and testnet-10, and the first receive key.
@Suite struct AddressDeriveSdkCLITests {
    nonisolated(unsafe) static let cases: [[String: Any]] =
        (Vectors.json("sdk_generated.json")["cases"] as! [[String: Any]]).filter { $0["kind"] as? String == "mnemonic" }

    @Test(arguments: cases.map { $0["id"] as! String })
    func derivesTheSdkAddresses(id: String) async throws {
        let c = Self.cases.first { $0["id"] as! String == id }!
        let words = try CLI.tempFile(c["mnemonic"] as! String)
        let passphrase = try CLI.tempFile(c["passphrase"] as! String)
        defer { try? FileManager.default.removeItem(at: words); try? FileManager.default.removeItem(at: passphrase) }
        var base = ["address", "derive", "--mnemonic-file", words.path, "--json"]
        if !(c["passphrase"] as! String).isEmpty { base += ["--passphrase-file", passphrase.path] }
        for (network, key) in [("mainnet", "mainnet"), ("testnet-10", "testnet10")] {
            let expected = c[key] as! [String: [String]]
            let receive = try await CLI.run(base + ["--network", network, "--count", "5"])
            #expect(receive.status == 0, "\(receive.stderr)")
            let rows = receive.json as! [[String: Any]]
            #expect(rows.map { $0["address"] as! String } == expected["receive"]!, "\(id) \(network) receive")
            if network == "mainnet" { #expect(rows[0]["publicKey"] as? String == c["receive0PublicKey"] as? String) }
            let change = try await CLI.run(base + ["--network", network, "--count", "3", "--change"])
            #expect((change.json as! [[String: Any]]).map { $0["address"] as! String } == expected["change"]!, "\(id) \(network) change")
        }
    }

    @Test func everyCaseLoaded() { #expect(Self.cases.count == 10) }
}
