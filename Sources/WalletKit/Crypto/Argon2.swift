import Foundation

/// Argon2id, version 0x13 (RFC 9106), written from the RFC.
///
/// libsodium's `crypto_pwhash` cannot serve Kaspa: it only runs one lane (the Go kaspawallet uses p = 8) and
/// only takes a 16-byte salt (rusty-kaspa salts with a 32-byte SHA-256). BLAKE2b comes from libsodium.
/// The lanes of each slice are filled concurrently (they only read blocks of finished slices).
public struct Argon2id: Sendable, Equatable {
    public let memoryKiB: UInt32
    public let iterations: UInt32
    public let parallelism: UInt32
    public let tagLength: Int

    public init(memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32, tagLength: Int = 32) throws(Argon2Error) {
        guard (1...0x00ff_ffff).contains(parallelism) else { throw .parameter("parallelism must be 1 to 2^24-1, got \(parallelism)") }
        guard iterations >= 1 else { throw .parameter("iterations must be at least 1") }
        guard UInt64(memoryKiB) >= 8 * UInt64(parallelism) else {
            throw .parameter("memory must be at least 8 KiB per lane (\(8 * parallelism) KiB), got \(memoryKiB) KiB")
        }
        guard tagLength >= 4 else { throw .parameter("output length must be at least 4 bytes, got \(tagLength)") }
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
        self.tagLength = tagLength
    }

    /// rusty-kaspa's `Argon2::default()` (argon2 0.5: m = 19456 KiB, t = 2, p = 1), `wallet/core/src/encryption.rs`.
    public static let rustyKaspaDefault = Argon2id(trusted: 19456, 2, 1, 32)

    /// The Go kaspawallet's mnemonic key (`wallet/core/src/compat/gen1.rs::decrypt_mnemonic`): t = 1, m = 64 MiB,
    /// p = the file's thread count (8 in version 1 files), 32 bytes.
    public static func goKaspawallet(threads: UInt32) throws(Argon2Error) -> Argon2id {
        try Argon2id(memoryKiB: 64 * 1024, iterations: 1, parallelism: threads, tagLength: 32)
    }

    private init(trusted m: UInt32, _ t: UInt32, _ p: UInt32, _ tag: Int) {
        memoryKiB = m; iterations = t; parallelism = p; tagLength = tag
    }

    /// The tag for `password` and `salt` (at least 8 bytes), with the optional secret key and associated data.
    public func hash(password: SecretBytes, salt: [UInt8], secret: SecretBytes? = nil, associatedData: [UInt8] = []) throws(Argon2Error) -> SecretBytes {
        guard salt.count >= 8 else { throw .parameter("salt must be at least 8 bytes, got \(salt.count)") }
        let lanes = Int(parallelism)
        let blocks = max(Int(memoryKiB), 8 * lanes) / (4 * lanes) * (4 * lanes)
        let memory = Argon2Memory(blocks: blocks, lanes: lanes)
        defer { memory.release() }

        // H0 = BLAKE2b-512 over the parameters and inputs, each length-prefixed (RFC 9106 §3.2).
        var h = Blake2b(digestLength: 64)
        for v in [parallelism, UInt32(tagLength), memoryKiB, iterations, 0x13, 2] { h.writeU32(v) }
        h.writeU32(UInt32(password.count))
        password.withUnsafeBytes { h.update($0) }
        h.writeU32(UInt32(salt.count))
        h.write(salt)
        h.writeU32(UInt32(secret?.count ?? 0))
        secret?.withUnsafeBytes { h.update($0) }
        h.writeU32(UInt32(associatedData.count))
        h.write(associatedData)
        var h0 = h.finalizeBytes()
        defer { SecretBytes.wipe(&h0) }

        for lane in 0..<lanes {
            for column in 0..<2 {
                var seed = h0
                seed += Argon2id.le32(UInt32(column)) + Argon2id.le32(UInt32(lane))
                var block = Argon2id.variableHash(seed, length: 1024)
                memory.load(block, into: lane * memory.laneLength + column)
                SecretBytes.wipe(&seed)
                SecretBytes.wipe(&block)
            }
        }
        for pass in 0..<Int(iterations) {
            for slice in 0..<4 {
                if lanes == 1 {
                    memory.fillSegment(pass: pass, slice: slice, lane: 0, passes: Int(iterations))
                } else {
                    DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                        memory.fillSegment(pass: pass, slice: slice, lane: lane, passes: Int(iterations))
                    }
                }
            }
        }
        var final = memory.finalBlockBytes()
        var tag = Argon2id.variableHash(final, length: tagLength)
        defer { SecretBytes.wipe(&final); SecretBytes.wipe(&tag) }
        return SecretBytes(tag)
    }

    static func le32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }

    /// H' (RFC 9106 §3.3): BLAKE2b with an output of any length, chaining 64-byte digests and keeping 32 bytes of each.
    static func variableHash(_ input: [UInt8], length: Int) -> [UInt8] {
        var first = Blake2b(digestLength: min(length, 64))
        first.writeU32(UInt32(length))
        first.write(input)
        var v = first.finalizeBytes()
        if length <= 64 { return v }
        var out: [UInt8] = []
        out.reserveCapacity(length)
        let r = (length + 31) / 32 - 2
        out += v[0..<32]
        for _ in 1..<r {
            var next = Blake2b(digestLength: 64)
            next.write(v)
            v = next.finalizeBytes()
            out += v[0..<32]
        }
        var last = Blake2b(digestLength: length - 32 * r)
        last.write(v)
        out += last.finalizeBytes()
        SecretBytes.wipe(&v)
        return out
    }
}

public enum Argon2Error: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case parameter(String)

    public var description: String {
        switch self {
        case .parameter(let why): return "Argon2id parameters rejected: \(why)"
        }
    }

    public var errorDescription: String? { description }
}
