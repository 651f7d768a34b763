/// BLAKE3 (hash and keyed hash, streaming), in Swift: Debian ships no C library for it.
///
/// Kaspa uses keyed BLAKE3 with the ASCII domain zero-padded to 32 bytes as the key
/// (`PayloadDigest`, `TransactionRest`, `TransactionV1Id`, `SeqCommit*`; rusty-kaspa
/// `crypto/hashes/src/hashers.rs`). Written from the BLAKE3 specification; checked against the
/// official BLAKE3 test vectors and hashers.json.
public struct Blake3: HashWriter {
    static let iv: [UInt32] = [0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A,
                               0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19]
    static let chunkStart: UInt32 = 1, chunkEnd: UInt32 = 2, parent: UInt32 = 4, root: UInt32 = 8
    static let keyedHash: UInt32 = 16, deriveKeyContext: UInt32 = 32, deriveKeyMaterial: UInt32 = 64
    static let blockLength = 64, chunkLength = 1024

    private let key: [UInt32]
    private let flags: UInt32
    private var chunk: ChunkState
    private var stack: [[UInt32]] = []

    /// Plain BLAKE3.
    public init() { self.init(keyWords: Blake3.iv, flags: 0) }

    /// Keyed BLAKE3; `key` must be 32 bytes.
    public init(key: [UInt8]) {
        precondition(key.count == 32, "BLAKE3 keys are 32 bytes")
        self.init(keyWords: Blake3.words(key, count: 8), flags: Blake3.keyedHash)
    }

    /// Kaspa's domain-keyed form: the ASCII domain right-padded with zeros to 32 bytes.
    public init(domain: String) {
        var key = Array(domain.utf8)
        precondition(key.count <= 32)
        key += [UInt8](repeating: 0, count: 32 - key.count)
        self.init(key: key)
    }

    /// The key-derivation mode (used by the official vectors).
    public static func deriveKey(context: String, material: [UInt8], length: Int) -> [UInt8] {
        var ctx = Blake3(keyWords: iv, flags: deriveKeyContext)
        ctx.write(Array(context.utf8))
        let contextKey = ctx.finalizeBytes(length: 32)
        var h = Blake3(keyWords: words(contextKey, count: 8), flags: deriveKeyMaterial)
        h.write(material)
        return h.finalizeBytes(length: length)
    }

