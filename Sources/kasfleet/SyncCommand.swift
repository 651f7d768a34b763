import ArgumentParser
import Foundation
import Sync
import WalletKit

/// `kasfleet sync [--once] [--node HOST:PORT] [--json]`: keeps the wallet in step with a node. With `--once` it
/// syncs (snapshot of every watched address) and exits with a summary; otherwise it runs, reconnecting as
/// needed, and prints each change of state until SIGINT or SIGTERM.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Sync the wallet with a node: once, or until interrupted.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var nodeOptions: NodeOptions

    @Flag(help: "Sync once and exit with a summary.")
    var once = false

    @Flag(help: "Print JSON: the summary, or one object per line per state change.")
    var json = false

    struct Summary: Encodable {
        let summary: SyncSummary
        let balance: Balance
    }

    struct StateLine: Encodable {
        let state: String
        let detail: String
        @NullWhenAbsent var daaScore: UInt64?
        @NullWhenAbsent var percent: Int?
        @NullWhenAbsent var retryInSeconds: Double?
    }

    func run() throws {
        try runReporting {
            if once {
                let summary = try withSyncedWallet(store, nodeOptions) { wallet, _, _, summary in
                    (summary, try wallet.balance())
                }
                if json { return try Console.json(Summary(summary: summary.0, balance: summary.1)) }
                let b = summary.1
                Console.out("""
                    synced with \(summary.0.node) (\(summary.0.networkId), \(summary.0.serverVersion)) at DAA score \(summary.0.virtualDaaScore)\(summary.0.isNodeSynced ? "" : "; the node is NOT synced")
                    \(summary.0.watchedAddresses) addresses watched; snapshot added \(summary.0.added) and removed \(summary.0.removed) UTXOs; \(summary.0.utxos) held
                    balance: \(b.mature.kasString) KAS spendable, \(b.pending.kasString) pending, \(b.spentInMempool.kasString) in the mempool
                    """)
                return
            }
            let wallet = try store.open()
            let endpoint = try nodeOptions.endpoint(store.network)
            let clientOptions = nodeOptions.clientOptions
            let asJSON = json
            try blocking {
                let client = NodeClient(endpoint: endpoint, options: clientOptions, logger: fileLogger)
                let engine = SyncEngine(client: client, store: wallet, logger: fileLogger)
                let printer = Task {
                    var last = ""
                    for await state in await engine.stateUpdates() {
                        // Every change of kind, and the DAA score at most once per change of 100.
                        let key = state.kind + (state.isSynced ? "" : state.description)
                        if case .synced(let d) = state, last.hasPrefix("synced"), d % 100 != 0 { continue }
                        guard key != last || state.isSynced else { continue }
                        last = key
                        try? Self.print(state, json: asJSON)
                    }
                }
                let runner = Task { try await engine.run() }
                let stop = Task { _ = await waitForTerminationSignal(); runner.cancel() }
                defer { stop.cancel(); printer.cancel() }
                try await runner.value
                await client.close()
            }
        }
    }

    static func print(_ s: SyncState, json: Bool) throws {
        guard json else { return Console.out(s.description) }
        var line = StateLine(state: s.kind, detail: s.description)
        switch s {
        case .synced(let d): line.daaScore = d
        case .syncing(let p): line.percent = p
        case .offline(_, let retry): line.retryInSeconds = Double(retry.components.seconds) + Double(retry.components.attoseconds) / 1e18
        case .behind(.nodeNotSynced(let d)): line.daaScore = d
        default: break
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        Console.out(String(decoding: try encoder.encode(line), as: UTF8.self))
    }
}
