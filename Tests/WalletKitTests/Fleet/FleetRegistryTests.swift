import Foundation
import GRDB
import Testing
@testable import WalletKit

@Suite struct FleetRegistryTests {
    @Test func machinesKeysAndStatus() throws {
        let (store, keys) = try StoreFixtures.memoryWallet()
        let a = try store.addMachine(name: "drone-1", kind: "drone", group: "north", tags: ["cam", "v2"], key: .deriveFromWallet(keys))
        #expect(a.keySource == .account && a.accountId != nil)
        let account = try #require(try store.accounts().first { $0.id == a.accountId })
        #expect(account.accountIndex == 1 && account.machineId == a.id)
        #expect(try store.addresses(account: account.name).first?.address == a.address)
        let b = try store.addMachine(name: "charger-2", kind: "charger", group: "north", key: .publicKey(StoreFixtures.publicKey(2)))
        #expect(b.address == Address.p2pk(StoreFixtures.publicKey(2).xOnly, prefix: .mainnet).string)
        let kpub = try ExtendedPublicKey(HDVectors.hd.gen1.master_key_to_addresses.accountKpub)
        let c = try store.addMachine(name: "robot-3", kind: "robot", group: "south", key: .kpub(kpub))
        #expect(c.address == HDVectors.hd.gen1.master_key_to_addresses.receiveMainnet[0])
        #expect(Set(try store.watchedAddresses()).isSuperset(of: [a.address, b.address, c.address]))
        #expect(throws: StoreError.duplicate(what: "machine", name: "drone-1")) {
            try store.addMachine(name: "drone-1", kind: "drone", group: nil, key: .publicKey(StoreFixtures.publicKey(9)))
        }
        #expect(throws: StoreError.self) { try store.addMachine(name: "bad name!", kind: "x", group: nil, key: .publicKey(StoreFixtures.publicKey(9))) }
        #expect(try store.machines(group: "north").map(\.name) == ["charger-2", "drone-1"])
        #expect(try store.machine(named: "drone-1").tagList == ["cam", "v2"])
        try store.setStatus(machine: "drone-1", to: .frozen)
        #expect(try store.machines(status: .frozen).map(\.name) == ["drone-1"])
        try store.removeMachine(named: "robot-3")
        #expect(throws: StoreError.self) { try store.setStatus(machine: "robot-3", to: .active) }
        #expect(throws: StoreError.unknown(what: "machine", name: "nobody")) { try store.machine(named: "nobody") }
    }

    @Test func budgetsLedgerAndAuthorization() throws {
        let clock = TestClock()
        let (store, _) = try StoreFixtures.memoryWallet(clock: clock.date)
        let a = try store.addMachine(name: "drone-7", kind: "drone", group: "north", key: .publicKey(StoreFixtures.publicKey(7)))
        let b = try store.addMachine(name: "drone-8", kind: "drone", group: "north", key: .publicKey(StoreFixtures.publicKey(8)))
        try store.setBudget(Budget(scope: .machine("drone-7"), perTransactionLimit: Sompi(5 * Sompi.perKas), dailyLimit: Sompi(15 * Sompi.perKas)))
        try store.setBudget(Budget(scope: .group("north"), dailyLimit: Sompi(20 * Sompi.perKas)))
        #expect(try store.budget(.machine("drone-7"))?.dailyLimit == Sompi(15 * Sompi.perKas))
        let now = clock.now
        try store.recordSpend(ProposedSpend(machine: "drone-7", amount: Sompi(1_250_000_000), destination: b.address), at: now - 3_600)
        let denied = try store.evaluate(ProposedSpend(machine: "drone-7", amount: Sompi(300_000_000), destination: "kaspa:elsewhere"))
        #expect(denied.reasons == ["drone-7 would exceed its daily limit: 12.50000000 KAS already spent in the last 24 h, 3.00000000 KAS proposed, limit 15.00000000 KAS"])
        #expect(throws: StoreError.policyDenied(denied.reasons)) {
            try store.authorizeSpend(ProposedSpend(machine: "drone-7", amount: Sompi(300_000_000), destination: "kaspa:elsewhere"))
        }
        try store.authorizeSpend(ProposedSpend(machine: "drone-7", amount: Sompi(200_000_000), destination: b.address))
        #expect(try store.spent(machine: "drone-7", in: .day) == Sompi(1_450_000_000))
        // The group limit counts drone-8 too; the destination machine is resolved from the address table.
        try store.recordSpend(ProposedSpend(machine: "drone-8", amount: Sompi(500_000_000), destination: a.address))
        let group = try store.evaluate(ProposedSpend(machine: "drone-8", amount: Sompi(100_000_000), destination: a.address))
        #expect(group.reasons == ["group north would exceed its daily limit: 19.50000000 KAS already spent by its machines in the last 24 h, 1.00000000 KAS proposed by drone-8, limit 20.00000000 KAS"])
        try store.setBudget(Budget(scope: .machine("drone-8"), allowedMachines: ["drone-9"]))
        let toMachine = try store.evaluate(ProposedSpend(machine: "drone-8", amount: Sompi(1), destination: a.address))
        #expect(toMachine.reasons.contains("drone-8 may not pay machine drone-7: it is not among its allowed machines (drone-9)"))
        clock.advance(86_400)
        #expect(try store.evaluate(ProposedSpend(machine: "drone-7", amount: Sompi(300_000_000), destination: b.address)).isAllowed)
        try store.setStatus(machine: "drone-7", to: .frozen)
        #expect(try store.evaluate(ProposedSpend(machine: "drone-7", amount: Sompi(1), destination: b.address)).reasons
            == ["drone-7 is frozen: an operator must unfreeze it before it can spend"])
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func dashboardAggregates() throws {
        let clock = TestClock()
        let (store, _) = try StoreFixtures.memoryWallet(clock: clock.date)
        for i in 0..<6 {
            try store.addMachine(name: "m-\(i)", kind: "drone", group: i < 4 ? "north" : nil, key: .publicKey(StoreFixtures.publicKey(UInt32(i + 10))))
        }
        let now = clock.now
        for i in 0..<6 {
            try store.recordSpend(ProposedSpend(machine: "m-\(i)", amount: Sompi(UInt64(i + 1) * 100), destination: "x"), at: now - 10)
            try store.recordSpend(ProposedSpend(machine: "m-\(i)", amount: Sompi(1_000_000), destination: "x"), at: now - 86_400)
        }
        try store.setStatus(machine: "m-1", to: .frozen)
        let d = try store.dashboard(top: 3, now: now)
        #expect(d.perMachine24h.count == 6)
        #expect(d.topSpenders.map(\.name) == ["m-5", "m-4", "m-3"])
        #expect(d.topSpenders.map(\.spent) == [600, 500, 400])
        #expect(d.groups.count == 2)
        let north = try #require(d.groups.first { $0.group == "north" })
        #expect(north.machines == 4 && north.active == 3 && north.frozen == 1 && north.spent24h == 1_000)
        let none = try #require(d.groups.first { $0.group == nil })
        #expect(none.machines == 2 && none.spent24h == 1_100)
        // The trigger-kept counts equal a live count after every kind of change.
        try store.setStatus(machine: "m-1", to: .active)
        try store.removeMachine(named: "m-5")
        try store.setStatus(machine: "m-2", to: .frozen)
        let live = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT COALESCE(groupId, 0), status, COUNT(*) FROM machine GROUP BY 1, 2 ORDER BY 1, 2").map { "\($0[0] as Int64) \($0[1] as String) \($0[2] as Int)" }
        }
        let kept = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT groupKey, status, n FROM machineCount WHERE n > 0 ORDER BY 1, 2").map { "\($0[0] as Int64) \($0[1] as String) \($0[2] as Int)" }
        }
        #expect(kept == live)
    }
}
