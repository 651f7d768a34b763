import ArgumentParser
import Foundation
import Sync
import WalletKit

/// `kasfleet compound [--from ACCOUNT|MACHINE] [--dry-run] [--json]`: merges many small UTXOs into few, each
/// transaction within the mass limits (compute and KIP-9 storage mass); several transactions when one would be
/// too heavy. Run it again to merge their outputs.
struct CompoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compound", abstract: "Consolidate the small UTXOs of an account or machine.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var nodeOptions: NodeOptions
    @OptionGroup var fees: FeeOptions

    @Option(help: "The account or machine (default: the wallet's first account).")
    var from: String?

    @Flag(name: .customLong("dry-run"), help: "Plan and check, but neither sign nor broadcast.")
    var dryRun = false

    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let feePolicy = try fees.policy()
            let wallet = try store.open()
            let source = try wallet.spendSource(named: from)
            let own = try wallet.changeAddress(source)
            let keys = dryRun ? nil : try store.unlock(wallet, for: "to sign the consolidation")
            let dry = dryRun
            let report = try withSyncedWallet(store, nodeOptions) { wallet, client, engine, _ in
                try await Sender(store: wallet, client: client, engine: engine, logger: fileLogger)
                    .compound(from: source, fee: feePolicy, dryRun: dry, keys: keys)
            }
            try ConsolidationOutput.print(report, to: own, json: json, headline: "\(report.dryRun ? "would compound" : "compounded") \(source)")
        }
    }
}
