import ArgumentParser
import Foundation
import Sync
import WalletKit

/// `kasfleet node info [--node HOST:PORT] [--network N] [--json]`: server info, network, DAA score, sync state,
/// mempool size and fee estimate of a node (kaspad or `kasfleet node devnet`). Exit 69 when nothing answers.
struct NodeInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show a node's network, DAA score, sync state, mempool and fee rates.")

    @Option(help: "The node's gRPC address (default: 127.0.0.1 on the network's port: mainnet 16110, testnet 16210, devnet 16610).")
    var node: String?

    @Option(help: "The network the node must be on: mainnet, testnet-10, testnet-12, devnet, simnet.")
    var network: Network?

    @Option(help: "Seconds to wait for the node.")
    var timeout: Double = 5

    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Report: Encodable {
        let node: String
        let serverVersion: String
        let rpcApiVersion: String
        let networkId: String
        let hasUtxoIndex: Bool
        let isSynced: Bool
        let virtualDaaScore: UInt64
        @NullWhenAbsent var sinkBlueScore: UInt64?
        @NullWhenAbsent var mempoolSize: UInt64?
        @NullWhenAbsent var feeEstimate: FeeEstimate?
    }

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        try runReporting {
            let endpoint = try NodeEndpoint(parsing: node ?? "127.0.0.1", defaultPort: (network ?? .mainnet).defaultGrpcPort)
            var options = NodeClient.Options()
            options.connectTimeout = .milliseconds(Int64(timeout * 1000))
            options.requestTimeout = options.connectTimeout
            let clientOptions = options
            let expected = network
            let (info, blueScore, mempool, fees) = try blocking { () async throws -> (ServerInfo, UInt64?, UInt64?, FeeEstimate?) in
                let client = NodeClient(endpoint: endpoint, options: clientOptions)
                let info: ServerInfo
                do { info = try await client.connect(expecting: expected) } catch {
                    await client.close()
                    throw error
                }
                let blueScore = try? await client.sinkBlueScore()
                let mempool = try? await client.nodeInfo().mempoolSize
                let fees = try? await client.feeEstimate()
                await client.close()
                return (info, blueScore, mempool, fees)
            }
            let report = Report(node: endpoint.description, serverVersion: info.serverVersion,
                                rpcApiVersion: "\(info.rpcApiVersion).\(info.rpcApiRevision)", networkId: info.networkId,
                                hasUtxoIndex: info.hasUtxoIndex, isSynced: info.isSynced, virtualDaaScore: info.virtualDaaScore,
                                sinkBlueScore: blueScore, mempoolSize: mempool, feeEstimate: fees)
            if json { try Console.json(report) } else { Console.out(text(report)) }
        }
    }

    private func text(_ r: Report) -> String {
        func bucket(_ b: FeeBucket) -> String { "\(String(format: "%.3f", b.feerate)) (~\(String(format: "%g", b.estimatedSeconds)) s)" }
        var lines = [
            "node          \(r.node)",
            "server        \(r.serverVersion) (RPC API \(r.rpcApiVersion))",
            "network       \(r.networkId)",
            "DAA score     \(r.virtualDaaScore)",
            "synced        \(r.isSynced ? "yes" : "no: balances may be stale until it catches up")",
            "UTXO index    \(r.hasUtxoIndex ? "yes" : "no: start kaspad with --utxoindex to sync a wallet")",
        ]
        lines.append("blue score    \(r.sinkBlueScore.map(String.init) ?? "unknown")")
        lines.append("mempool       \(r.mempoolSize.map { "\($0) transactions" } ?? "unknown")")
        if let f = r.feeEstimate {
            lines.append("fee rates     sompi/gram: priority \(bucket(f.priority))"
                + (f.normal.first.map { ", normal \(bucket($0))" } ?? "") + (f.low.first.map { ", low \(bucket($0))" } ?? ""))
        } else {
            lines.append("fee rates     unknown")
        }
        return lines.joined(separator: "\n")
    }
}
