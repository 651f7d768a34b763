import ArgumentParser
import Dispatch
import WalletKit

/// `kasfleet bench sign --inputs N --json`: sign a transaction with N P2PK inputs (one SigHashAll Schnorr
/// signature each). The sighash sub-hashes are shared across inputs, so time grows linearly with N.
struct BenchSign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign", abstract: "Time signing a transaction with N P2PK inputs.")

    @Option(help: "Number of inputs.")
    var inputs: Int = 1000

    @Option(help: "Transaction version (0, or 1 with compute budget 10 per input).")
    var txVersion: UInt16 = 0

    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Report: Encodable {
        let benchmark = "sign"
        let inputs: Int
        let version: UInt16
        let seconds: Double
        let perSecond: Double
        let microsecondsPerInput: Double
    }

    func validate() throws {
        guard (1...100_000).contains(inputs) else { throw ValidationError("--inputs must be between 1 and 100000") }
        guard txVersion <= 1 else { throw ValidationError("--tx-version must be 0 or 1") }
    }

    func run() throws {
        try runReporting {
            let key = try PrivateKey(hex: "4d7e0cc6c4a9b1e9bcd3e4a5f0e1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d")
            let spk = ScriptPublicKey.p2pk(key.xOnlyPublicKey)
            let entry = UtxoEntry(amount: 1_000_000_000, scriptPublicKey: spk, blockDaaScore: 1)
            let tx = Transaction(
                version: txVersion,
                inputs: (0..<inputs).map { i in
                    TransactionInput(previousOutpoint: Outpoint(transactionId: Sha256.hash(withUnsafeBytes(of: UInt64(i)) { Array($0) }), index: UInt32(i % 4)),
                                     computeCommit: .forVersion(txVersion, txVersion >= 1 ? 10 : 1))
                },
                outputs: [TransactionOutput(value: Sompi(UInt64(inputs) * 999_000_000), scriptPublicKey: spk)])
            var ptx = try PopulatedTransaction(tx: tx, entries: Array(repeating: entry, count: inputs))
            let signer = TransactionSigner(keys: [key])
            let start = DispatchTime.now().uptimeNanoseconds
            let signed = signer.signP2PKInputs(&ptx)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            guard signed.count == inputs else { throw CLIError.badData("signed \(signed.count) of \(inputs) inputs") }
            let report = Report(inputs: inputs, version: txVersion, seconds: seconds, perSecond: Double(inputs) / seconds,
                                microsecondsPerInput: seconds * 1e6 / Double(inputs))
            if json { try Console.json(report) } else {
                Console.out("signed \(inputs) inputs in \(String(format: "%.4f", seconds)) s (\(Int(report.perSecond)) inputs/s)")
            }
        }
    }
}

import Foundation
