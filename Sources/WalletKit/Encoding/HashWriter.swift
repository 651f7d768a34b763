/// Something bytes can be streamed into: a hash function or a plain buffer.
///
/// The integer and length encodings below are Kaspa's `HasherExtensions`
/// (rusty-kaspa `consensus/core/src/hashing/mod.rs`): integers little-endian, lengths as u64 LE,
/// byte strings as a u64-LE length followed by the bytes, booleans as one byte.
public protocol HashWriter {
    mutating func update(_ bytes: UnsafeRawBufferPointer)
}

extension HashWriter {
    @inlinable public mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }
    @inlinable public mutating func write(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { update($0) }
    }
    @inlinable public mutating func write(_ hash: Hash32) {
        withUnsafeBytes(of: hash.storage) { update($0) }
    }
    @inlinable public mutating func writeU8(_ v: UInt8) {
        withUnsafeBytes(of: v) { update($0) }
    }
    @inlinable public mutating func writeU16(_ v: UInt16) {
        withUnsafeBytes(of: v.littleEndian) { update($0) }
    }
    @inlinable public mutating func writeU32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { update($0) }
    }
    @inlinable public mutating func writeU64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { update($0) }
    }
    @inlinable public mutating func writeBool(_ v: Bool) {
        writeU8(v ? 1 : 0)
    }
    /// `write_len`: a length as u64 LE.
    @inlinable public mutating func writeLength(_ n: Int) {
        writeU64(UInt64(n))
    }
    /// `write_var_bytes`: u64-LE length, then the bytes.
    @inlinable public mutating func writeVarBytes(_ bytes: [UInt8]) {
        writeLength(bytes.count)
        write(bytes)
    }
}

/// Collects written bytes: used for preimages (debugging, tests) and byte-exact serialization.
public struct ByteBuffer: HashWriter, Sendable {
    public private(set) var bytes: [UInt8] = []
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }
    public mutating func update(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }
}
