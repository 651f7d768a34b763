import WalletKit

/// A seeded `SplitMix64`, so the demo fleet is the same on every run and in every test.
struct DemoRandom: Sendable {
    private var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform in 0..<bound (bound > 0).
    mutating func below(_ bound: UInt64) -> UInt64 { next() % bound }
    mutating func chance(percent: UInt64) -> Bool { below(100) < percent }
}
