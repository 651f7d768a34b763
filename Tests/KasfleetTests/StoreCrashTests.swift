import Foundation
import GRDB
import Testing
import WalletKit

/// Real processes on real files: a writer SIGKILLed at random points, two writers at once, a held lock.
@Suite(.serialized) struct StoreCrashTests {
    /// What a reader must find after any kill: changes 1...k whole (k >= the last one the child reported), no
    /// part of k+1, a sound file and an intact audit chain.
    static func checkConsistent(_ w: CLIWallet, machine: String, atLeast reported: Int, batch: Int) throws -> Int {
        let store = try WalletStore.open(at: w.databaseURL, network: .devnet)
        defer { try? store.close() }
        #expect(try store.integrityCheck() == "ok")
        let amounts = try store.ledger(machine: machine).map(\.amount).sorted()
        let k = amounts.count
        #expect(amounts == (0..<k).map { Int64($0 + 1) }, "ledger holds changes 1...\(k) exactly once")
        #expect(k >= reported, "every change the child reported committed is present (\(k) >= \(reported))")
        let utxos = try store.utxos(machine: machine)
        #expect(utxos.count == k * batch, "UTXOs of whole changes only: \(utxos.count) for \(k) changes")
        #expect(Set(utxos.map(\.amount)) == Set(amounts))
        let spends = try store.auditEvents().filter { $0.kind == "spend.recorded" && $0.subject == machine }
        #expect(spends.count == k, "one audit event per change")
        let v = try store.verifyAuditLog()
        #expect(v.isIntact, "audit chain: \(v.reason ?? "")")
        return k
    }

    @Test func sigkillAtRandomPointsLosesNoCommittedWrite() async throws {
        let w = try CLIWallet()
        try await w.create()
        let key = "02" + String(repeating: "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", count: 1)
        #expect(try await w.run(["fleet", "add", "probe", "--kind", "drone", "--public-key", key]).status == 0)
        var rng = SystemRandomNumberGenerator()
        var total = 0
        let kills = 24
        for round in 0..<kills {
            let child = try Child(["debug", "write-loop", "--machine", "probe", "--batch", "10"] + w.common)
            // Kill after a random number of reported commits, sometimes with a random extra delay so the kill
            // lands inside a transaction rather than between two.
            await child.waitForLines(Int.random(in: 1...25, using: &rng))
            if round % 2 == 1 { usleep(UInt32.random(in: 0...20_000, using: &rng)) }
            await child.kill()
            #expect(child.process.terminationReason == .uncaughtSignal, "round \(round): the child was killed")
            total = try Self.checkConsistent(w, machine: "probe", atLeast: child.lastCommitted, batch: 10)
        }
        #expect(total >= kills)
        print("[crash] \(kills) SIGKILLs, \(total) committed changes, all present and whole")
    }

    @Test func twoProcessesWriteTheSameWalletWithoutLoss() async throws {
        let w = try CLIWallet()
        try await w.create()
        for (name, k) in [("left", 1), ("right", 2)] {
            let key = try PrivateKey(bytes: [UInt8](repeating: UInt8(k), count: 32)).publicKey.compressed.hex
            #expect(try await w.run(["fleet", "add", name, "--public-key", key]).status == 0)
        }
        let count = 120
        let a = try Child(["debug", "write-loop", "--machine", "left", "--batch", "5", "--count", "\(count)"] + w.common)
        let b = try Child(["debug", "write-loop", "--machine", "right", "--batch", "5", "--count", "\(count)"] + w.common)
        await a.waitForLines(Int.max)
        await b.waitForLines(Int.max)
        a.process.waitUntilExit()
        b.process.waitUntilExit()
        #expect(a.process.terminationStatus == 0 && b.process.terminationStatus == 0)
        #expect(a.lastCommitted == count && b.lastCommitted == count)
        #expect(try Self.checkConsistent(w, machine: "left", atLeast: count, batch: 5) == count)
        #expect(try Self.checkConsistent(w, machine: "right", atLeast: count, batch: 5) == count)
    }

    /// Another process holds the write lock: a command waits its busy timeout, then says "busy" (exit 75) and
    /// changes nothing; once the lock is gone the same command succeeds.
    @Test func heldLockIsReportedAsBusy() async throws {
        let w = try CLIWallet()
        try await w.create()
        let key = try PrivateKey(bytes: [UInt8](repeating: 3, count: 32)).publicKey.compressed.hex
        #expect(try await w.run(["fleet", "add", "drone-1", "--public-key", key]).status == 0)
        // Hold the write lock from this process: a write transaction left open on another thread.
        let holder = try DatabaseQueue(path: w.databaseURL.path)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.inTransaction(.immediate) { _ in
                locked.signal()
                release.wait()
                return .rollback
            }
            finished.signal()
        }
        locked.wait()
        let start = Date()
        let busy = try await w.run(["fleet", "freeze", "drone-1", "--busy-timeout", "0.5"])
        let waited = Date().timeIntervalSince(start)
        release.signal()
        finished.wait()
        try holder.close()
        #expect(busy.status == 75)
        #expect(busy.stderr.contains("busy"))
        #expect(waited >= 0.5)
        let show = try await w.run(["fleet", "show", "drone-1", "--json"])
        #expect(((show.object["machine"] as? [String: Any])?["status"] as? String) == "active")
        #expect(try await w.run(["fleet", "freeze", "drone-1"]).status == 0)
    }
}
