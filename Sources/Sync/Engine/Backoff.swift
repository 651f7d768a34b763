import Foundation

/// Time as the sync engine sees it: a wall clock for timeouts and a way to wait. Injected, so tests run
/// reconnects and timeouts without waiting for real (conventions.md: dependencies passed in).
public protocol SyncClock: Sendable {
    /// Seconds since 1970.
    func now() -> Double
    func sleep(for duration: Duration) async throws
}

/// The real clock.
public struct SystemSyncClock: SyncClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

/// Reconnection delays: exponential from `initial` to `maximum`, each multiplied by a random factor in
/// `[1 - jitter, 1 + jitter]` so that many clients do not retry in step.
public struct Backoff: Sendable {
    public var initial: Duration
    public var maximum: Duration
    public var multiplier: Double
    public var jitter: Double
    /// Uniform in [0, 1): the random source of the jitter.
    public var random: @Sendable () -> Double

    public init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(30), multiplier: Double = 2, jitter: Double = 0.2,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = min(max(jitter, 0), 1)
        self.random = random
    }

    /// The delay before retry number `attempt` (0 for the first retry).
    public func delay(attempt: Int) -> Duration {
        let base = Self.seconds(initial) * pow(max(multiplier, 1), Double(min(max(attempt, 0), 64)))
        let capped = min(base, Self.seconds(maximum))
        let factor = 1 + jitter * (2 * min(max(random(), 0), 1) - 1)
        return .nanoseconds(Int64(max(0, capped * factor) * 1e9))
    }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
