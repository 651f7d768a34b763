import ArgumentParser
import Foundation
import Sync
import WalletKit

/// `kasfleet send --to ADDRESS --amount KAS [--from ACCOUNT|MACHINE] [--fee-rate R | --priority-fee KAS] [--dry-run] [--json]`:
/// syncs the wallet with the node, then pays. A machine's payment is checked against its budget before anything
/// is signed (denied: exit 77, every reason on stderr). `--dry-run` stops before signing and shows the preview.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "send", abstract: "Pay an address from an account or a machine.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var nodeOptions: NodeOptions
    @OptionGroup var fees: FeeOptions

    @Option(help: "The address to pay.")
    var to: String

    @Option(help: "The amount in KAS (up to 8 decimals).")
    var amount: String

    @Option(help: "An account or machine name (default: the wallet's first account).")
    var from: String?

    @Flag(name: .customLong("dry-run"), help: "Build and check the payment, but neither sign nor broadcast it.")
    var dryRun = false

    @Flag(help: "Print JSON on stdout.")
    var json = false

    /// The JSON shape (docs/cli.md, "send").
    struct Report: Encodable {
        let dryRun: Bool
        let from: String
        let to: String
        let amount: UInt64
        let transactionId: String
        let fee: UInt64
        let feeRate: Double
        let computeMass: UInt64
        let transientMass: UInt64
        let storageMass: UInt64
        let inputs: [String]
        let outputs: [TransactionSummary.Output]
        let policy: PolicyVerdict
        let submitted: Bool
    }

    func run() throws {
        try runReporting {
            guard let value = try kasOption(amount, "--amount"), value > .zero else { throw CLIError.usage("--amount must be above zero") }
            let destination = try destinationAddress(to, network: store.network)
            let feePolicy = try fees.policy()
            let wallet = try store.open()
            let source = try wallet.spendSource(named: from)
            let keys = dryRun ? nil : try store.unlock(wallet, for: "to sign the payment")
            let request = PaymentRequest(source: source, destination: destination, amount: value, fee: feePolicy)
            let report = try withSyncedWallet(store, nodeOptions) { wallet, client, engine, _ in
                let sender = Sender(store: wallet, client: client, engine: engine, logger: fileLogger)
                if let keys { return try await sender.send(request, keys: keys) }
                return try await sender.preview(request)
            }
            guard let t = report.transactions.first else { throw CLIError.badData("no transaction was built") }
            let out = Report(dryRun: report.dryRun, from: source.description, to: destination.string, amount: value.rawValue, transactionId: t.transactionId,
                             fee: t.fee, feeRate: t.feeRate, computeMass: t.computeMass, transientMass: t.transientMass, storageMass: t.storageMass,
                             inputs: t.inputs, outputs: t.outputs, policy: report.policy, submitted: !report.submitted.isEmpty)
            if json { try Console.json(out) } else {
                Console.out(([report.dryRun ? "would send \(value.kasString) KAS to \(destination.string) from \(source)"
                                            : "sent \(value.kasString) KAS to \(destination.string) from \(source)"] + SendText.lines(report)).joined(separator: "\n"))
            }
            if !report.policy.allowed { throw StoreError.policyDenied(report.policy.reasons) }
        }
    }
}
