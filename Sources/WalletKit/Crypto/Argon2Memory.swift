import CSodium
import Foundation

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
