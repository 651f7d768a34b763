import Foundation

/// Fees (rusty-kaspa `mining/src/mempool/check_transaction_standard.rs`, `mining/src/mempool/config.rs`).
public enum Fees {
    /// Post-Toccata minimum relay fee: 100,000 sompi per 1000 grams = 100 sompi per gram.
    public static let minimumRelayFeePerKilogram: UInt64 = 100_000

    /// `minimum_required_transaction_relay_fee`: `mass × rate / 1000`, at least the rate itself when that is 0,
    /// capped at the maximum supply.
    public static func minimumRelayFee(mass: UInt64, perKilogram rate: UInt64 = minimumRelayFeePerKilogram) -> Sompi {
        let (product, overflow) = mass.multipliedReportingOverflow(by: rate)
        var fee = overflow ? UInt64.max : product / 1000
        if fee == 0 && rate > 0 { fee = rate }
        return Sompi(min(fee, Sompi.maxSupply.rawValue))
    }

    /// The mass the fee floor applies to: `max(compute, normalized transient)`, i.e. `max(compute, 2 × size)` now.
    public static func feeMass(compute: UInt64, transient: UInt64, limits: MassLimits = .toccata) -> UInt64 {
        max(compute, limits.normalizedTransient(transient))
    }

    /// The post-Toccata floor for a transaction: `100 sompi × max(compute mass, 2 × bytes)`.
    public static func minimumFee(for tx: Transaction, limits: MassLimits = .toccata) -> Sompi {
        minimumRelayFee(mass: feeMass(compute: ComputeMass.compute(tx), transient: ComputeMass.transient(tx), limits: limits))
    }

    /// A fee for a fee rate, rounded up to the next sompi. `rate` is in sompi per gram, as GetFeeEstimate reports it,
    /// applied to `max(compute, normalized transient, storage)` (`MutableTransaction::calculated_feerate`).
    public static func fee(rate: FeeRate, mass: UInt64) -> Sompi {
        rate.fee(forMass: mass)
    }
}

/// A fee rate in milli-sompi per gram, so that fee arithmetic stays in integers.
public struct FeeRate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var milliSompiPerGram: UInt64

    public init(milliSompiPerGram: UInt64) { self.milliSompiPerGram = milliSompiPerGram }

    /// From the node's floating-point sompi/gram estimate, rounded up to the next milli-sompi.
    public init(sompiPerGram: Double) {
        milliSompiPerGram = sompiPerGram <= 0 ? 0 : UInt64((sompiPerGram * 1000).rounded(.up))
    }

    public static let floor = FeeRate(milliSompiPerGram: Fees.minimumRelayFeePerKilogram)

    public func fee(forMass mass: UInt64) -> Sompi {
        let (product, overflow) = milliSompiPerGram.multipliedReportingOverflow(by: mass)
        return overflow ? Sompi.maxSupply : Sompi(min((product + 999) / 1000, Sompi.maxSupply.rawValue))
    }

    public static func < (a: FeeRate, b: FeeRate) -> Bool { a.milliSompiPerGram < b.milliSompiPerGram }
    public var description: String {
        "\(milliSompiPerGram / 1000).\(String(format: "%03d", milliSompiPerGram % 1000)) sompi/gram"
    }
}

