import Synchronization

/// A flag one task raises and another reads without waiting (the engine asks whether a store write has ended).
final class Flag: Sendable {
    private let raised = Atomic<Bool>(false)

    func set() { raised.store(true, ordering: .releasing) }
    var isSet: Bool { raised.load(ordering: .acquiring) }
}
