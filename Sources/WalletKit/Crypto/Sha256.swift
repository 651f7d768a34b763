import Crypto

/// SHA-256 (swift-crypto), streamable like the other Kaspa hashers.
public struct Sha256: HashWriter {
    private var inner = SHA256()
    public init() {}

    /// Kaspa's prefixed form `SHA256(SHA256(domain) || data)`, used for `TransactionSigningHashECDSA`
    /// (rusty-kaspa `crypto/hashes/src/hashers.rs`, `sha256_hasher!`).
    public init(domain: String) {
        self.init()
        write(Sha256.hash(Array(domain.utf8)).bytes)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) { inner.update(bufferPointer: bytes) }

    public func finalize() -> Hash32 {
        let digest = inner.finalize()
        return digest.withUnsafeBytes { Hash32(Array($0))! }
    }

    public static func hash(_ data: [UInt8]) -> Hash32 {
        var h = Sha256()
        h.write(data)
        return h.finalize()
    }
}
