import Foundation
import Sync
import Testing
import TUI
import WalletKit

/// The console's view of a real wallet file: what the screens read from the store and what their commands
/// change in it. The node parts run against the embedded devnet node over loopback gRPC.
@Suite struct LiveDataSourceTests {
    static let phrase = "fringe ceiling crater inject pilot travel gas nurse bulb bullet horn segment snack harbor dice laugh vital cigar push couple plastic into slender worry"
    static let password = "live data password"

    /// A wallet file with three machines (two in a group, one with a daily budget) and an unreachable node.
    final class Fixture: @unchecked Sendable {
        let directory: URL
        let store: WalletStore
        let keys: UnlockedKeys
        let source: LiveDataSource
        let client: NodeClient
        let engine: SyncEngine
        let now = Int64(Date().timeIntervalSince1970)

        init(port: Int = 1) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-live-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try WalletStore.create(at: WalletStore.databaseURL(directory: directory), network: .devnet,
                                           password: SecretBytes(Array(LiveDataSourceTests.password.utf8)),
                                           source: .mnemonic(try Mnemonic(phrase: LiveDataSourceTests.phrase), passphrase: nil), kdf: .insecureForTests)
            keys = try store.unlock(password: SecretBytes(Array(LiveDataSourceTests.password.utf8)))
            var options = NodeClient.Options()
            options.connectTimeout = .seconds(2)
            client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port), options: options)
            engine = SyncEngine(client: client, store: store)
            source = LiveDataSource(store: store, engine: engine, sender: Sender(store: store, client: client, engine: engine),
                                    configuration: .init(walletName: "test", isEmbedded: true,
                                                         settingsFile: directory.appendingPathComponent("console.json"), exportDirectory: directory))
        }

        deinit {
            try? store.close()
            try? FileManager.default.removeItem(at: directory)
        }

        @discardableResult
        func machine(_ name: String, group: String?, daily: Sompi? = nil) throws -> MachineRecord {
            let m = try store.addMachine(name: name, kind: "drone", group: group, key: .deriveFromWallet(keys))
            if let daily { try store.setBudget(Budget(scope: .machine(name), dailyLimit: daily)) }
            return m
        }

        /// A mature UTXO of `amount` at the address.
        func fund(_ address: String, _ amount: Sompi, index: UInt32) throws {
            let a = try Address(address)
            let outpoint = Outpoint(transactionId: Hash32(storage: (UInt64(index) + 1, 7, 7, 7)), index: index)
            try store.applyUtxoChanges(added: [UtxoUpdate(outpoint: outpoint, entry: UtxoEntry(amount: amount, scriptPublicKey: ScriptPublicKey(address: a), blockDaaScore: 1),
                                                          address: address)], removed: [], virtualDaaScore: 10_000)
        }

        func password(_ text: String = LiveDataSourceTests.password) -> Secret { Secret(text: text) }
    }

    @Test func summaryFleetAndMachineShowTheStoresFigures() async throws {
        let f = try Fixture()
        let d1 = try f.machine("drone-1", group: "drones", daily: .kas(2))
        let d2 = try f.machine("drone-2", group: "drones")
        let c1 = try f.machine("charger-1", group: nil)
        try f.fund(d1.address, .kas(10), index: 0)
        try f.fund(d2.address, .kas(3), index: 1)
        try f.fund(c1.address, .kas(1), index: 2)
        let operatorAddress = try #require(try f.store.addresses(account: f.store.spendSource(named: nil).name, chain: .receive).first).address
        try f.fund(operatorAddress, .kas(100), index: 3)
        // drone-1 spends 3 KAS in the last day, over its 2 KAS daily budget; drone-2 spends 1 KAS.
        _ = try f.store.recordSpend(ProposedSpend(machine: "drone-1", amount: .kas(3), destination: c1.address), at: f.now - 60)
        _ = try f.store.recordSpend(ProposedSpend(machine: "drone-2", amount: .kas(1), destination: c1.address), at: f.now - 7_200)

        let s = try await f.source.summary()
        #expect(s.walletBalance == .kas(100))
        #expect(s.total == .kas(114))
        #expect(s.machines == MachineCounts(total: 3, active: 3, frozen: 0, retired: 0))
        #expect(s.spentToday == .kas(4))
        #expect(s.dailyBudget == .kas(2))
        #expect(s.spendPerHour.count == 24 && s.spendPerHour.last == .kas(3) && s.spendPerHour.reduce(0) { $0 + $1.rawValue } == Sompi.kas(4).rawValue)
        let drones = try #require(s.groups.first { $0.name == "drones" })
        #expect(drones.machines == 2 && drones.balance == .kas(13) && drones.spentToday == .kas(4))
        #expect(s.alerts.contains { $0.machine == d1.id && $0.text.contains("over its 2.00000000 KAS budget") })

        // The table: sorted by balance, largest first; filtered; windowed.
        let byBalance = try await f.source.machines(MachineQuery(sort: .balance, ascending: false))
        #expect(byBalance.rows.map(\.name) == ["drone-1", "drone-2", "charger-1"])
        #expect(byBalance.rows[0].isOverBudget)
        let filtered = try await f.source.machines(MachineQuery(filter: "DRONES"))
        #expect(filtered.total == 2 && filtered.rows.map(\.name) == ["drone-1", "drone-2"])
        let window = try await f.source.machines(MachineQuery(offset: 1, limit: 1))
        #expect(window.total == 3 && window.offset == 1 && window.rows.map(\.name) == ["drone-1"])

        let detail = try await f.source.machine(try #require(d1.id))
        #expect(detail.row.balance == .kas(10) && detail.utxos.count == 1 && detail.policy.daily == .kas(2) && detail.policy.group == "drones")
        #expect(detail.addresses.first?.path == "m/44'/111111'/\(try #require(f.store.accounts().first { $0.name == "machine:drone-1" }).accountIndex)'/0/0")
        #expect(detail.spendPerDay.count == 30 && detail.spendPerDay.last == .kas(3))
        await #expect(throws: ConsoleDataError.notFound("machine #999")) { try await f.source.machine(999) }
    }

    @Test func freezeNeedsTheUnlockAndShowsInTheActivity() async throws {
        let f = try Fixture()
        let d1 = try #require(try f.machine("drone-1", group: "drones").id)
        #expect(await f.source.isLocked())
        await #expect(throws: ConsoleDataError.locked) { try await f.source.setFrozen([d1], frozen: true) }
        await #expect(throws: ConsoleDataError.wrongPassword) { try await f.source.unlock(password: f.password("not it")) }
        try await f.source.unlock(password: f.password())
        #expect(try await f.source.setFrozen([d1], frozen: true) == 1)
        #expect(try await f.source.setFrozen([d1], frozen: true) == 0)
        #expect(try f.store.machine(named: "drone-1").status == .frozen)
        let page = try await f.source.activity(ActivityQuery(filter: "froze"))
        #expect(page.rows.map(\.text) == ["operator froze drone-1"])
        #expect(page.rows.first?.machineId == d1 && page.rows.first?.kind == .frozen)
        // The export writes every matching entry.
        let path = try await f.source.exportActivity(ActivityQuery(filter: "drone-1"), format: .csv)
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(csv.contains("operator froze drone-1") && csv.contains("drone-1 joined the fleet"))
        await f.source.lock()
        #expect(await f.source.isLocked())
    }

    @Test func theRecoveryPhraseNeedsThePasswordAgain() async throws {
        let f = try Fixture()
        await #expect(throws: ConsoleDataError.locked) { try await f.source.revealMnemonic(password: f.password()) }
        try await f.source.unlock(password: f.password())
        await #expect(throws: ConsoleDataError.wrongPassword) { try await f.source.revealMnemonic(password: f.password("wrong")) }
        #expect(try await f.source.revealMnemonic(password: f.password()).reveal() == Self.phrase)
    }

    @Test func settingsAreKeptInTheirFile() async throws {
        let f = try Fixture()
        var s = try await f.source.settings()
        #expect(s.theme == "dark" && s.idleLockSeconds == 300 && s.network == .devnet && s.nodeURL == "grpc://127.0.0.1:1")
        s.theme = "light"
        s.idleLockSeconds = 60
        try await f.source.saveSettings(s)
        let again = try await f.source.settings()
        #expect(again.theme == "light" && again.idleLockSeconds == 60)
        s.idleLockSeconds = -1
        await #expect(throws: ConsoleDataError.self) { try await f.source.saveSettings(s) }
    }

    @Test func aStoreChangeIsAnEvent() async throws {
        let f = try Fixture()
        let events = f.source.events()
        let watcher = Task {
            for await e in events where e == .machinesChanged([]) { return true }
            return false
        }
        try await Task.sleep(for: .milliseconds(200))
        try f.machine("robot-1", group: nil)
        let seen = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { await watcher.value }
            group.addTask { try await Task.sleep(for: .seconds(20)); return false }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
        watcher.cancel()
        #expect(seen)
        let page = try await f.source.machines(MachineQuery())
        #expect(page.rows.map(\.name) == ["robot-1"])
    }

    @Test func sendFormErrorsNameTheirField() async throws {
        let f = try Fixture()
        try f.machine("drone-1", group: nil)
        func field(_ request: SendRequest) async -> SendField? {
            do { _ = try await f.source.previewSend(request); return nil } catch let ConsoleDataError.invalidField(field, _) { return field } catch { return nil }
        }
        #expect(await field(SendRequest(to: "nobody", amount: .kas(1))) == .to)
        #expect(await field(SendRequest(to: "kaspa:qr0lr4ml9fn3chekrqmjdkergxl93l4wrk3dankcgvjq776s9wn9jhtkdksae", amount: .kas(1))) == .to)
        #expect(await field(SendRequest(from: "ghost", to: "drone-1", amount: .kas(1))) == .from)
        #expect(await field(SendRequest(to: "drone-1", amount: .zero)) == .amount)
    }

    @Test func previewAndSendOverTheDevnetNode() async throws {
        let node = DevnetNode()
        let port = try await node.startServing(host: "127.0.0.1", port: 0)
        await node.startProducingBlocks(bps: 20)
        let f = try Fixture(port: port)
        let c1 = try f.machine("charger-1", group: nil)
        let operatorAddress = try Address(try #require(try f.store.addresses(account: f.store.spendSource(named: nil).name, chain: .receive).first).address)
        await node.fund(operatorAddress, .kas(50))
        let running = Task { try? await f.engine.run() }
        defer { running.cancel() }
        try await waitFor("the operator's funds are spendable") { try f.store.balance(account: f.store.spendSource(named: nil).name).mature == .kas(50) }

        let request = SendRequest(to: "charger-1", amount: .kas(2))
        let preview = try await f.source.previewSend(request)
        #expect(preview.destination == c1.address && preview.destinationMachine == "charger-1" && preview.verdict.isAllowed)
        #expect(preview.fee >= Sompi(preview.computeMass * 100) && preview.inputs == 1)
        #expect(preview.balanceAfter == Sompi(Sompi.kas(48).rawValue - preview.fee.rawValue))

        await #expect(throws: ConsoleDataError.locked) { try await f.source.send(request, password: f.password()) }
        try await f.source.unlock(password: f.password())
        await #expect(throws: ConsoleDataError.wrongPassword) { try await f.source.send(request, password: f.password("wrong")) }
        let receipt = try await f.source.send(request, password: f.password())
        #expect(receipt.amount == .kas(2) && receipt.fee == preview.fee && receipt.destination == c1.address)
        try await waitFor("charger-1 holds the payment") { let b = try f.store.balance(machine: "charger-1"); return b.mature.adding(b.pending) == .kas(2) }
        let activity = try await f.source.activity(ActivityQuery(filter: String(receipt.transactionId.prefix(16))))
        #expect(activity.rows.count == 1 && activity.rows[0].kind == .funded && activity.rows[0].machine == "charger-1")
        await f.engine.shutdown()
        try await node.shutdown()
    }

    func waitFor(_ what: String, seconds: Double = 30, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting until \(what)")
    }
}

extension Sompi {
    static func kas(_ n: UInt64) -> Sompi { Sompi(n * Sompi.perKas) }
}
