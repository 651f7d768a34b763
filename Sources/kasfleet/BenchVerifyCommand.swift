import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet bench verify --inputs N`: how fast the engine validates a signed transaction of N P2PK Schnorr
/// inputs on one core (most of the time should be libsecp256k1's verification).
struct BenchVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Measure transaction validation: a signed transaction with N P2PK Schnorr inputs.")

    @Option(help: "Number of P2PK inputs.")
    var inputs: Int = 100

    @Option(name: .customLong("tx-version"), help: "Transaction version: 1 (compute budget 10 per input) or 0 (one sig op per input).")
    var version: UInt16 = 1

    @Option(help: "Minimum measuring time in seconds.")
    var minSeconds: Double = 1.0

    @Flag(help: "Print a JSON object on stdout.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(inputs) else { throw ValidationError("--inputs must be between 1 and 1000 (the consensus limit)") }
        guard version <= 1 else { throw ValidationError("--tx-version must be 0 or 1") }
    }

    struct Report: Encodable {
        let benchmark = "verify"
        let inputs: Int
        let version: UInt16
        let rounds: Int
        /// Seconds to validate the whole transaction once.
        let seconds: Double
        /// Input verifications per second.
        let perSecond: Double
    }

    func run() throws {
        try runReporting { try measure() }
    }

    private func measure() throws {
        let ptx = try Self.signedTransaction(inputs: inputs, version: version)
        let validator = TransactionValidator()
        let options = UtxoValidationOptions(checkMassCommitment: false)
        // Warm up once and make sure the transaction is valid.
        do { try validator.validateInUtxoContext(ptx, options: options) } catch {
            throw CLIError.badData("the benchmark transaction does not validate: \(error)")
        }
        var rounds = 0
        let clock = ContinuousClock()
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            try validator.validateInUtxoContext(ptx, options: options)
            rounds += 1
            elapsed = clock.now - start
        } while Self.seconds(elapsed) < minSeconds
        let perTransaction = Self.seconds(elapsed) / Double(rounds)
        let perSecond = Double(inputs) / perTransaction
        if json {
            try Console.json(Report(inputs: inputs, version: version, rounds: rounds, seconds: perTransaction, perSecond: perSecond))
        } else {
            Console.out(String(format: "verify: %d inputs in %.3f ms per transaction, %.0f input verifications per second (%d rounds)",
                               inputs, perTransaction * 1000, perSecond, rounds))
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// N inputs, each spending a distinct outpoint of one key's P2PK script, signed with SIGHASH_ALL.
    static func signedTransaction(inputs n: Int, version: UInt16) throws -> PopulatedTransaction {
        let key = try PrivateKey(hex: "6f1c2ad7c3a4b5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e")
        let spk = ScriptPublicKey.p2pk(key.xOnlyPublicKey)
        let commit: ComputeCommit = version >= 1 ? .computeBudget(10) : .sigOpCount(1)
        let txInputs = (0..<n).map { i in
            TransactionInput(previousOutpoint: Outpoint(transactionId: Blake2b.hash(withUnsafeBytes(of: UInt64(i).littleEndian) { Array($0) }), index: 0),
                             computeCommit: commit)
        }
        let tx = Transaction(version: version, inputs: txInputs,
                             outputs: [TransactionOutput(value: Sompi(UInt64(n) * 100_000 - 50_000), scriptPublicKey: spk)])
        let entries = (0..<n).map { _ in UtxoEntry(amount: 100_000, scriptPublicKey: spk, blockDaaScore: 1) }
        var ptx = try PopulatedTransaction(tx: tx, entries: entries)
        TransactionSigner(keys: [key]).signP2PKInputs(&ptx)
        return ptx
    }
}
