import Foundation

/// The sighash type byte (`consensus/core/src/hashing/sighash_type.rs`).
public struct SigHashType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public static let all = SigHashType(trusted: 0x01)
    public static let none = SigHashType(trusted: 0x02)
    public static let single = SigHashType(trusted: 0x04)
    public static let allAnyoneCanPay = SigHashType(trusted: 0x81)
    public static let noneAnyoneCanPay = SigHashType(trusted: 0x82)
    public static let singleAnyoneCanPay = SigHashType(trusted: 0x84)

    public static let allValid: [SigHashType] = [.all, .none, .single, .allAnyoneCanPay, .noneAnyoneCanPay, .singleAnyoneCanPay]

    private init(trusted: UInt8) { rawValue = trusted }

    /// Only the six standard combinations are valid; anything else is `InvalidSigHashType`.
    public init?(rawValue: UInt8) {
        guard [0x01, 0x02, 0x04, 0x81, 0x82, 0x84].contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    static let mask: UInt8 = 0x07
    public var isAnyoneCanPay: Bool { rawValue & 0x80 != 0 }
    public var isNone: Bool { rawValue & Self.mask == 0x02 }
    public var isSingle: Bool { rawValue & Self.mask == 0x04 }

    public var name: String {
        let base = isNone ? "None" : isSingle ? "Single" : "All"
        return isAnyoneCanPay ? base + "AnyOneCanPay" : base
    }
    public var description: String { name }

    /// Accepts "all", "none", "single", with an optional "-anyonecanpay"/"AnyOneCanPay" suffix.
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        guard let t = Self.allValid.first(where: { $0.name.lowercased() == n }) else { return nil }
        self = t
    }
}

