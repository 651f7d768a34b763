import Foundation
import Testing
@testable import WalletKit

@Suite struct HasherVectorTests {
    struct HashersFile: Decodable {
        struct Case: Decodable { let hasher: String; let domain: String; let construction: String; let expectedCumulative: [String] }
        let inputs: [String]
        let cases: [Case]
    }

    static let file = Fixtures.decode(HashersFile.self, from: "hashers.json")

    @Test(arguments: file.cases.map(\.domain))
    func domainHasherMatchesCumulativeVector(domain: String) throws {
        let c = try #require(Self.file.cases.first { $0.domain == domain })
        let hasher = try #require(KaspaHasher(rawValue: domain), "no hasher for domain \(domain)")
        let construction: KaspaHasher.Construction = switch c.construction {
            case "blake2b-keyed": .blake2bKeyed
            case "sha256-prefixed": .sha256Prefixed
            default: .blake3Keyed
        }
        #expect(hasher.construction == construction)
        // The Rust test never resets the hasher: digest k covers inputs[0] ... inputs[k].
        var accumulated: [UInt8] = []
        for (k, input) in Self.file.inputs.enumerated() {
            accumulated += hex(input)
            #expect(hasher.hash(accumulated).hex == c.expectedCumulative[k], "\(domain) after input \(k)")
        }
    }

    @Test func reportCount() {
        Fixtures.report("hashers.json", Self.file.cases.count * Self.file.inputs.count, "digests (\(Self.file.cases.count) hashers)")
    }

    @Test func streamingEqualsOneShot() {
        let data = (0..<3000).map { UInt8($0 % 251) }
        var b2 = Blake2b(domain: "TransactionID")
        var b3 = Blake3(domain: "PayloadDigest")
        for chunk in stride(from: 0, to: data.count, by: 333) {
            b2.write(Array(data[chunk..<min(chunk + 333, data.count)]))
            b3.write(Array(data[chunk..<min(chunk + 333, data.count)]))
        }
        #expect(b2.finalize() == Blake2b.hash(data, key: Array("TransactionID".utf8)))
        #expect(b3.finalize() == Blake3.hash(data, domain: "PayloadDigest"))
    }

    @Test func shortBlake2bKeysAreAccepted() {
        // "BlockHash" is 9 bytes, below libsodium's recommended minimum; it must still key the hash.
        #expect(Blake2b.hash([], key: Array("BlockHash".utf8)) != Blake2b.hash([]))
    }

    @Test func unkeyedBlake2bAndSha256KnownAnswers() {
        #expect(Blake2b.hash(Array("abc".utf8)).hex == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319")
        #expect(Sha256.hash(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Ripemd160.hash(Array("abc".utf8)).hex == "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")
        #expect(Ripemd160.hash([]).hex == "9c1185a5c5e9fc54612808977ee8f548b2258d31")
        #expect(Ripemd160.hash(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)).hex == "52783243c1697bdbe16d37f97f68f08325dc1528")
    }

    @Test func hmacSha512AndPbkdf2KnownAnswers() {
        // RFC 4231 test case 2.
        let mac = HmacSha512.authenticate(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
        #expect(mac.hex == "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")
        // BIP39 "abandon ... about" with passphrase TREZOR.
        let phrase = Array("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about".utf8)
        let seed = Pbkdf2Sha512.derive(password: phrase, salt: Array("mnemonicTREZOR".utf8), rounds: 2048, length: 64)
        #expect(seed.hex.hasPrefix("c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e5349553"))
    }
}

@Suite struct Blake3OfficialVectorTests {
    struct File: Decodable {
        struct Case: Decodable { let input_len: Int; let hash: String; let keyed_hash: String; let derive_key: String }
        let key: String
        let cases: [Case]
    }
    static let file = Fixtures.decode(File.self, from: "blake3_test_vectors.json")
    static let context = "BLAKE3 2019-12-27 16:29:52 test vectors context"

    @Test(arguments: file.cases.map(\.input_len))
    func officialVector(length: Int) throws {
        let c = try #require(Self.file.cases.first { $0.input_len == length })
        let input = (0..<length).map { UInt8($0 % 251) }
        let outLength = c.hash.count / 2
        var plain = Blake3()
        plain.write(input)
        #expect(plain.finalizeBytes(length: outLength).hex == c.hash)
        var keyed = Blake3(key: Array(Self.file.key.utf8))
        keyed.write(input)
        #expect(keyed.finalizeBytes(length: outLength).hex == c.keyed_hash)
        #expect(Blake3.deriveKey(context: Self.context, material: input, length: outLength).hex == c.derive_key)
    }

    @Test func reportCount() { Fixtures.report("blake3_test_vectors.json", Self.file.cases.count * 3, "outputs") }
}
