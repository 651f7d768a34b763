import CSodium

/// BLAKE2b with a 32-byte digest, through libsodium's `crypto_generichash`.
///
/// Kaspa keys it with ASCII domain strings ("TransactionID", "BlockHash", ...) that are shorter than
/// libsodium's *recommended* 16-byte minimum; libsodium only rejects keys longer than 64 bytes, and the
/// hashers.json vectors confirm the short keys hash as rusty-kaspa does (`crypto/hashes/src/hashers.rs`).
/// Unkeyed, it is the P2SH script hash (`crypto/txscript/src/standard.rs`).
public struct Blake2b: HashWriter {
    private final class State {
        let pointer: UnsafeMutableRawPointer
        init() {
            // libsodium's state is declared 64-byte aligned; Swift cannot import it as a struct.
            pointer = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        }
        deinit { pointer.deallocate() }
        var opaque: OpaquePointer { OpaquePointer(pointer) }
    }

    private let state = State()
    private var finished = false

    /// - Parameter key: up to 64 bytes; empty means unkeyed.
    public init(key: [UInt8] = [], digestLength: Int = 32) {
        precondition(key.count <= 64 && digestLength >= 1 && digestLength <= 64)
        _ = sodiumReady
        self.digestLength = digestLength
        let opaque = state.opaque
        key.withUnsafeBufferPointer { k in
            _ = crypto_generichash_init(opaque, k.isEmpty ? nil : k.baseAddress, k.count, digestLength)
        }
    }

    public init(domain: String) { self.init(key: Array(domain.utf8)) }

    private let digestLength: Int

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(!finished, "Blake2b used after finalize")
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        _ = crypto_generichash_update(state.opaque, base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    public mutating func finalizeBytes() -> [UInt8] {
        finished = true
        var out = [UInt8](repeating: 0, count: digestLength)
        _ = crypto_generichash_final(state.opaque, &out, digestLength)
        return out
    }

    public mutating func finalize() -> Hash32 {
        precondition(digestLength == 32)
        return Hash32(finalizeBytes())!
    }

    /// One-shot BLAKE2b-256.
    public static func hash(_ data: [UInt8], key: [UInt8] = []) -> Hash32 {
        var h = Blake2b(key: key)
        h.write(data)
        return h.finalize()
    }
}

/// libsodium must be initialised once before use; `sodium_init` is idempotent and thread-safe.
let sodiumReady: Bool = { sodium_init() >= 0 }()
