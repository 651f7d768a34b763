import Testing
@testable import WalletKit

@Suite struct Hash32Tests {
    /// `<` compares words, not byte arrays: it must give exactly the byte-wise order (SQLite's BLOB order,
    /// which the store relies on when it writes a batch in outpoint order).
    @Test func orderIsTheBytesOrder() {
        var rng = SplitMix64(seed: 5)
        var hashes = (0..<300).map { _ in Hash32(storage: (rng.next(), rng.next(), rng.next(), rng.next())) }
        // Pairs that differ only in a late byte, or in one bit of one word, exercise every word's comparison.
        for word in 0..<4 {
            for byte in [0, 3, 7] {
                var bytes = hashes[word].bytes
                bytes[word * 8 + byte] ^= 0x80
                hashes.append(Hash32(bytes)!)
                hashes.append(hashes[word])
            }
        }
        for a in hashes {
            for b in hashes.prefix(60) + hashes.suffix(30) {
                #expect((a < b) == a.bytes.lexicographicallyPrecedes(b.bytes), "\(a) < \(b)")
            }
        }
        #expect(hashes.sorted().map(\.bytes) == hashes.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) })
    }
}
