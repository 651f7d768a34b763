import ArgumentParser
import Dispatch
import Sync
import WalletKit

/// `kasfleet bench devnet --txs N --json`: N signed P2PK transactions (1 input, 1 output), each spending its own
/// funded UTXO, go through the devnet node in process: mempool admission (the full validation: isolation,
/// UTXO context, every signature, storage mass, fee floor), then blocks until the mempool is empty (block
/// acceptance in the UTXO context and the UTXO set update). Building and signing are not timed.
struct BenchDevnet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "devnet", abstract: "Time mempool validation and block acceptance of N P2PK transactions.")

    @Option(help: "Number of transactions.")
    var txs: Int = 10_000

    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Report: Encodable {
        let benchmark = "devnet"
        let txs: Int
        let seconds: Double
        let perSecond: Double
        let validateSeconds: Double
        let acceptSeconds: Double
        let blocks: Int
    }

    func validate() throws {
        guard (1...1_000_000).contains(txs) else { throw ValidationError("--txs must be between 1 and 1000000") }
    }

    func run() throws {
        try runReporting {
            let count = txs
            let report = try blocking { try await Self.measure(count) }
            if json { try Console.json(report) } else {
                Console.out("\(report.txs) transactions validated and accepted in \(String(format: "%.3f", report.seconds)) s "
                    + "(\(Int(report.perSecond)) tx/s; \(report.blocks) blocks)")
            }
        }
    }

    static func measure(_ count: Int) async throws -> Report {
        let key = try PrivateKey(hex: "4d7e0cc6c4a9b1e9bcd3e4a5f0e1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d")
        let address = Address.p2pk(key.xOnlyPublicKey, prefix: .devnet)
        let spk = ScriptPublicKey(address: address)
        let node = DevnetNode()
        let amount = Sompi(100_000_000)
        let outpoints = await node.fund(Array(repeating: (address: address, amount: amount), count: count))
        let signer = TransactionSigner(keys: [key])
        var signed: [Transaction] = []
        signed.reserveCapacity(count)
        for outpoint in outpoints {
            var tx = Transaction(inputs: [TransactionInput(previousOutpoint: outpoint, signatureScript: [UInt8](repeating: 0, count: 66))],
                                 outputs: [TransactionOutput(value: amount, scriptPublicKey: spk)])
            let fee = Fees.minimumFee(for: tx)
            tx.outputs[0].value = Sompi(amount.rawValue - fee.rawValue)
            tx.inputs[0].signatureScript = []
            var ptx = try PopulatedTransaction(tx: tx, entries: [UtxoEntry(amount: amount, scriptPublicKey: spk)])
            signer.signP2PKInputs(&ptx)
            signed.append(ptx.tx)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        for tx in signed { try await node.submit(tx) }
        let validated = DispatchTime.now().uptimeNanoseconds
        var blocks = 0
        while await node.mempoolSize > 0 {
            await node.produceBlock()
            blocks += 1
        }
        let end = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(end - start) / 1e9
        return Report(txs: count, seconds: seconds, perSecond: Double(count) / seconds, validateSeconds: Double(validated - start) / 1e9,
                      acceptSeconds: Double(end - validated) / 1e9, blocks: blocks)
    }
}
