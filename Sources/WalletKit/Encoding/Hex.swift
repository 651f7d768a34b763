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
        // Contiguous bytes (arrays, hashes) are written straight into the string's storage: protowire carries
        // every hash and script as hex, so a busy node or client encodes hundreds of thousands a second.
        if let fast = bytes.withContiguousStorageIfAvailable({ encode(UnsafeRawBufferPointer($0)) }) { return fast }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            digits.withUnsafeBufferPointer { digits in
                for (i, b) in bytes.enumerated() {
                    out[2 * i] = digits[Int(b >> 4)]
                    out[2 * i + 1] = digits[Int(b & 0x0f)]
                }
            }
            return bytes.count * 2
        }
    }

    /// Each byte's value as a hex digit, 0xff when it is not one.
    private static let values: [UInt8] = (0...255).map { c in (try? nibble(UInt8(c), offset: 0, in: "")) ?? 0xff }

    public static func decode(_ string: String) throws(HexError) -> [UInt8] {
        // The common case, valid hex in a native string, in one pass over its bytes; anything else (an error to
        // describe, or a string without contiguous UTF-8, as bridged strings on Darwin can be) takes the checked
        // path below.
        if let bytes = string.utf8.withContiguousStorageIfAvailable({ decodeValid($0) }), let bytes { return bytes }
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

    /// The bytes of valid hex, nil for anything else.
    private static func decodeValid(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard utf8.count % 2 == 0 else { return nil }
        var valid = true
        let bytes = [UInt8](unsafeUninitializedCapacity: utf8.count / 2) { out, count in
            values.withUnsafeBufferPointer { values in
                for i in 0..<(utf8.count / 2) {
                    let hi = values[Int(utf8[2 * i])], lo = values[Int(utf8[2 * i + 1])]
                    guard hi < 16, lo < 16 else {
                        valid = false
                        break
                    }
                    out[i] = hi << 4 | lo
                }
            }
            count = valid ? utf8.count / 2 : 0
        }
        return valid ? bytes : nil
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
