import ArgumentParser
import Foundation
import Sync
import WalletKit

/// `kasfleet node devnet [--listen 127.0.0.1:16610] [--bps 10] [--data-dir D] [--fund ADDRESS:KAS ...] [--miner ADDRESS] [--no-utxoindex]`:
/// runs the embedded devnet node (kaspad's gRPC protocol and transaction rules, blocks at a fixed rate, no proof of
/// work) until SIGINT or SIGTERM.
struct NodeDevnetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devnet", abstract: "Run the embedded devnet node (kaspad's gRPC protocol on loopback) until interrupted.")

    @Option(help: "Address to listen on for gRPC.")
    var listen = "127.0.0.1:16610"

    @Option(help: "Blocks per second (0.1 to 100).")
    var bps: Double = 10

    @Option(help: "Directory for the devnet's snapshot (UTXO set and tip), loaded on start and saved on exit. Without it the devnet lives in memory only.")
    var dataDir: String?

    @Option(help: "Create a spendable UTXO at start: ADDRESS:KAS (a kaspadev: address). Repeatable.")
    var fund: [String] = []

    @Option(help: "Address (kaspadev:) that receives block rewards and fees. Without it rewards are left unclaimed.")
    var miner: String?

    @Flag(name: .customLong("no-utxoindex"), help: "Run without the UTXO index, as kaspad started without --utxoindex: the address calls are refused, so a wallet's handling of such a node can be rehearsed.")
    var noUtxoIndex = false

    func validate() throws {
        guard (0.1...100).contains(bps) else { throw ValidationError("--bps must be between 0.1 and 100, got \(bps)") }
    }

    /// `ADDRESS:KAS`; the address itself contains a colon, so the amount is after the last one.
    static func parseFunding(_ text: String) throws -> (address: Address, amount: Sompi) {
        guard let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") != colon else {
            throw CLIError.usage("--fund \(text): expected ADDRESS:KAS, e.g. kaspadev:qq...:1000")
        }
        let address = try devnetAddress(String(text[..<colon]), option: "--fund")
        let amount: Sompi
        do { amount = try KasAmount.parse(String(text[text.index(after: colon)...])) } catch {
            throw CLIError.usage("--fund \(text): \(error)")
        }
        guard amount > .zero else { throw CLIError.usage("--fund \(text): the amount must be above 0") }
        return (address, amount)
    }

    static func devnetAddress(_ text: String, option: String) throws -> Address {
        let address: Address
        do { address = try Address(text) } catch { throw CLIError.usage("\(option) \(text): \(error)") }
        guard address.prefix == Network.devnet.addressPrefix else {
            throw CLIError.usage("\(option) \(text): not a devnet address; devnet addresses start with \(Network.devnet.addressPrefix.rawValue):")
        }
        return address
    }

    func run() throws {
        try runReporting {
            let endpoint = try NodeEndpoint(parsing: listen, defaultPort: Network.devnet.defaultGrpcPort)
            let fundings = try fund.map(Self.parseFunding)
            var config = DevnetNode.Config()
            config.bps = bps
            config.dataDirectory = dataDir
            config.utxoIndex = !noUtxoIndex
            config.miner = try miner.map { try Self.devnetAddress($0, option: "--miner") }
            let settings = config
            try blocking {
                let config = settings
                let node = DevnetNode(config: config)
                if try await node.loadSnapshot() {
                    let daa = await node.virtualDaaScore
                    Console.out("loaded the devnet snapshot from \(config.dataDirectory ?? "") (DAA score \(daa))")
                }
                let port = try await node.startServing(host: endpoint.host, port: endpoint.port)
                Console.out("devnet node listening on \(NodeEndpoint(host: endpoint.host, port: port)) (gRPC, network devnet, \(String(format: "%g", config.bps)) blocks/s)")
                let funded = await node.fund(fundings)
                for (outpoint, funding) in zip(funded, fundings) {
                    Console.out("funded \(funding.address) with \(funding.amount.kasString) KAS: UTXO \(outpoint)")
                }
                await node.startProducingBlocks()
                Console.out(config.dataDirectory == nil ? "in memory only (no --data-dir); Ctrl-C stops" : "Ctrl-C stops and saves the snapshot")
                let signal = await waitForTerminationSignal()
                try await node.shutdown()
                let daa = await node.virtualDaaScore
                Console.out("stopped on \(signal) at DAA score \(daa)")
            }
        }
    }
}
