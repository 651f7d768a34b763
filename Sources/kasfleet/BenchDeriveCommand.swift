import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet bench derive`: how many receive addresses per second an account key yields.
///
/// The account key (`m/44'/111111'/0'`) of a fixed public test mnemonic is derived once, outside the timing;
/// the timed part builds the account (its receive chain key) and derives `count` Schnorr mainnet address
/// strings, each one public child derivation plus the address encoding.
struct BenchDerive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Derive N receive addresses from an account key and report the rate.")

    /// rusty-kaspa's gen1 test mnemonic (`wallet/keys/src/derivation/gen1/hd.rs`); holds no funds.
    static let testMnemonic =
        "fringe ceiling crater inject pilot travel gas nurse bulb bullet horn segment snack harbor dice laugh vital cigar push couple plastic into slender worry"

    @Option(help: "How many addresses (1 to 10000000).")
    var count: Int = 10_000

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard (1...10_000_000).contains(count) else { throw ValidationError("--count must be between 1 and 10000000, got \(count)") }
    }

    struct Report: Encodable {
        let benchmark = "derive"
        let count: Int
        let seconds: Double
        let perSecond: Double
    }

    func run() throws {
        try runReporting {
            let accountKey = try Bip32Account(master: ExtendedPrivateKey(seed: Mnemonic(phrase: Self.testMnemonic).seed())).accountKey
            let clock = ContinuousClock()
            var digest = 0
            let elapsed = try clock.measure {
                let account = try Bip32Account(accountKey: accountKey)
                for i in 0..<UInt32(count) {
                    let address = try account.address(chain: .receive, index: i, prefix: .mainnet).string
                    digest &+= address.utf8.count  // keeps the work observable
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = Double(count) / max(seconds, 1e-9)
            guard digest > 0 else { throw CLIError.badData("no addresses were derived") }
            if json {
                try Console.json(Report(count: count, seconds: seconds, perSecond: rate))
            } else {
                Console.out(String(format: "derived %d addresses in %.3f s (%.0f per second)", count, seconds, rate))
            }
        }
    }
}
