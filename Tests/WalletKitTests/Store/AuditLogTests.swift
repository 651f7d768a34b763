import Foundation
import GRDB
import Testing
@testable import WalletKit

@Suite struct AuditLogTests {
    /// Every money or policy change leaves one chained event; verify holds; tampering is named at its event.
    @Test func chainHoldsAndTamperingIsNamed() throws {
        let (store, _) = try StoreFixtures.memoryWallet()
        try store.addMachine(name: "drone-1", kind: "drone", group: "north", key: .publicKey(StoreFixtures.publicKey(1)))
        try store.setBudget(Budget(scope: .machine("drone-1"), dailyLimit: 100_000_000))
        try store.setStatus(machine: "drone-1", to: .frozen)
        try store.setStatus(machine: "drone-1", to: .active)
        try store.recordSpend(ProposedSpend(machine: "drone-1", amount: 5, destination: "kaspa:x"))
        let events = try store.auditEvents()
        #expect(events.map(\.kind) == ["group.added", "machine.added", "budget.set", "machine.status", "machine.status", "spend.recorded"])
        #expect(events.first?.previousHash == AuditLog.genesisHash)
        for (a, b) in zip(events, events.dropFirst()) { #expect(b.previousHash == a.hash) }
        #expect(try store.verifyAuditLog() == AuditLog.Verification(events: 6, firstBroken: nil, reason: nil))

        // Append-only: the triggers refuse changes.
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "UPDATE auditEvent SET subject = 'x' WHERE seq = 2") } }
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "DELETE FROM auditEvent WHERE seq = 2") } }

        // Someone goes around them: the first broken link is named.
        try store.write { db in
            try db.execute(sql: "DROP TRIGGER auditEventNoUpdate")
            try db.execute(sql: "UPDATE auditEvent SET details = '{\"amount\":\"0.00000001\"}' WHERE seq = 3")
        }
        var v = try store.verifyAuditLog()
        #expect(v.firstBroken == 3)
        #expect(v.reason?.contains("event 3 (budget.set drone-1) was altered") == true)

        try store.write { db in
            try db.execute(sql: "UPDATE auditEvent SET details = ? WHERE seq = 3", arguments: [events[2].details])
            try db.execute(sql: "DROP TRIGGER auditEventNoDelete")
            try db.execute(sql: "DELETE FROM auditEvent WHERE seq = 2")
        }
        v = try store.verifyAuditLog()
        #expect(v.firstBroken == 2)
        #expect(v.reason == "event 2 is missing (next is 3)")

        // A rewritten event with a recomputed own hash still breaks the next link.
        try store.write { db in
            try AuditEventRecord(seq: 2, at: events[1].at, kind: "machine.added", subject: "drone-evil", details: events[1].details,
                                 previousHash: events[0].hash,
                                 hash: AuditLog.hash(seq: 2, at: events[1].at, kind: "machine.added", subject: "drone-evil", details: events[1].details,
                                                     previous: events[0].hash)).insert(db)
        }
        v = try store.verifyAuditLog()
        #expect(v.firstBroken == 3)
        #expect(v.reason?.contains("does not link") == true)
    }

    @Test func failedChangeLeavesNoEvent() throws {
        let (store, _) = try StoreFixtures.memoryWallet()
        try store.addMachine(name: "drone-1", kind: "drone", group: nil, key: .publicKey(StoreFixtures.publicKey(1)))
        let before = try store.auditEvents().count
        #expect(throws: StoreError.duplicate(what: "machine", name: "drone-1")) {
            try store.addMachine(name: "drone-1", kind: "drone", group: "new-group", key: .publicKey(StoreFixtures.publicKey(2)))
        }
        #expect(try store.auditEvents().count == before)
        #expect(try store.groups().isEmpty)
    }
}
