import Foundation

/// One BIP32 path step: an index below 2^31, hardened or not (rusty-kaspa `wallet/bip32/src/child_number.rs`).
public struct ChildNumber: Hashable, Sendable, CustomStringConvertible {
    public static let hardenedBit: UInt32 = 0x8000_0000

    /// The raw 32-bit value serialized into keys and HMAC data (`ser32(i)`): the index with bit 31 set if hardened.
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `index` must be below 2^31.
    public init(_ index: UInt32, hardened: Bool = false) throws(ExtendedKeyError) {
        guard index < ChildNumber.hardenedBit else { throw .indexOutOfRange(index) }
        rawValue = hardened ? index | ChildNumber.hardenedBit : index
    }

    /// For indices the code itself chooses (constants below 2^31).
    static func known(_ index: UInt32, hardened: Bool) -> ChildNumber {
        precondition(index < hardenedBit)
        return ChildNumber(rawValue: hardened ? index | hardenedBit : index)
    }

    public var index: UInt32 { rawValue & ~ChildNumber.hardenedBit }
    public var isHardened: Bool { rawValue & ChildNumber.hardenedBit != 0 }

    /// Big-endian bytes, as in the HMAC data and the 78-byte serialization.
    var bytes: [UInt8] { [UInt8(rawValue >> 24), UInt8(rawValue >> 16 & 0xff), UInt8(rawValue >> 8 & 0xff), UInt8(rawValue & 0xff)] }

    public var description: String { isHardened ? "\(index)'" : "\(index)" }
}

/// A BIP32 path such as `m/44'/111111'/0'/0/5` (rusty-kaspa `wallet/bip32/src/derivation_path.rs`).
/// Hardened steps are written with `'`; `h` and `H` are accepted on input too.
public struct DerivationPath: Hashable, Sendable, CustomStringConvertible, Codable {
    public var components: [ChildNumber]

    public init(_ components: [ChildNumber] = []) { self.components = components }

    public init(_ text: String) throws(DerivationPathError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let root = parts.first, root == "m" || root == "M" else { throw .missingRoot(text) }
        var components: [ChildNumber] = []
        for (offset, part) in parts.dropFirst().enumerated() {
            let position = offset + 1
            guard !part.isEmpty else { throw .emptyComponent(component: position) }
            var digits = Substring(part)
            var hardened = false
            if let last = digits.last, last == "'" || last == "h" || last == "H" {
                hardened = true
                digits = digits.dropLast()
            }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .invalidComponent(component: position, text: String(part))
            }
            guard let index = UInt32(digits), index < ChildNumber.hardenedBit else {
                throw .indexOutOfRange(component: position, text: String(part))
            }
            components.append(ChildNumber(rawValue: hardened ? index | ChildNumber.hardenedBit : index))
        }
        self.components = components
    }

    public var description: String {
        (["m"] + components.map(\.description)).joined(separator: "/")
    }

    public var isEmpty: Bool { components.isEmpty }

    public func appending(_ child: ChildNumber) -> DerivationPath { DerivationPath(components + [child]) }
    public func appending(_ other: DerivationPath) -> DerivationPath { DerivationPath(components + other.components) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

public enum DerivationPathError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case missingRoot(String)
    /// `component` counts the steps after `m`, from 1.
    case emptyComponent(component: Int)
    case invalidComponent(component: Int, text: String)
    case indexOutOfRange(component: Int, text: String)

    public var description: String {
        switch self {
        case .missingRoot(let text):
            return "derivation path '\(text)' must start with 'm', e.g. m/44'/111111'/0'/0/5"
        case .emptyComponent(let n):
            return "derivation path step \(n) is empty (two '/' in a row or a trailing '/')"
        case .invalidComponent(let n, let text):
            return "derivation path step \(n) '\(text)' is not a number with an optional ' (hardened)"
        case .indexOutOfRange(let n, let text):
            return "derivation path step \(n) '\(text)' is too large: an index must be below 2147483648 (2^31)"
        }
    }

    public var errorDescription: String? { description }
}
