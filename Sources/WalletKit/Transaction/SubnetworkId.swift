/// A 20-byte subnetwork id (`consensus/core/src/subnets.rs`). Native for wallet transactions;
/// KIP-21 user lanes are `namespace(4) || 16 zero bytes`, allowed in v1 only.
public struct SubnetworkId: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public static let native = SubnetworkId(trusted: [UInt8](repeating: 0, count: 20))
    public static let coinbase = SubnetworkId(trusted: [1] + [UInt8](repeating: 0, count: 19))

    init(trusted: [UInt8]) { bytes = trusted }

    public init(bytes: [UInt8]) throws(HexError) {
        guard bytes.count == 20 else { throw .wrongLength(expected: 20, got: bytes.count) }
        self.bytes = bytes
    }

    public init(hex: String) throws(HexError) {
        try self.init(bytes: try Hex.decode(hex, length: 20))
    }

    public var isNative: Bool { self == .native }
    public var description: String { bytes.hex }

    /// KIP-21 user lane: bytes 4... are zero and at least one of bytes 1...3 is not.
    public var isUserLane: Bool {
        bytes[4...].allSatisfy { $0 == 0 } && bytes[1...3].contains { $0 != 0 }
    }

    /// Any other `x || 19 zero bytes` than native and coinbase is reserved and invalid.
    public var isReservedBuiltin: Bool {
        bytes[1...].allSatisfy { $0 == 0 } && bytes[0] > 1
    }
}
