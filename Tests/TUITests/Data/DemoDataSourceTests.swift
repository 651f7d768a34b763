import Foundation
import Testing
import WalletKit
@testable import TUI

@Suite struct DemoDataSourceTests {
    @Test func theSameSeedGivesTheSameFleet() async throws {
        let a = Fixture.dataSource(), b = Fixture.dataSource()
        #expect(try await a.summary() == b.summary())
        #expect(try await a.machines(MachineQuery(limit: 60)) == b.machines(MachineQuery(limit: 60)))
    }

    @Test func queriesFilterSortAndWindow() async throws {
        let ds = Fixture.dataSource()
        let drones = try await ds.machines(MachineQuery(filter: "DRONE", limit: 5))
        #expect(drones.total == 20 && drones.rows.count == 5 && drones.rows.allSatisfy { $0.kind == "drone" })
        let richest = try await ds.machines(MachineQuery(sort: .balance, ascending: false, limit: 60))
        #expect(richest.rows.map(\.balance) == richest.rows.map(\.balance).sorted(by: >))
        let window = try await ds.machines(MachineQuery(offset: 55, limit: 10))
        #expect(window.offset == 55 && window.rows.count == 5 && window.rows.first?.name == "robot-0016")
        let frozen = try await ds.machines(MachineQuery(filter: "frozen", limit: 60))
        #expect(frozen.total == 4 && frozen.rows.allSatisfy { $0.status == .frozen })
    }

    @Test func aSendMovesTheMoneyAndIsRecorded() async throws {
        let ds = Fixture.dataSource()
        let before = try await ds.summary().walletBalance
        let target = try #require(try await ds.machines(MachineQuery(filter: "drone-0003", limit: 1)).rows.first)
        let request = SendRequest(to: "drone-0003", amount: Sompi(1_250_000_000))
        let preview = try await ds.previewSend(request)
        #expect(preview.verdict.isAllowed && preview.destinationMachine == "drone-0003" && preview.fee > .zero && preview.computeMass > 0)
        let receipt = try await ds.send(request, password: Secret(text: "demo"))
        #expect(receipt.transactionId.count == 64 && receipt.fee == preview.fee)
        let after = try await ds.machine(target.id)
        #expect(after.row.balance.rawValue == target.balance.rawValue + 1_250_000_000)
        #expect(try await ds.summary().walletBalance.rawValue == before.rawValue - 1_250_000_000 - preview.fee.rawValue)
        #expect(try await ds.activity(ActivityQuery(limit: 1)).rows.first?.text == "wallet funded drone-0003 with 12.50 KAS")
    }

    @Test func sendRefusals() async throws {
        let ds = Fixture.dataSource()
        let request = SendRequest(to: "drone-0003", amount: Sompi(1))
        await #expect(throws: ConsoleDataError.wrongPassword) { try await ds.send(request, password: Secret(text: "nope")) }
        await #expect(throws: ConsoleDataError.invalidField(.to, "no machine named 'drone-9999'; type a machine's name or a kaspa address")) {
            try await ds.previewSend(SendRequest(to: "drone-9999", amount: Sompi(1)))
        }
        await #expect(throws: ConsoleDataError.self) { try await ds.previewSend(SendRequest(to: "kaspa:qzzzz", amount: Sompi(1))) }
        await #expect(throws: ConsoleDataError.invalidField(.amount, "the amount must be above zero")) { try await ds.previewSend(SendRequest(to: "drone-0003", amount: .zero)) }
        let tooMuch = SendRequest(from: "drone-0003", to: "drone-0004", amount: Sompi(100_000 * Sompi.perKas))
        await #expect(throws: ConsoleDataError.self) { try await ds.previewSend(tooMuch) }
        let overBudget = try await ds.previewSend(SendRequest(from: "drone-0001", to: "drone-0004", amount: Sompi(30 * Sompi.perKas)))
        #expect(!overBudget.verdict.isAllowed)
        await #expect(throws: ConsoleDataError.self) {
            try await ds.send(SendRequest(from: "drone-0001", to: "drone-0004", amount: Sompi(30 * Sompi.perKas)), password: Secret(text: "demo"))
        }
        await ds.lock()
        await #expect(throws: ConsoleDataError.locked) { try await ds.send(request, password: Secret(text: "demo")) }
    }

    @Test func freezingAndTheLock() async throws {
        let ds = Fixture.dataSource(locked: true)
        await #expect(throws: ConsoleDataError.wrongPassword) { try await ds.unlock(password: Secret(text: "x")) }
        try await ds.unlock(password: Secret(text: "demo"))
        #expect(await !ds.isLocked())
        #expect(try await ds.setFrozen([2, 3], frozen: true) == 2)
        #expect(try await ds.setFrozen([2, 3], frozen: true) == 0, "already frozen")
        #expect(try await ds.machine(2).row.status == .frozen)
        let words = try await ds.revealMnemonic(password: Secret(text: "demo")).reveal().split(separator: " ")
        #expect(words.count == 24)
    }

    @Test func addressesAreRealDevnetAddresses() async throws {
        let ds = Fixture.dataSource()
        let first = try await ds.receiveAddress(for: .wallet, fresh: false)
        let fresh = try await ds.receiveAddress(for: .wallet, fresh: true)
        #expect(first.address != fresh.address && fresh.path == "m/44'/111111'/0'/0/1")
        #expect(try Address(first.address).prefix == .devnet)
        let detail = try await ds.machine(5)
        #expect(try detail.addresses.allSatisfy { try Address($0.address).prefix == .devnet })
        #expect(detail.utxos.map(\.amount).checkedSum() == detail.row.balance)
    }

    @Test func exportsWriteCsvAndJson() async throws {
        let ds = Fixture.dataSource()
        let path = try await ds.exportActivity(ActivityQuery(filter: "funded"), format: .csv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(csv.hasPrefix("id,time,kind,machine,amount_sompi,transaction_id,text\n"))
        #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.contains(",funded,") })
        let json = ActivityExport.render([ActivityRow(id: 1, time: 2, kind: .sent, machine: "a\"b", amount: Sompi(3), transactionId: nil, text: "x")], format: .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["machine"] as? String == "a\"b" && parsed?.first?["amount"] as? Int == 3)
    }

    @Test func aLargeFleetOpensQuickly() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let ds = DemoDataSource(machines: 20_000, clock: { Fixture.now }, locked: false)
        _ = try await ds.summary()
        let page = try await ds.machines(MachineQuery(offset: 19_990, limit: 50))
        #expect(page.total == 20_000 && page.rows.count == 10)
        #expect(clock.now - start < .seconds(5), "debug build; the release benchmark measures 100,000")
    }
}
