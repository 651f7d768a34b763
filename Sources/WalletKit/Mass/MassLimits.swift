/// Block mass limits and the cofactors that normalise every mass dimension to compute-mass scale
/// (`consensus/core/src/mass/mod.rs`, `BlockMassLimits`, `MassCofactors`). The cofactors are f64 in consensus
/// too: they rank transactions, they never price them.
public struct MassLimits: Sendable, Equatable {
    public var storage: UInt64
    public var compute: UInt64
    public var transient: UInt64

    /// Post-Toccata mainnet and testnet limits (`consensus/core/src/config/params.rs`).
    public static let toccata = MassLimits(storage: 500_000, compute: 500_000, transient: 1_000_000)

    public init(storage: UInt64, compute: UInt64, transient: UInt64) {
        self.storage = storage
        self.compute = compute
        self.transient = transient
    }

    public var storageCofactor: Double { Double(compute) / Double(storage) }
    public var transientCofactor: Double { Double(compute) / Double(transient) }
    public var reference: UInt64 { compute }

    public func normalizedTransient(_ transient: UInt64) -> UInt64 {
        UInt64((Double(transient) * transientCofactor).rounded(.up))
    }

    /// `Mass::normalized_max`: the largest dimension in compute-mass units.
    public func normalizedMax(compute c: UInt64, transient t: UInt64, storage s: UInt64) -> UInt64 {
        max(UInt64((Double(s) * storageCofactor).rounded(.up)), c, normalizedTransient(t))
    }
}
