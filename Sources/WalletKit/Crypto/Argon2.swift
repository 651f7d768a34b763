import CSodium
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

/// The Argon2 memory matrix: `lanes` rows of `laneLength` 1 KiB blocks (128 little-endian u64 words each),
/// plus, per lane, scratch blocks for the compression function and the data-independent address stream.
/// Unchecked Sendable: within a slice each lane writes only its own segment and scratch, and reads blocks
/// that no concurrent segment writes (RFC 9106 §3.4: references never point into the current slice of
/// another lane).
final class Argon2Memory: @unchecked Sendable {
    static let words = 128
    let lanes: Int
    let laneLength: Int
    let segmentLength: Int
    private let blockCount: Int
    private let base: UnsafeMutablePointer<UInt64>
    private let scratch: UnsafeMutablePointer<UInt64>  // per lane: r, tmp, address, input, zero
    private static let scratchBlocks = 5

    init(blocks: Int, lanes: Int) {
        self.lanes = lanes
        blockCount = blocks
        laneLength = blocks / lanes
        segmentLength = laneLength / 4
        base = .allocate(capacity: blocks * Argon2Memory.words)
        base.initialize(repeating: 0, count: blocks * Argon2Memory.words)
        scratch = .allocate(capacity: lanes * Argon2Memory.scratchBlocks * Argon2Memory.words)
        scratch.initialize(repeating: 0, count: lanes * Argon2Memory.scratchBlocks * Argon2Memory.words)
    }

    /// Wipes and frees everything (the matrix holds password-derived data).
    func release() {
        sodium_memzero(base, blockCount * Argon2Memory.words * 8)
        sodium_memzero(scratch, lanes * Argon2Memory.scratchBlocks * Argon2Memory.words * 8)
        base.deallocate()
        scratch.deallocate()
    }

    private func block(_ index: Int) -> UnsafeMutablePointer<UInt64> { base + index * Argon2Memory.words }
    private func scratch(lane: Int) -> UnsafeMutablePointer<UInt64> { scratch + lane * Argon2Memory.scratchBlocks * Argon2Memory.words }

