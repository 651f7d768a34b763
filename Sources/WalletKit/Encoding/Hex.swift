/// Lowercase hexadecimal, the form every Kaspa JSON and RPC field uses for bytes (natural byte order, no `0x`).
public enum HexError: Error, Equatable, Sendable, CustomStringConvertible {
    case oddLength(Int)
    case invalidCharacter(Character, offset: Int)
    case wrongLength(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .oddLength(let n): return "hex string has an odd number of characters (\(n)); every byte takes two"
        case .invalidCharacter(let c, let offset): return "'\(c)' at position \(offset) is not a hexadecimal digit (0-9, a-f)"
        case .wrongLength(let expected, let got): return "expected \(expected) bytes (\(expected * 2) hex characters), got \(got) bytes"
        }
    }
}

public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ string: String) throws(HexError) -> [UInt8] {
        let utf8 = Array(string.utf8)
        guard utf8.count % 2 == 0 else { throw .oddLength(utf8.count) }
        var out = [UInt8](repeating: 0, count: utf8.count / 2)
        for i in 0..<out.count {
            let hi = try nibble(utf8[2 * i], offset: 2 * i, in: string)
            let lo = try nibble(utf8[2 * i + 1], offset: 2 * i + 1, in: string)
            out[i] = hi << 4 | lo
        }
        return out
    }

    /// Decodes and requires an exact byte length (hashes, keys).
    public static func decode(_ string: String, length: Int) throws(HexError) -> [UInt8] {
        let bytes = try decode(string)
        guard bytes.count == length else { throw .wrongLength(expected: length, got: bytes.count) }
        return bytes
    }

    private static func nibble(_ c: UInt8, offset: Int, in string: String) throws(HexError) -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default:
            let scalar = String(decoding: [c], as: UTF8.self).first ?? "?"
            throw .invalidCharacter(scalar, offset: offset)
        }
    }
}

extension Sequence where Element == UInt8 {
    /// Lowercase hex of these bytes.
    public var hex: String { Hex.encode(self) }
}
