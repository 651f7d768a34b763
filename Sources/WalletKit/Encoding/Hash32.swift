/// A 32-byte hash (transaction id, covenant id, sighash, ...), in natural byte order:
/// its hex is exactly the bytes that are hashed and serialized (Kaspa does not reverse hashes).
public struct Hash32: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public typealias Storage = (UInt64, UInt64, UInt64, UInt64)
    public var storage: Storage

    public static let zero = Hash32(storage: (0, 0, 0, 0))

    public init(storage: Storage) { self.storage = storage }

    /// `bytes` must hold exactly 32 bytes.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var s: Storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &s) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        storage = s
    }

    public init(hex: String) throws(HexError) {
        let b = try Hex.decode(hex, length: 32)
        self.init(b)!
    }

    public var bytes: [UInt8] { withUnsafeBytes(of: storage) { Array($0) } }
    public var hex: String { withUnsafeBytes(of: storage) { Hex.encode($0) } }
    public var description: String { hex }
    public var isZero: Bool { storage == (0, 0, 0, 0) }

    public static func == (a: Hash32, b: Hash32) -> Bool { a.storage == b.storage }
    public func hash(into h: inout Hasher) {
        h.combine(storage.0); h.combine(storage.1); h.combine(storage.2); h.combine(storage.3)
    }
    /// Byte-wise (lexicographic) order of the natural bytes, the order SQLite gives a BLOB column: each word
    /// read as the big-endian number its 8 bytes spell, compared most significant first (no byte arrays built).
    public static func < (a: Hash32, b: Hash32) -> Bool {
        let x = a.storage, y = b.storage
        if x.0 != y.0 { return UInt64(bigEndian: x.0) < UInt64(bigEndian: y.0) }
        if x.1 != y.1 { return UInt64(bigEndian: x.1) < UInt64(bigEndian: y.1) }
        if x.2 != y.2 { return UInt64(bigEndian: x.2) < UInt64(bigEndian: y.2) }
        return UInt64(bigEndian: x.3) < UInt64(bigEndian: y.3)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { try self.init(hex: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a 32-byte hash: \(error)")
        }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }
}
