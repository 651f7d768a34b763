/// An amount of money in sompi (1 KAS = 100,000,000 sompi). Never floating point.
public struct Sompi: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: UInt64

    public static let perKas: UInt64 = 100_000_000
    /// Maximum supply, 29 billion KAS (`consensus/core/src/constants.rs`, `MAX_SOMPI`).
    public static let maxSupply = Sompi(29_000_000_000 * perKas)
    public static let zero = Sompi(0)

    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ value: UInt64) { rawValue = value }
    public init(integerLiteral value: UInt64) { rawValue = value }

    public static func < (a: Sompi, b: Sompi) -> Bool { a.rawValue < b.rawValue }

    /// Sum that reports overflow instead of trapping.
    public func adding(_ other: Sompi) -> Sompi? {
        let (sum, overflow) = rawValue.addingReportingOverflow(other.rawValue)
        return overflow ? nil : Sompi(sum)
    }

    public func subtracting(_ other: Sompi) -> Sompi? {
        other.rawValue > rawValue ? nil : Sompi(rawValue - other.rawValue)
    }

    /// The amount in KAS with exactly 8 decimals, e.g. "12.34567890".
    public var kasString: String { KasAmount.format(self) }
    public var description: String { "\(kasString) KAS" }

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(UInt64.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

extension Sequence where Element == Sompi {
    /// Total, or nil on overflow.
    public func checkedSum() -> Sompi? {
        var total = Sompi.zero
        for v in self {
            guard let t = total.adding(v) else { return nil }
            total = t
        }
        return total
    }
}
