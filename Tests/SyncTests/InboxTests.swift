import Testing
@testable import Sync

/// The engine's queue: filled from outside the actor, drained whole, in order.
@Suite struct InboxTests {
    @Test func itemsQueueWhileNobodyTakesThemAndComeOutInOrder() {
        let inbox = Inbox<Int>(coalesce: { $0 == 0 && $1 == 0 })
        for i in [1, 0, 0, 2, 0] { inbox.push(i) }
        #expect(inbox.count == 4)
        #expect(inbox.takeAll() == [1, 0, 2, 0])
        #expect(inbox.takeAll().isEmpty)
        inbox.push(5)
        inbox.putBack([3, 4])
        #expect(inbox.takeAll() == [3, 4, 5])
    }

    @Test func dropThroughKeepsWhatFollowsTheMatch() {
        let inbox = Inbox<Int>()
        for i in [1, 2, 9, 3] { inbox.push(i) }
        #expect(inbox.drop(through: { $0 == 9 }))
        #expect(inbox.takeAll() == [3])
        for i in [1, 2] { inbox.push(i) }
        #expect(!inbox.drop(through: { $0 == 9 }))
        #expect(inbox.count == 0)
    }

    @Test func aWaiterWakesOnPushOrWake() async {
        let inbox = Inbox<Int>()
        let waiting = Task { await inbox.wait(); return inbox.takeAll() }
        try? await Task.sleep(for: .milliseconds(50))
        inbox.push(7)
        #expect(await waiting.value == [7])
        // A wake with nobody waiting is kept for the next wait, which returns at once.
        inbox.wake()
        await inbox.wait()
        let cancelled = Task { await inbox.wait() }
        cancelled.cancel()
        await cancelled.value
    }
}