    func load(_ bytes: [UInt8], into index: Int) {
        let b = block(index)
        bytes.withUnsafeBytes { raw in
            for w in 0..<Argon2Memory.words { b[w] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * w, as: UInt64.self)) }
        }
    }

    /// XOR of the last block of every lane, as bytes.
    func finalBlockBytes() -> [UInt8] {
        let acc = scratch(lane: 0)
        acc.update(from: block(laneLength - 1), count: Argon2Memory.words)
        for lane in 1..<lanes {
            let b = block(lane * laneLength + laneLength - 1)
            for w in 0..<Argon2Memory.words { acc[w] ^= b[w] }
        }
        var out = [UInt8](repeating: 0, count: 1024)
        out.withUnsafeMutableBytes { raw in
            for w in 0..<Argon2Memory.words { raw.storeBytes(of: acc[w].littleEndian, toByteOffset: 8 * w, as: UInt64.self) }
        }
        return out
    }

    /// Fills one segment (a quarter of a lane) in one pass (RFC 9106 §3.4).
    func fillSegment(pass: Int, slice: Int, lane: Int, passes: Int) {
        let words = Argon2Memory.words
        let work = scratch(lane: lane)
        let address = work + 2 * words, input = work + 3 * words, zero = work + 4 * words
        // Argon2id: the first half of the first pass uses data-independent (Argon2i) addressing.
        let independent = pass == 0 && slice < 2
        if independent {
            input.update(repeating: 0, count: words)
            zero.update(repeating: 0, count: words)
            input[0] = UInt64(pass); input[1] = UInt64(lane); input[2] = UInt64(slice)
            input[3] = UInt64(blockCount); input[4] = UInt64(passes); input[5] = 2  // type: Argon2id
        }
        var start = 0
        if pass == 0 && slice == 0 {
            start = 2  // the first two blocks of each lane come from H0
            if independent { nextAddresses(address: address, input: input, zero: zero, work: work) }
        }
        var current = lane * laneLength + slice * segmentLength + start
        var previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1
        for i in start..<segmentLength {
            if current % laneLength == 1 { previous = current - 1 }
            let random: UInt64
            if independent {
                if i % words == 0 { nextAddresses(address: address, input: input, zero: zero, work: work) }
                random = address[i % words]
            } else {
                random = block(previous)[0]
            }
            let refLane = pass == 0 && slice == 0 ? lane : Int((random >> 32) % UInt64(lanes))
            let refIndex = referenceIndex(pass: pass, slice: slice, index: i, sameLane: refLane == lane, j1: random & 0xffff_ffff)
            compress(block(previous), block(refLane * laneLength + refIndex), into: block(current), xor: pass > 0, work: work)
            current += 1
            previous += 1
        }
    }

    /// The block a position references within the chosen lane (RFC 9106 §3.4.2, "mapping J1 to an index").
    private func referenceIndex(pass: Int, slice: Int, index: Int, sameLane: Bool, j1: UInt64) -> Int {
        let area: Int
        if pass == 0 {
            if slice == 0 {
                area = index - 1
            } else if sameLane {
                area = slice * segmentLength + index - 1
            } else {
                area = slice * segmentLength - (index == 0 ? 1 : 0)
            }
        } else {
            area = sameLane ? laneLength - segmentLength + index - 1 : laneLength - segmentLength - (index == 0 ? 1 : 0)
        }
        let x = (j1 &* j1) >> 32
        let y = (UInt64(area) &* x) >> 32
        let relative = UInt64(area) - 1 - y
        let startPosition = pass == 0 || slice == 3 ? 0 : (slice + 1) * segmentLength
        return (startPosition + Int(relative)) % laneLength
    }

    /// The next 128 data-independent pseudo-random values: G(0, G(0, input)) after bumping the counter.
    private func nextAddresses(address: UnsafeMutablePointer<UInt64>, input: UnsafeMutablePointer<UInt64>,
                               zero: UnsafeMutablePointer<UInt64>, work: UnsafeMutablePointer<UInt64>) {
        input[6] &+= 1
        compress(zero, input, into: address, xor: false, work: work)
        compress(zero, address, into: address, xor: false, work: work)
    }

    /// The compression function G (RFC 9106 §3.5): R = X ^ Y, P over the 8 rows then the 8 columns of R
    /// (seen as 8x8 16-byte registers), result = P(R) ^ R, XORed into the old block on later passes.
    private func compress(_ x: UnsafeMutablePointer<UInt64>, _ y: UnsafeMutablePointer<UInt64>, into out: UnsafeMutablePointer<UInt64>,
                          xor: Bool, work: UnsafeMutablePointer<UInt64>) {
        let words = Argon2Memory.words
        let r = work, tmp = work + words
        for w in 0..<words { r[w] = x[w] ^ y[w] }
        if xor {
            for w in 0..<words { tmp[w] = r[w] ^ out[w] }
        } else {
            tmp.update(from: r, count: words)
        }
        for row in 0..<8 {
            let o = 16 * row
            Argon2Memory.permute(r, o, o + 1, o + 2, o + 3, o + 4, o + 5, o + 6, o + 7,
                                 o + 8, o + 9, o + 10, o + 11, o + 12, o + 13, o + 14, o + 15)
        }
        for column in 0..<8 {
            let o = 2 * column
            Argon2Memory.permute(r, o, o + 1, o + 16, o + 17, o + 32, o + 33, o + 48, o + 49,
                                 o + 64, o + 65, o + 80, o + 81, o + 96, o + 97, o + 112, o + 113)
        }
        for w in 0..<words { out[w] = tmp[w] ^ r[w] }
    }

    /// P: one BLAKE2b round without message words, on the 16 words at the given indices.
    @inline(__always)
    private static func permute(_ v: UnsafeMutablePointer<UInt64>, _ i0: Int, _ i1: Int, _ i2: Int, _ i3: Int,
                                _ i4: Int, _ i5: Int, _ i6: Int, _ i7: Int, _ i8: Int, _ i9: Int, _ i10: Int,
                                _ i11: Int, _ i12: Int, _ i13: Int, _ i14: Int, _ i15: Int) {
        mix(v, i0, i4, i8, i12); mix(v, i1, i5, i9, i13); mix(v, i2, i6, i10, i14); mix(v, i3, i7, i11, i15)
        mix(v, i0, i5, i10, i15); mix(v, i1, i6, i11, i12); mix(v, i2, i7, i8, i13); mix(v, i3, i4, i9, i14)
    }

    /// GB: BLAKE2b's G with the multiplications Argon2 adds (`a + b + 2 * lo32(a) * lo32(b)`).
    @inline(__always)
    private static func mix(_ v: UnsafeMutablePointer<UInt64>, _ ia: Int, _ ib: Int, _ ic: Int, _ id: Int) {
        var a = v[ia], b = v[ib], c = v[ic], d = v[id]
        a = a &+ b &+ 2 &* (a & 0xffff_ffff) &* (b & 0xffff_ffff)
        d = rotr(d ^ a, 32)
        c = c &+ d &+ 2 &* (c & 0xffff_ffff) &* (d & 0xffff_ffff)
        b = rotr(b ^ c, 24)
        a = a &+ b &+ 2 &* (a & 0xffff_ffff) &* (b & 0xffff_ffff)
        d = rotr(d ^ a, 16)
        c = c &+ d &+ 2 &* (c & 0xffff_ffff) &* (d & 0xffff_ffff)
        b = rotr(b ^ c, 63)
        v[ia] = a; v[ib] = b; v[ic] = c; v[id] = d
    }

    @inline(__always)
    private static func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }
}