    private init(keyWords: [UInt32], flags: UInt32) {
        key = keyWords
        self.flags = flags
        chunk = ChunkState(key: keyWords, counter: 0, flags: flags)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            if chunk.length == Blake3.chunkLength {
                let cv = chunk.output().chainingValue()
                let total = chunk.counter + 1
                addChunkChainingValue(cv, totalChunks: total)
                chunk = ChunkState(key: key, counter: total, flags: flags)
            }
            let take = min(Blake3.chunkLength - chunk.length, bytes.count - offset)
            chunk.update(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + take]))
            offset += take
        }
    }

    private mutating func addChunkChainingValue(_ cv: [UInt32], totalChunks: UInt64) {
        // Merge completed subtrees: one merge per trailing zero bit of the chunk count.
        var cv = cv
        var total = totalChunks
        while total & 1 == 0 {
            cv = Output.parent(left: stack.removeLast(), right: cv, key: key, flags: flags).chainingValue()
            total >>= 1
        }
        stack.append(cv)
    }

    public func finalizeBytes(length: Int = 32) -> [UInt8] {
        var output = chunk.output()
        var remaining = stack.count
        while remaining > 0 {
            remaining -= 1
            output = Output.parent(left: stack[remaining], right: output.chainingValue(), key: key, flags: flags)
        }
        return output.rootBytes(length: length)
    }

    public func finalize() -> Hash32 { Hash32(finalizeBytes(length: 32))! }

    public static func hash(_ data: [UInt8], domain: String) -> Hash32 {
        var h = Blake3(domain: domain)
        h.write(data)
        return h.finalize()
    }

    // MARK: - Internals

    static func words(_ bytes: [UInt8], count: Int) -> [UInt32] {
        (0..<count).map { i in
            UInt32(bytes[4 * i]) | UInt32(bytes[4 * i + 1]) << 8 | UInt32(bytes[4 * i + 2]) << 16 | UInt32(bytes[4 * i + 3]) << 24
        }
    }

    private static let permutation = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8]

    @inline(__always)
    private static func g(_ s: inout [UInt32], _ a: Int, _ b: Int, _ c: Int, _ d: Int, _ x: UInt32, _ y: UInt32) {
        s[a] = s[a] &+ s[b] &+ x
        s[d] = (s[d] ^ s[a]).rotatedRight(16)
        s[c] = s[c] &+ s[d]
        s[b] = (s[b] ^ s[c]).rotatedRight(12)
        s[a] = s[a] &+ s[b] &+ y
        s[d] = (s[d] ^ s[a]).rotatedRight(8)
        s[c] = s[c] &+ s[d]
        s[b] = (s[b] ^ s[c]).rotatedRight(7)
    }

    /// The compression function: 7 rounds over a 16-word state; returns all 16 output words.
    static func compress(cv: [UInt32], block: [UInt32], counter: UInt64, blockLength: UInt32, flags: UInt32) -> [UInt32] {
        var s = [cv[0], cv[1], cv[2], cv[3], cv[4], cv[5], cv[6], cv[7],
                 iv[0], iv[1], iv[2], iv[3],
                 UInt32(truncatingIfNeeded: counter), UInt32(truncatingIfNeeded: counter >> 32), blockLength, flags]
        var m = block
        for round in 0..<7 {
            g(&s, 0, 4, 8, 12, m[0], m[1]); g(&s, 1, 5, 9, 13, m[2], m[3])
            g(&s, 2, 6, 10, 14, m[4], m[5]); g(&s, 3, 7, 11, 15, m[6], m[7])
            g(&s, 0, 5, 10, 15, m[8], m[9]); g(&s, 1, 6, 11, 12, m[10], m[11])
            g(&s, 2, 7, 8, 13, m[12], m[13]); g(&s, 3, 4, 9, 14, m[14], m[15])
            if round < 6 { m = permutation.map { m[$0] } }
        }
        for i in 0..<8 {
            s[i] ^= s[i + 8]
            s[i + 8] ^= cv[i]
        }
        return s
    }

    struct Output {
        var cv: [UInt32]
        var block: [UInt32]
        var counter: UInt64
        var blockLength: UInt32
        var flags: UInt32

        func chainingValue() -> [UInt32] {
            Array(Blake3.compress(cv: cv, block: block, counter: counter, blockLength: blockLength, flags: flags)[0..<8])
        }

        func rootBytes(length: Int) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(length)
            var blockCounter: UInt64 = 0
            while out.count < length {
                let words = Blake3.compress(cv: cv, block: block, counter: blockCounter, blockLength: blockLength,
                                            flags: flags | Blake3.root)
                for w in words {
                    for shift in stride(from: 0, to: 32, by: 8) where out.count < length {
                        out.append(UInt8(truncatingIfNeeded: w >> UInt32(shift)))
                    }
                }
                blockCounter += 1
            }
            return out
        }

        static func parent(left: [UInt32], right: [UInt32], key: [UInt32], flags: UInt32) -> Output {
            Output(cv: key, block: left + right, counter: 0, blockLength: UInt32(Blake3.blockLength), flags: Blake3.parent | flags)
        }
    }

    struct ChunkState {
        var cv: [UInt32]
        let counter: UInt64
        var block = [UInt8](repeating: 0, count: 64)
        var blockLength = 0
        var blocksCompressed = 0
        let flags: UInt32

        init(key: [UInt32], counter: UInt64, flags: UInt32) {
            cv = key
            self.counter = counter
            self.flags = flags
        }

        var length: Int { Blake3.blockLength * blocksCompressed + blockLength }
        private var startFlag: UInt32 { blocksCompressed == 0 ? Blake3.chunkStart : 0 }

        mutating func update(_ input: UnsafeRawBufferPointer) {
            var offset = 0
            while offset < input.count {
                if blockLength == Blake3.blockLength {
                    let words = Blake3.words(block, count: 16)
                    cv = Array(Blake3.compress(cv: cv, block: words, counter: counter, blockLength: UInt32(Blake3.blockLength),
                                               flags: flags | startFlag)[0..<8])
                    blocksCompressed += 1
                    block = [UInt8](repeating: 0, count: 64)
                    blockLength = 0
                }
                let take = min(Blake3.blockLength - blockLength, input.count - offset)
                for i in 0..<take { block[blockLength + i] = input[offset + i] }
                blockLength += take
                offset += take
            }
        }

        func output() -> Output {
            Output(cv: cv, block: Blake3.words(block, count: 16), counter: counter, blockLength: UInt32(blockLength),
                   flags: flags | startFlag | Blake3.chunkEnd)
        }
    }
}

extension UInt32 {
    @inline(__always) func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
