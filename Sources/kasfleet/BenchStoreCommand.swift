import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet bench store`: builds a wallet of the given size in a temporary folder, then times a fresh open
/// and the dashboard aggregates.
struct BenchStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Create a fleet wallet of N machines and M UTXOs; time create, open and the dashboard queries.")

    @Option(help: "Machines (each with a watched public key, spread over groups).")
    var machines: Int = 100_000
    @Option(help: "UTXOs, spread over the machines' addresses.")
    var utxos: Int = 1_000_000
    @Option(help: "Groups.")
    var groups: Int = 100
    @Option(help: "Spend-ledger entries over the last 48 h (default: 2 per machine).")
    var ledger: Int?
    @Option(help: "Repetitions of the open and query timings (the median is reported beside the first).")
    var repeats: Int = 5
    @Flag(help: "Keep the wallet file (its path is printed).")
    var keep = false
    @Option(help: ArgumentHelp("Time open and queries on a wallet kept by an earlier --keep run (skips create).", visibility: .hidden))
    var reuse: String?
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func validate() throws {
        guard machines >= 1, utxos >= 0, groups >= 0, repeats >= 1 else { throw ValidationError("counts must be positive") }
    }

    struct Report: Encodable {
        struct Timing: Encodable { let firstMs: Double; let medianMs: Double }
        struct Dashboard: Encodable {
            let perMachine24h: Timing
            let top20: Timing
            let groupTotals: Timing
            /// The three from one snapshot and one ledger pass (`WalletStore.dashboard`), what a screen uses.
            let combined: Timing
            let machinesWithSpend: Int
            /// Every machine with balance, 24 h spend, limit and last activity (`fleetMachines`): what the
            /// console reads once per change and then windows, sorts and filters in memory.
            let fleetOverview: Timing
        }
        struct Goals: Encodable { let openMs: Double; let dashboardQueryMs: Double; let openMet: Bool; let dashboardMet: Bool }
        let benchmark = "store"
        let machines: Int
        let utxos: Int
        let groups: Int
        let ledgerEntries: Int
        let createSeconds: Double
        let fileBytes: Int64
        let open: Timing
        let dashboard: Dashboard
        let goals: Goals
        @NullWhenAbsent var path: String?
    }

    func run() throws {
        try runReporting {
            let dir = reuse.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-bench-\(getpid())")
            if reuse == nil { try? FileManager.default.removeItem(at: dir) }
            defer { if !keep && reuse == nil { try? FileManager.default.removeItem(at: dir) } }
            let url = WalletStore.databaseURL(directory: dir)
            let nowFile = dir.appendingPathComponent("bench-now")
            let now = reuse != nil ? (Int64(String(decoding: (try? Data(contentsOf: nowFile)) ?? Data(), as: UTF8.self)) ?? 0) : Int64(Date().timeIntervalSince1970)
            let mnemonic = try Mnemonic(phrase: BenchDerive.testMnemonic)
            let counts = StoreBenchmark.Counts(machines: machines, groups: groups, utxos: utxos, ledgerEntries: ledger ?? 2 * machines)
            let clock = ContinuousClock()
            let createTime = reuse != nil ? .zero : try clock.measure {
                let store = try WalletStore.create(at: url, network: .mainnet, password: SecretBytes(Array("bench".utf8)), source: .mnemonic(mnemonic, passphrase: nil))
                let account = try Bip32Account(master: ExtendedPrivateKey(seed: mnemonic.seed()), account: 1)
                try StoreBenchmark.fill(store, counts: counts, account: account, now: now)
                try store.close()
                try Data(String(now).utf8).write(to: nowFile)
            }
            func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
            func timing(_ samples: [Double]) -> Report.Timing {
                Report.Timing(firstMs: samples[0], medianMs: samples.sorted()[samples.count / 2])
            }
            var opens: [Double] = [], per: [Double] = [], top: [Double] = [], grp: [Double] = [], all: [Double] = [], fleet: [Double] = []
            var withSpend = 0
            for _ in 0..<repeats {
                var store: WalletStore?
                opens.append(ms(try clock.measure { store = try WalletStore.open(at: url, network: .mainnet) }))
                guard let store else { continue }
                per.append(ms(try clock.measure { withSpend = try store.spendPerMachine(now: now).count }))
                top.append(ms(try clock.measure { _ = try store.topSpenders(count: 20, now: now) }))
                grp.append(ms(try clock.measure { _ = try store.groupTotals(now: now) }))
                all.append(ms(try clock.measure { _ = try store.dashboard(top: 20, now: now) }))
                fleet.append(ms(try clock.measure { _ = try store.fleetMachines(now: now) }))
                try store.close()
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
            let open = timing(opens)
            let dashboardMax = [timing(per).medianMs, timing(top).medianMs, timing(grp).medianMs].max() ?? 0
            let report = Report(machines: machines, utxos: utxos, groups: groups, ledgerEntries: counts.ledgerEntries,
                                createSeconds: ms(createTime) / 1000, fileBytes: size, open: open,
                                dashboard: .init(perMachine24h: timing(per), top20: timing(top), groupTotals: timing(grp), combined: timing(all), machinesWithSpend: withSpend,
                                                  fleetOverview: timing(fleet)),
                                goals: .init(openMs: 200, dashboardQueryMs: 50, openMet: open.firstMs < 200, dashboardMet: dashboardMax < 50),
                                path: keep ? url.path : nil)
            if json { try Console.json(report); return }
            Console.out(String(format: "created %d machines, %d UTXOs, %d ledger entries in %.1f s (%.0f MB)", machines, utxos, counts.ledgerEntries,
                               report.createSeconds, Double(size) / 1e6))
            Console.out(String(format: "open %.1f ms (median %.1f); per-machine 24 h %.1f ms, top 20 %.1f ms, group totals %.1f ms, fleet overview %.1f ms (medians)",
                               open.firstMs, open.medianMs, timing(per).medianMs, timing(top).medianMs, timing(grp).medianMs, timing(fleet).medianMs))
        }
    }
}
