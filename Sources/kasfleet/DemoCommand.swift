import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet demo`: what `make run` shows until the console exists. A fresh in-memory demo wallet (its
/// mnemonic is never shown), an operator account and three machines, and one v1 settlement that funds the
/// machines: built, signed, given exact compute budgets by a dry run, and checked by the script engine.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Build, sign and verify a demo fleet settlement in a fresh in-memory wallet.")

    @Option(help: "Network whose addresses to show.")
    var network: Network = .devnet

    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Machine: Encodable {
        let name: String
        let kind: String
        let account: UInt32
        let address: String
        let receives: UInt64
    }

    struct Report: Encodable {
        let network: String
        let operatorAddress: String
        let machines: [Machine]
        let transactionId: String
        let version: UInt16
        let inputs: Int
        let outputs: Int
        let computeMass: UInt64
        let storageMass: UInt64
        let fee: UInt64
        let computeBudgets: [UInt16]
        let valid: Bool
    }

    func run() throws {
        try runReporting {
            let prefix = network.addressPrefix
            let master = try ExtendedPrivateKey(seed: Mnemonic.random().seed())
            let operatorKey = try Bip32Account.accountPrivateKey(master: master, account: 0)
            let operatorAccount = try Bip32Account(master: master, account: 0)
            let fleet: [(String, String, UInt64)] = [("drone-1", "drone", 25), ("charger-1", "charger", 40), ("insurer", "insurance", 10)]
            let machines = try fleet.enumerated().map { i, m in
                Machine(name: m.0, kind: m.1, account: UInt32(i + 1),
                        address: try Bip32Account(master: master, account: UInt32(i + 1)).address(chain: .receive, index: 0, prefix: prefix).string,
                        receives: m.2 * Sompi.perKas)
            }

            // The operator's funds: one 1000 KAS UTXO on its first receive address.
            let funding = Bip32Account.address(for: try operatorAccount.publicKey(chain: .receive, index: 0), prefix: prefix, ecdsa: false)
            let spend = TransactionBuilder.Spend(
                outpoint: Outpoint(transactionId: Blake2b.hash(Array("kasfleet demo funding".utf8)), index: 0),
                entry: UtxoEntry(amount: Sompi(1000 * Sompi.perKas), scriptPublicKey: ScriptPublicKey(address: funding), blockDaaScore: 1))
            let builder = TransactionBuilder(
                version: 1, spends: [spend],
                payments: try machines.map { TransactionOutput(value: Sompi($0.receives), scriptPublicKey: ScriptPublicKey(address: try Address($0.address))) },
                change: ScriptPublicKey(address: try operatorAccount.address(chain: .change, index: 0, prefix: prefix)))
            var (ptx, fee) = try builder.build()
            let signingKey = try Bip32Account.privateKey(accountKey: operatorKey, chain: .receive, index: 0)
            TransactionSigner(keys: [signingKey]).signP2PKInputs(&ptx)
            ptx = TransactionBuilder.finish(ptx)
            let report = DryRun.validate(ptx)

            let out = Report(
                network: network.rawValue, operatorAddress: funding.string, machines: machines,
                transactionId: ptx.tx.id.hex, version: ptx.tx.version, inputs: ptx.tx.inputs.count, outputs: ptx.tx.outputs.count,
                computeMass: ComputeMass.compute(ptx.tx), storageMass: ptx.tx.storageMass, fee: fee.rawValue,
                computeBudgets: ptx.tx.inputs.compactMap(\.computeCommit.computeBudget), valid: report.isValid)
            if json { return try Console.json(out) }
            var lines = [
                "Kasfleet demo (\(network.rawValue)): a fresh in-memory wallet; its mnemonic is not shown and not kept.",
                "",
                "operator   \(out.operatorAddress)   1000.00000000 KAS",
            ]
            for m in machines {
                lines.append("\(m.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(m.address)   account \(m.account), \(m.kind)")
            }
            lines += [
                "",
                "settlement \(out.transactionId)",
                "  v\(out.version), \(out.inputs) input, \(out.outputs) outputs (one per machine and the change)",
            ]
            for m in machines { lines.append("  pays \(KasAmount.format(Sompi(m.receives))) KAS to \(m.name)") }
            lines += [
                "  compute mass \(out.computeMass) g, storage mass \(out.storageMass) g, compute budget \(out.computeBudgets.map(String.init).joined(separator: ",")) (dry run)",
                "  fee \(KasAmount.format(fee)) KAS (post-Toccata floor: 100 sompi per gram)",
                "  script engine: \(report.isValid ? "valid, every signature verifies" : "INVALID: \(report.errors.map { "\($0)" }.joined(separator: "; "))")",
                "",
                "The console, the wallet store and the embedded devnet node arrive with the next issues.",
            ]
            Console.out(lines.joined(separator: "\n"))
            if !report.isValid { throw CLIError.badData("the demo settlement did not validate") }
        }
    }
}
