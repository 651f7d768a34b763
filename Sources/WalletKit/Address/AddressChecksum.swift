/// Kaspa's CashAddr-style bech32 layer: 5-bit conversion and the 40-bit polymod checksum
/// (rusty-kaspa `crypto/addresses/src/bech32.rs`).
public enum AddressChecksum {
    static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    /// Lowercase only: an uppercase letter maps to "invalid", as in rusty-kaspa's `REV_CHARSET`.
    static let reverse: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (i, c) in charset.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    static func polymod(_ values: [UInt8]) -> UInt64 {
        var c: UInt64 = 1
        for d in values {
            let c0 = c >> 35
            c = ((c & 0x07_ffff_ffff) << 5) ^ UInt64(d)
            if c0 & 0x01 != 0 { c ^= 0x98_f2bc_8e61 }
            if c0 & 0x02 != 0 { c ^= 0x79_b76d_99e2 }
            if c0 & 0x04 != 0 { c ^= 0xf3_3e5f_b3c4 }
            if c0 & 0x08 != 0 { c ^= 0xae_2eab_e2a8 }
            if c0 & 0x10 != 0 { c ^= 0x1e_4f43_e470 }
        }
        return c ^ 1
    }

    /// 8-bit bytes to 5-bit groups, MSB first, right-padding the last group with zeros.
    static func to5Bits(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((data.count * 8 + 4) / 5)
        var acc: UInt32 = 0, bits = 0
        for b in data {
            acc = acc << 8 | UInt32(b)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(UInt8((acc >> UInt32(bits)) & 31))
            }
        }
        if bits > 0 { out.append(UInt8((acc << UInt32(5 - bits)) & 31)) }
        return out
    }

    /// 5-bit groups back to bytes; leftover padding bits are dropped.
    static func to8Bits(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var acc: UInt32 = 0, bits = 0
        for d in data {
            acc = acc << 5 | UInt32(d)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> UInt32(bits)) & 0xff))
            }
        }
        return out
    }

    static func checksum(prefix: String, data5: [UInt8]) -> UInt64 {
        polymod(prefix.utf8.map { $0 & 0x1f } + [0] + data5 + [UInt8](repeating: 0, count: 8))
    }

    /// Encodes `version || payload` under any prefix (the test-only prefixes included).
    public static func encode(prefix: String, version: UInt8, payload: [UInt8]) -> String {
        let data5 = to5Bits([version] + payload)
        let sum = checksum(prefix: prefix, data5: data5)
        var sumBytes: [UInt8] = []
        for i in (0..<5).reversed() { sumBytes.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i)))) }
        let chars = (data5 + to5Bits(sumBytes)).map { charset[Int($0)] }
        return prefix + ":" + String(decoding: chars, as: UTF8.self)
    }

    /// Decodes the part after the colon into `(version, payload)`, checking characters and checksum only.
    public static func decode(prefix: String, body: String) throws(AddressError) -> (version: UInt8, payload: [UInt8]) {
        var values: [UInt8] = []
        values.reserveCapacity(body.utf8.count)
        for (offset, scalar) in body.unicodeScalars.enumerated() {
            guard scalar.value < 128, reverse[Int(scalar.value)] >= 0 else {
                throw .invalidCharacter(Character(scalar), offset: prefix.count + 1 + offset)
            }
            values.append(UInt8(reverse[Int(scalar.value)]))
        }
        guard values.count >= 8 else { throw .tooShort(values.count) }
        let data5 = Array(values.dropLast(8))
        let sum5 = Array(values.suffix(8))
        let expected = checksum(prefix: prefix, data5: data5)
        let given = to8Bits(sum5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard expected == given else { throw .badChecksum }
        let data = to8Bits(data5)
        guard let version = data.first else { throw .tooShort(values.count) }
        return (version, Array(data.dropFirst()))
    }
}
