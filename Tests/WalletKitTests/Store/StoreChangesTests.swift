import Foundation
import Testing
@testable import WalletKit

/// `WalletStore.changes()`: every committed write to the tables the console shows is reported once it commits,
/// including the UTXO table, which SQLite's change hooks do not report (it is WITHOUT ROWID); a rolled-back
/// write is not reported.
@Suite struct StoreChangesTests {
    /// Collects changes until `count` arrived or a second passed.
    func collect(_ stream: AsyncStream<StoreChange>, count: Int) async -> [StoreChange] {
        await withTaskGroup(of: [StoreChange]?.self) { group in
            group.addTask {
                var seen: [StoreChange] = []
                for await c in stream {
                    seen.append(c)
                    if seen.count == count { break }
                }
                return seen
            }
            group.addTask { try? await Task.sleep(for: .seconds(1)); return nil }
            defer { group.cancelAll() }
            return await group.next().flatMap { $0 } ?? []
        }
    }

    @Test func eachPartIsReportedAfterItsCommit() async throws {
        let dir = try TempDir()
        let store = try StoreFixtures.fileWallet(dir, network: .devnet)
        defer { try? store.close() }
        let account = try #require(try store.addresses(account: "account-0", chain: .receive).first?.address)
        let changes = store.changes()
        let update = UtxoUpdate(outpoint: StoreFixtures.outpoint(1), entry: UtxoEntry(amount: 5, scriptPublicKey: ScriptPublicKey(script: [0x51]), blockDaaScore: 1),
                                address: account)
        // A UTXO write that fails half way is rolled back and reported as nothing.
        #expect(throws: (any Error).self) {
            try store.write { db in
                try store.applyUtxoChanges(db, added: [update], removed: [], virtualDaaScore: 10)
                throw StoreError.invalid("abandoned")
            }
        }
        try await store.applyUtxoChanges(added: [update], removed: [], virtualDaaScore: 10)
        _ = try store.addMachine(name: "drone-1", kind: "drone", group: nil, key: .publicKey(StoreFixtures.publicKey(1)))
        try store.recordHistory([HistoryRecord(transactionId: StoreFixtures.outpoint(2).transactionId, direction: .incoming, amount: 5, at: 1)])
        let seen = await collect(changes, count: 3)
        #expect(seen == [.utxos, .fleet, .history])
        #expect(try store.balance().utxoCount == 1)
    }
}
