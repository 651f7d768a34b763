import Testing
@testable import WalletKit

@Suite struct BytesTests {
    /// Scripts and addresses compare their bytes with one memcmp: equal only when count and every byte match.
    @Test func equalityIsByteForByte() throws {
        let script: [UInt8] = (0..<34).map { UInt8($0 * 7 & 0xff) }
        #expect(Bytes.equal(script, Array(script)))
        #expect(Bytes.equal([], []))
        #expect(!Bytes.equal(script, Array(script.dropLast())))
        #expect(!Bytes.equal([], [0]))
        for i in [0, 17, 33] {
            var other = script
            other[i] ^= 1
            #expect(!Bytes.equal(script, other))
            #expect(ScriptPublicKey(script: script) != ScriptPublicKey(script: other))
        }
        #expect(ScriptPublicKey(version: 0, script: script) != ScriptPublicKey(version: 1, script: script))
        #expect(ScriptPublicKey(script: script) == ScriptPublicKey(script: Array(script[...])))
        let payload = Array(script.prefix(32))
        var flipped = payload
        flipped[31] ^= 0x40
        let a = try Address(prefix: .devnet, version: .pubKey, payload: payload)
        #expect(a == (try Address(prefix: .devnet, version: .pubKey, payload: Array(payload))))
        #expect(a != (try Address(prefix: .devnet, version: .pubKey, payload: flipped)))
        #expect(a != (try Address(prefix: .mainnet, version: .pubKey, payload: payload)))
        #expect(a != (try Address(prefix: .devnet, version: .scriptHash, payload: payload)))
    }
}
