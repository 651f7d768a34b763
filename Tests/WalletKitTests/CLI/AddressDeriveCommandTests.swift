import Foundation
import Testing
import WalletKit

/// Runs the built `kasfleet` executable on files in a temporary folder. (Kept in WalletKitTests because
/// Tests/KasfleetTests is excluded from git in this checkout; it belongs there.)
@Suite struct AddressDeriveCommandTests {
    static let mnemonic =
        "fringe ceiling crater inject pilot travel gas nurse bulb bullet horn segment snack harbor dice laugh vital cigar push couple plastic into slender worry"

    struct Result { let status: Int32; let stdout: String; let stderr: String }

    static func executable() throws -> URL {
        let fromRunner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            fromRunner.appendingPathComponent("kasfleet"),
            fromRunner.deletingLastPathComponent().appendingPathComponent("kasfleet"),
            root.appendingPathComponent(".build/debug/kasfleet"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build kasfleet first")
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data((mnemonic + "\n").utf8).write(to: dir.appendingPathComponent("words.txt"))
        return dir
    }

    struct Row: Decodable { let index: UInt32; let path: String; let address: String; let publicKey: String }

    @Test func jsonOutputMatchesTheLibrary() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["address", "derive", "--mnemonic-file", "words.txt", "--count", "3", "--from", "2", "--json"], in: dir)
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

    @Test func stdinChangeTestnetAndVectors() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // hd.json gen1 mnemonic_to_account row 0: change 0 on mainnet.
        let r = try Self.run(["address", "derive", "--mnemonic-file", "-", "--change", "--count", "1", "--json"], stdin: Self.mnemonic, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("kaspa:qq2qmmksw0n0s2rz445hc4dxx4y37upvq32fy7ee8kvq2s9vvpylqqqha378s"))
        let t = try Self.run(["address", "derive", "--mnemonic-file", "words.txt", "--network", "testnet-10", "--count", "1"], in: dir)
        #expect(t.status == 0)
        #expect(t.stdout.contains("kaspatest:"))
        #expect(t.stdout.contains("m/44'/111111'/0'/0/0"))
    }

    @Test func exitCodes() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try Self.run(["address", "derive", "--mnemonic-file", "absent.txt"], in: dir)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("does not exist"))
        try Data("fringe ceiling crater".utf8).write(to: dir.appendingPathComponent("short.txt"))
        let short = try Self.run(["address", "derive", "--mnemonic-file", "short.txt"], in: dir)
        #expect(short.status == 65)
        #expect(short.stderr.contains("expected 12 or 24 words, got 3"))
        #expect(short.stdout.isEmpty)
        let usage = try Self.run(["address", "derive", "--mnemonic-file", "words.txt", "--network", "moon"], in: dir)
        #expect(usage.status == 64)
        let noFile = try Self.run(["address", "derive"], in: dir)
        #expect(noFile.status == 64)
        let missingPassphrase = try Self.run(["address", "derive", "--mnemonic-file", "words.txt", "--passphrase-file", "nope"], in: dir)
        #expect(missingPassphrase.status == 66)
    }

    @Test func passphraseAndLegacy() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("kaspa\n".utf8).write(to: dir.appendingPathComponent("pass.txt"))
        let r = try Self.run(["address", "derive", "--mnemonic-file", "words.txt", "--passphrase-file", "pass.txt", "--count", "1", "--json"], in: dir)
        #expect(r.status == 0)
        let seed = try Mnemonic(phrase: Self.mnemonic).seed(passphrase: "kaspa")
        let expected = try Bip32Account(master: ExtendedPrivateKey(seed: seed)).address(chain: .receive, index: 0, prefix: .mainnet)
        #expect(r.stdout.contains(expected.string))
        let legacy = try Self.run(["address", "derive", "--mnemonic-file", "words.txt", "--legacy", "--count", "1", "--json"], in: dir)
        #expect(legacy.status == 0)
        #expect(legacy.stdout.contains("m/44'/972/0'/0'/0'"))
    }

    @Test func benchDerivePrintsJSON() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["bench", "derive", "--count", "50", "--json"], in: dir)
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["benchmark"] as? String == "derive")
        #expect(object["count"] as? Int == 50)
        #expect(object["seconds"] is Double || object["seconds"] is Int)
        #expect(object["perSecond"] is Double || object["perSecond"] is Int)
    }
}
