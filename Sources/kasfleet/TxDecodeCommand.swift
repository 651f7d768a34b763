import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet tx decode FILE|- [--json]`: id, hash, size, masses, the minimum fee and, when UTXO entries are
/// present, each input's SigHashAll sighash.
struct TxDecode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a transaction (RPC JSON; inputs may carry utxoEntry): id, hash, size, masses, minimum fee, sighashes.")

    @Argument(help: "File with the transaction in RPC JSON, or - for stdin.")
    var file: String

    @Option(help: "Network for the addresses shown (mainnet, testnet-10, testnet-12, devnet, simnet).")
    var network: Network = .mainnet

    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let document = try TransactionDocument.decode(try readInput(file))
            let report = TransactionReport(document, network: network)
            if json { try Console.json(report) } else { Console.out(report.text) }
        }
    }
}
