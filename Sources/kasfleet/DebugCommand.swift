import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet debug ...` (hidden): probes for the integration tests.
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug", abstract: "Test probes (not for operators).", shouldDisplay: false, subcommands: [DebugWriteLoop.self])
}

/// Writes numbered, committed changes in a loop and prints "committed N" after each commit. Change N is one
/// write transaction holding `batch` UTXOs on the machine's address plus one spend-ledger entry of N sompi
/// and its audit event, so a reader can tell a whole change from a partial one. Numbering continues after
/// what the file already holds. The crash test SIGKILLs it at random points.
struct DebugWriteLoop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write-loop", abstract: "Write numbered committed changes forever (or --count).")
    @OptionGroup var store: StoreOptions
    @Option(help: "The registered machine the changes belong to.")
    var machine: String
    @Option(help: "UTXOs per change.")
    var batch: Int = 10
    @Option(help: "Stop after this many changes (default: never).")
    var count: Int?

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let m = try wallet.machine(named: machine)
            var n = try wallet.ledger(machine: machine).count
            let stop = count.map { n + $0 } ?? Int.max
            while n < stop {
                n += 1
                try StoreProbe.writeChange(wallet, machine: m, n: n, batch: batch)
                Console.out("committed \(n)")
            }
        }
    }
}
