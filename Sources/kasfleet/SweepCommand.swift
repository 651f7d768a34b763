import ArgumentParser
import Foundation
import Sync
import WalletKit

/// `kasfleet sweep --from ACCOUNT|MACHINE --to ADDRESS [--dry-run] [--json]`: every spendable UTXO to one
/// address, in as many transactions as the mass limits need (an operator action: audited, no machine budget).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sweep", abstract: "Move everything an account or machine holds to an address.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var nodeOptions: NodeOptions
    @OptionGroup var fees: FeeOptions

    @Option(help: "The account or machine to empty.")
    var from: String

    @Option(help: "The address that receives everything.")
    var to: String

    @Flag(name: .customLong("dry-run"), help: "Plan and check, but neither sign nor broadcast.")
    var dryRun = false

    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let destination = try destinationAddress(to, network: store.network)
            let feePolicy = try fees.policy()
            let wallet = try store.open()
            let source = try wallet.spendSource(named: from)
            let keys = dryRun ? nil : try store.unlock(wallet, for: "to sign the sweep")
            let dry = dryRun
            let report = try withSyncedWallet(store, nodeOptions) { wallet, client, engine, _ in
                try await Sender(store: wallet, client: client, engine: engine, logger: fileLogger)
                    .sweep(from: source, to: destination, fee: feePolicy, dryRun: dry, keys: keys)
            }
            try ConsolidationOutput.print(report, to: destination.string, json: json,
                                          headline: "\(report.dryRun ? "would sweep" : "swept") \(source) to \(destination.string)")
        }
    }
}

/// The JSON shape of `sweep` and `compound` (docs/cli.md).
enum ConsolidationOutput {
    struct Report: Encodable {
        let dryRun: Bool
        let from: String
        let to: String
        let transactions: [TransactionSummary]
        let transactionIds: [String]
        let totalFee: UInt64
        let totalOutput: UInt64
        let uneconomic: [String]
    }

    static func print(_ r: SendReport, to: String, json: Bool, headline: String) throws {
        let total = r.transactions.reduce(UInt64(0)) { $0 + $1.outputs.reduce(0) { $0 + $1.amount } }
        if json {
            try Console.json(Report(dryRun: r.dryRun, from: r.source, to: to, transactions: r.transactions, transactionIds: r.transactions.map(\.transactionId),
                                    totalFee: r.totalFee, totalOutput: total, uneconomic: r.uneconomic))
        } else {
            Console.out(([headline + ": \(r.transactions.count) transaction\(r.transactions.count == 1 ? "" : "s"), "
                          + "\(SendText.kas(total)) out, \(SendText.kas(r.totalFee)) in fees"] + SendText.lines(r)).joined(separator: "\n"))
        }
    }
}
