/// Base58 and Base58Check (Bitcoin alphabet), the string form of BIP32 extended keys.
public enum Base58Error: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidCharacter(Character, offset: Int)
    case tooShort
    case badChecksum

    public var description: String {
        switch self {
        case .invalidCharacter(let c, let o): return "'\(c)' at position \(o) is not a base58 character"
        case .tooShort: return "base58check data is shorter than its 4-byte checksum"
        case .badChecksum: return "base58check checksum does not match (a character is wrong or missing)"
        }
    }
}

public enum Base58 {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let reverse: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits: [UInt8] = []  // base-58 digits, little-endian
        for byte in bytes.dropFirst(zeros) {
            var carry = Int(byte)
            for i in 0..<digits.count {
                carry += Int(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 { digits.append(UInt8(carry % 58)); carry /= 58 }
        }
        let chars = [UInt8](repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: chars, as: UTF8.self)
    }

    public static func decode(_ string: String) throws(Base58Error) -> [UInt8] {
        let utf8 = Array(string.utf8)
        let zeros = utf8.prefix { $0 == alphabet[0] }.count
        var bytes: [UInt8] = []  // little-endian base-256
        for (offset, c) in utf8.enumerated().dropFirst(zeros) {
            guard c < 128, reverse[Int(c)] >= 0 else {
                throw .invalidCharacter(Character(Unicode.Scalar(c)), offset: offset)
            }
            var carry = Int(reverse[Int(c)])
            for i in 0..<bytes.count {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xff)
                carry >>= 8
            }
            while carry > 0 { bytes.append(UInt8(carry & 0xff)); carry >>= 8 }
        }
        return [UInt8](repeating: 0, count: zeros) + bytes.reversed()
    }

    public static func encodeCheck(_ payload: [UInt8]) -> String {
        encode(payload + checksum(payload))
    }

    public static func decodeCheck(_ string: String) throws(Base58Error) -> [UInt8] {
        let raw = try decode(string)
        guard raw.count >= 4 else { throw .tooShort }
        let payload = Array(raw.dropLast(4))
        guard checksum(payload) == Array(raw.suffix(4)) else { throw .badChecksum }
        return payload
    }

    private static func checksum(_ payload: [UInt8]) -> [UInt8] {
        Array(Sha256.hash(Sha256.hash(payload).bytes).bytes.prefix(4))
    }
}
