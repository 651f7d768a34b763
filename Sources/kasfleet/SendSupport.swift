import ArgumentParser
import Foundation
import Logging
import Sync
import WalletKit

/// `--node HOST:PORT` for commands that sync a wallet before they act.
struct NodeOptions: ParsableArguments {
    @Option(help: "The node's gRPC address (default: 127.0.0.1 on the network's port: mainnet 16110, testnet 16210, devnet 16610).")
    var node: String?

    @Option(name: .customLong("node-timeout"), help: ArgumentHelp("Seconds to wait for the node's answers.", valueName: "seconds"))
    var nodeTimeout: Double = 30

    func validate() throws {
        guard nodeTimeout > 0 else { throw ValidationError("--node-timeout must be positive") }
    }

    func endpoint(_ network: Network) throws -> NodeEndpoint {
        try NodeEndpoint(parsing: node ?? "127.0.0.1", defaultPort: network.defaultGrpcPort)
    }

    var clientOptions: NodeClient.Options {
        var o = NodeClient.Options()
        o.connectTimeout = .milliseconds(Int64(min(nodeTimeout, 10) * 1000))
        o.requestTimeout = .milliseconds(Int64(nodeTimeout * 1000))
        return o
    }
}

/// `--fee-rate R` or `--priority-fee KAS` (default: the node's normal estimate; never below the floor).
struct FeeOptions: ParsableArguments {
    @Option(name: .customLong("fee-rate"), help: ArgumentHelp("Fee rate in sompi per gram (raised to the 100 sompi/gram floor).", valueName: "R"))
    var feeRate: Double?

    @Option(name: .customLong("priority-fee"), help: ArgumentHelp("An extra fee in KAS on top of the node's estimate.", valueName: "KAS"))
    var priorityFee: String?

    func validate() throws {
        if feeRate != nil && priorityFee != nil { throw ValidationError("give --fee-rate or --priority-fee, not both") }
        if let r = feeRate, !(r >= 0 && r.isFinite) { throw ValidationError("--fee-rate must be a non-negative number of sompi per gram") }
    }

    func policy() throws -> FeePolicy {
        FeePolicy(rate: feeRate.map { FeeRate(sompiPerGram: $0) }, priorityFee: try kasOption(priorityFee, "--priority-fee") ?? .zero)
    }
}

/// The file logger every syncing command uses (never the terminal).
let fileLogger = Logger(label: "kasfleet", factory: FileLogHandler.factory())

/// Opens the wallet, connects and syncs it once, runs `body`, then closes the connection whatever happens.
func withSyncedWallet<T: Sendable>(_ store: StoreOptions, _ node: NodeOptions,
                                   _ body: @escaping @Sendable (WalletStore, NodeClient, SyncEngine, SyncSummary) async throws -> T) throws -> T {
    let wallet = try store.open()
    let endpoint = try node.endpoint(store.network)
    let clientOptions = node.clientOptions
    return try blocking {
        let client = NodeClient(endpoint: endpoint, options: clientOptions, logger: fileLogger)
        let engine = SyncEngine(client: client, store: wallet, logger: fileLogger)
        do {
            let summary = try await engine.syncOnce()
            let result = try await body(wallet, client, engine, summary)
            await engine.shutdown()
            await client.close()
            return result
        } catch {
            await engine.shutdown()
            await client.close()
            throw error
        }
    }
}

/// Parses a destination address and checks it is on the wallet's network.
func destinationAddress(_ text: String, network: Network) throws -> Address {
    let address: Address
    do { address = try Address(text) } catch { throw CLIError.badData("--to: \(error)") }
    guard address.prefix == network.addressPrefix else {
        throw CLIError.usage("--to \(text) is a \(address.prefix.rawValue) address, but the wallet is on \(network.rawValue)")
    }
    return address
}

/// Text lines for a send / sweep / compound report.
enum SendText {
    static func kas(_ sompi: UInt64) -> String { "\(Sompi(sompi).kasString) KAS" }

    static func lines(_ r: SendReport) -> [String] {
        var out: [String] = []
        for (i, t) in r.transactions.enumerated() {
            let head = r.transactions.count > 1 ? "transaction \(i + 1)/\(r.transactions.count)" : "transaction"
            out.append("\(head) \(t.transactionId)\(r.dryRun ? " (not signed, not broadcast)" : "")")
            out.append("  \(t.inputs.count) input\(t.inputs.count == 1 ? "" : "s") worth \(kas(t.inputAmount))")
            for o in t.outputs { out.append("  pays \(kas(o.amount)) to \(o.address)\(o.isChange ? " (change)" : "")") }
            out.append("  fee \(kas(t.fee)) at \(String(format: "%.3f", t.feeRate)) sompi/gram; mass: compute \(t.computeMass) g, "
                       + "transient \(t.transientMass) g, storage \(t.storageMass) g")
        }
        if r.policy.applies {
            out.append(r.policy.allowed ? "policy: allowed" : "policy: DENIED: " + r.policy.reasons.joined(separator: "; "))
        }
        if !r.uneconomic.isEmpty { out.append("left out: \(r.uneconomic.count) UTXOs worth too little for the fees of moving them") }
        if !r.dryRun { out.append("broadcast: the node's id\(r.submitted.count == 1 ? "" : "s") match the computed one\(r.submitted.count == 1 ? "" : "s")") }
        return out
    }
}
