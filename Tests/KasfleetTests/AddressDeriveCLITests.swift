import Foundation
import Testing
import WalletKit

/// `kasfleet address derive` and `bench derive`, run as the real binary on files in a temporary folder.
@Suite struct AddressDeriveCommandTests {
    static let mnemonic =
        "fringe ceiling crater inject pilot travel gas nurse bulb bullet horn segment snack harbor dice laugh vital cigar push couple plastic into slender worry"

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data((mnemonic + "\n").utf8).write(to: dir.appendingPathComponent("words.txt"))
        return dir
    }

    struct Row: Decodable { let index: UInt32; let path: String; let address: String; let publicKey: String }

    @Test func jsonOutputMatchesTheLibrary() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["address", "derive", "--mnemonic-file", "words.txt", "--count", "3", "--from", "2", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONDecoder().decode([Row].self, from: Data(r.stdout.utf8))
        let account = try Bip32Account(master: ExtendedPrivateKey(seed: Mnemonic(phrase: Self.mnemonic).seed()))
        #expect(rows.map(\.index) == [2, 3, 4])
        for row in rows {
            #expect(row.path == "m/44'/111111'/0'/0/\(row.index)")
            #expect(row.address == (try account.address(chain: .receive, index: row.index, prefix: .mainnet)).string)
            #expect(row.publicKey == (try account.publicKey(chain: .receive, index: row.index)).compressed.hex)
        }
        // Keys keep the documented order.
        #expect(r.stdout.hasPrefix("[{\"index\":2,\"path\":"))
    }

    @Test func stdinChangeTestnetAndVectors() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // hd.json gen1 mnemonic_to_account row 0: change 0 on mainnet.
        let r = try await CLI.run(["address", "derive", "--mnemonic-file", "-", "--change", "--count", "1", "--json"], stdin: Self.mnemonic, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("kaspa:qq2qmmksw0n0s2rz445hc4dxx4y37upvq32fy7ee8kvq2s9vvpylqqqha378s"))
        let t = try await CLI.run(["address", "derive", "--mnemonic-file", "words.txt", "--network", "testnet-10", "--count", "1"], in: dir)
        #expect(t.status == 0)
        #expect(t.stdout.contains("kaspatest:"))
        #expect(t.stdout.contains("m/44'/111111'/0'/0/0"))
    }

    @Test func exitCodes() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try await CLI.run(["address", "derive", "--mnemonic-file", "absent.txt"], in: dir)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("does not exist"))
        try Data("fringe ceiling crater".utf8).write(to: dir.appendingPathComponent("short.txt"))
        let short = try await CLI.run(["address", "derive", "--mnemonic-file", "short.txt"], in: dir)
        #expect(short.status == 65)
        #expect(short.stderr.contains("expected 12 or 24 words, got 3"))
        #expect(short.stdout.isEmpty)
        let usage = try await CLI.run(["address", "derive", "--mnemonic-file", "words.txt", "--network", "moon"], in: dir)
        #expect(usage.status == 64)
        let noFile = try await CLI.run(["address", "derive"], in: dir)
        #expect(noFile.status == 64)
        let missingPassphrase = try await CLI.run(["address", "derive", "--mnemonic-file", "words.txt", "--passphrase-file", "nope"], in: dir)
        #expect(missingPassphrase.status == 66)
    }

    @Test func passphraseAndLegacy() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("kaspa\n".utf8).write(to: dir.appendingPathComponent("pass.txt"))
        let r = try await CLI.run(["address", "derive", "--mnemonic-file", "words.txt", "--passphrase-file", "pass.txt", "--count", "1", "--json"], in: dir)
        #expect(r.status == 0)
        let seed = try Mnemonic(phrase: Self.mnemonic).seed(passphrase: "kaspa")
        let expected = try Bip32Account(master: ExtendedPrivateKey(seed: seed)).address(chain: .receive, index: 0, prefix: .mainnet)
        #expect(r.stdout.contains(expected.string))
        let legacy = try await CLI.run(["address", "derive", "--mnemonic-file", "words.txt", "--legacy", "--count", "1", "--json"], in: dir)
        #expect(legacy.status == 0)
        #expect(legacy.stdout.contains("m/44'/972/0'/0'/0'"))
    }

    @Test func benchDerivePrintsJSON() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["bench", "derive", "--count", "50", "--json"], in: dir)
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["benchmark"] as? String == "derive")
        #expect(object["count"] as? Int == 50)
        #expect(object["seconds"] is Double || object["seconds"] is Int)
        #expect(object["perSecond"] is Double || object["perSecond"] is Int)
    }

    /// A small `bench sync` end to end: it checks its own counts at each phase (the store must hold exactly the
    /// UTXOs pushed, after the changes, the resync and the held load) and exits non-zero otherwise.
    @Test func benchSyncPrintsEveryPhase() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["bench", "sync", "--addresses", "40", "--utxo-changes", "2500", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.object["benchmark"] as? String == "sync" && r.object["utxoChanges"] as? Int == 2_500)
        for key in ["seconds", "changesPerSecond", "resyncSeconds", "resyncUtxosPerSecond", "ingestSeconds", "ingestChangesPerSecond", "storeChangesPerSecond"] {
            #expect(((r.object[key] as? Double) ?? 0) > 0, "\(key)")
        }
    }
}
