import Foundation
import Testing
import Sync
import WalletKit

/// `kasfleet node devnet` and `kasfleet bench devnet` as an operator runs them: the binary as a child process,
/// talked to over loopback gRPC with the wallet's own client.
@Suite(.serialized) struct NodeDevnetCLITests {
    @Test func theDevnetServesItsFundingAndKeepsItsSnapshotAcrossARestart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-devnet-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Below the kernel's ephemeral range, so no outgoing connection takes it between the two runs.
        let port = Int.random(in: 20_000..<30_000)
        let payee = Address.p2pk(try PrivateKey(hex: String(repeating: "46", count: 32)).xOnlyPublicKey, prefix: .devnet)
        let listen = ["node", "devnet", "--listen", "127.0.0.1:\(port)", "--bps", "20", "--data-dir", dir.path]

        let first = try Child(listen + ["--fund", "\(payee.string):12.5"])
        await first.waitForLines(3)
        #expect(first.lines.first == "devnet node listening on 127.0.0.1:\(port) (gRPC, network devnet, 20 blocks/s)", "\(first.lines)")
        #expect(first.lines.dropFirst().first?.hasPrefix("funded \(payee.string) with 12.50000000 KAS: UTXO ") == true, "\(first.lines)")
        let client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port))
        let start = try await client.connect(expecting: .devnet, requireUtxoIndex: true)
        #expect(try await client.balances(for: [payee]).map(\.balance) == [Sompi(1_250_000_000)])
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await client.serverInfo().virtualDaaScore > start.virtualDaaScore, "blocks come at --bps")
        await client.close()
        await first.kill(SIGTERM)
        #expect(first.process.terminationStatus == 0 && first.lines.last?.hasPrefix("stopped on SIGTERM") == true, "\(first.lines)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("devnet-snapshot.json").path))

        // Started again on the same folder: the funding is still there, nothing funded twice.
        let second = try Child(listen)
        await second.waitForLines(2)
        #expect(second.lines.first?.hasPrefix("loaded the devnet snapshot from \(dir.path)") == true, "\(second.lines)")
        let again = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port))
        _ = try await again.connect(expecting: .devnet)
        #expect(try await again.balances(for: [payee]).map(\.balance) == [Sompi(1_250_000_000)])
        await again.close()
        await second.kill(SIGTERM)
        #expect(second.process.terminationStatus == 0)
    }

    @Test func badArgumentsAreUsageErrors() async throws {
        let bps = try await CLI.run(["node", "devnet", "--bps", "1000"])
        #expect(bps.status == 64 && bps.stderr.contains("--bps must be between 0.1 and 100, got 1000"), "\(bps.stderr)")
        let fund = try await CLI.run(["node", "devnet", "--fund", "kaspa:qq:1"])
        #expect(fund.status == 64 && fund.stderr.contains("--fund"), "\(fund.stderr)")
    }

    @Test func benchDevnetReportsEveryFigure() async throws {
        let r = try await CLI.run(["bench", "devnet", "--txs", "40", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.object["benchmark"] as? String == "devnet" && r.object["txs"] as? Int == 40 && (r.object["blocks"] as? Int ?? 0) >= 1)
        for key in ["seconds", "perSecond", "validateSeconds", "acceptSeconds"] {
            #expect(((r.object[key] as? Double) ?? 0) > 0, "\(key)")
        }
    }
}
