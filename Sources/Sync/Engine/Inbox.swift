import Synchronization

/// What the sync engine has yet to apply. Filled from outside the engine's actor (the node's event pump, the
/// ticker), so events keep queueing while the engine is busy in a store write: the next take then gets all of
/// them and writes them as one transaction. (Delivering through the actor let one event in per write, which
/// held every store transaction to a single notification's worth of changes.) One consumer: the engine.
final class Inbox<Item: Sendable>: Sendable {
    private struct State {
        var items: [Item] = []
        var waiter: CheckedContinuation<Void, Never>?
        /// A wake-up that came while nobody waited (a cancellation racing `wait`): the next wait returns at once.
        var woken = false
    }

    private let state = Mutex(State())
    /// Items equal to the last one queued are dropped when this says so (a second tick in a row adds nothing).
    private let coalesce: @Sendable (Item, Item) -> Bool

    init(coalesce: @escaping @Sendable (Item, Item) -> Bool = { _, _ in false }) {
        self.coalesce = coalesce
    }

    var count: Int { state.withLock { $0.items.count } }

    func push(_ item: Item) {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if let last = s.items.last, coalesce(last, item) { return nil }
            s.items.append(item)
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }

    /// Everything queued, oldest first (empty when nothing is).
    func takeAll() -> [Item] {
        state.withLock { s in
            defer { s.items.removeAll(keepingCapacity: true) }
            return s.items
        }
    }

    /// Puts items back in front of what arrived since they were taken.
    func putBack(_ items: [Item]) {
        guard !items.isEmpty else { return }
        state.withLock { $0.items.insert(contentsOf: items, at: 0) }
    }

    /// Drops queued items up to and including the first that matches; true when one did (otherwise all are dropped).
    func drop(through matches: (Item) -> Bool) -> Bool {
        state.withLock { s in
            if let i = s.items.firstIndex(where: matches) {
                s.items.removeFirst(i + 1)
                return true
            }
            s.items.removeAll(keepingCapacity: true)
            return false
        }
    }

    /// Returns when something is queued, `wake()` is called or the task is cancelled.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let now = state.withLock { s -> Bool in
                    if !s.items.isEmpty || s.woken || Task.isCancelled {
                        s.woken = false
                        return true
                    }
                    s.waiter = c
                    return false
                }
                if now { c.resume() }
            }
        } onCancel: {
            wake()
        }
    }

    /// Ends a pending `wait` (or the next one) without an item.
    func wake() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard let w = s.waiter else {
                s.woken = true
                return nil
            }
            s.waiter = nil
            return w
        }
        waiter?.resume()
    }
}
