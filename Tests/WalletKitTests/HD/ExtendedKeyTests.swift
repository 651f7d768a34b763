import Foundation
import Testing
@testable import WalletKit

@Suite struct ExtendedKeyTests {
    static let hd = HDVectors.hd

    /// hd.json bip32_tv1: the BIP32 test vector 1 master key from its seed, and every parsed field.
    @Test func bip32TestVector1() throws {
        let tv = Self.hd.bip32_tv1
        let master = try ExtendedPrivateKey(seed: SecretBytes(hex(tv.seed)))
        #expect(master.serialized(prefix: .xprv) == tv.xprv.string)
        #expect(master.extendedPublicKey.serialized(prefix: .xpub) == tv.xpub.string)

        let (xprv, prvPrefix) = try ExtendedPrivateKey.decode(tv.xprv.string)
        #expect(prvPrefix.rawValue == tv.xprv.prefix)
        #expect(xprv.depth == tv.xprv.depth)
        #expect(xprv.parentFingerprint.description == tv.xprv.parentFingerprint)
        #expect(xprv.childNumber.rawValue == tv.xprv.childNumber)
        #expect(xprv.chainCode.copyBytes().hex == tv.xprv.chainCode)
        #expect(([0] + xprv.privateKey.secret.copyBytes()).hex == tv.xprv.keyBytes)

        let (xpub, pubPrefix) = try ExtendedPublicKey.decode(tv.xpub.string)
        #expect(pubPrefix.rawValue == tv.xpub.prefix)
        #expect(xpub.depth == tv.xpub.depth)
        #expect(xpub.parentFingerprint.description == tv.xpub.parentFingerprint)
        #expect(xpub.childNumber.rawValue == tv.xpub.childNumber)
        #expect(xpub.chainCode.hex == tv.xpub.chainCode)
        #expect(xpub.publicKey.compressed.hex == tv.xpub.keyBytes)
        #expect(xpub == xprv.extendedPublicKey)
        #expect(xpub.serialized(prefix: .xpub) == tv.xpub.string)
    }

    /// BIP32 test vector 1, chain m/0'/1/2'/2/1000000000 (from the BIP text), checks hardened and normal steps,
    /// depth, fingerprints and child numbers through serialization, and public derivation from the xpub.
    @Test func bip32TestVector1Chain() throws {
        let master = try ExtendedPrivateKey(seed: SecretBytes(hex(Self.hd.bip32_tv1.seed)))
        let expected: [(String, String, String)] = [
            ("m/0'", "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7",
             "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw"),
            ("m/0'/1", "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs",
             "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ"),
            ("m/0'/1/2'", "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM",
             "xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5"),
            ("m/0'/1/2'/2", "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334",
             "xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV"),
            ("m/0'/1/2'/2/1000000000", "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76",
             "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy"),
        ]
        for (path, xprv, xpub) in expected {
            let key = try master.derive(path: DerivationPath(path))
            #expect(key.serialized(prefix: .xprv) == xprv, "xprv at \(path)")
            #expect(key.extendedPublicKey.serialized(prefix: .xpub) == xpub, "xpub at \(path)")
            #expect(try ExtendedPrivateKey(xprv).serialized(prefix: .xprv) == xprv)
        }
        // Public derivation of the normal steps agrees with private derivation.
        let parent = try master.derive(path: DerivationPath("m/0'/1/2'")).extendedPublicKey
        let child = try parent.derive(path: DerivationPath("m/2/1000000000"))
        #expect(child.serialized(prefix: .xpub) == expected[4].2)
        #expect(throws: ExtendedKeyError.hardenedFromPublicKey(ChildNumber(rawValue: 0x8000_0000))) {
            try parent.derive(path: DerivationPath("m/0'"))
        }
    }

    /// hd.json prefixes: all 12 version constants.
    @Test(arguments: ExtendedKeyPrefix.allCases)
    func prefixVersions(prefix: ExtendedKeyPrefix) throws {
        let expected = try #require(Self.hd.prefixes[prefix.rawValue])
        #expect("0x" + String(format: "%08x", prefix.version) == expected)
        #expect(ExtendedKeyPrefix(version: prefix.version) == prefix)
        // The version bytes really produce the four letters.
        let master = try ExtendedPrivateKey(seed: SecretBytes(hex(Self.hd.bip32_tv1.seed)))
        let text = prefix.isPrivate ? master.serialized(prefix: prefix) : master.extendedPublicKey.serialized(prefix: prefix)
        #expect(text.hasPrefix(prefix.rawValue))
        #expect(prefix.counterpart.counterpart == prefix)
        #expect(prefix.counterpart.isPrivate != prefix.isPrivate)
    }

    @Test func badChecksumIsReported() {
        let good = Self.hd.bip32_tv1.xpub.string
        var chars = Array(good)
        chars[chars.count - 5] = chars[chars.count - 5] == "a" ? "b" : "a"
        #expect(throws: ExtendedKeyError.badChecksum) { try ExtendedPublicKey(String(chars)) }
        #expect(throws: ExtendedKeyError.badChecksum) { try ExtendedPrivateKey(String(Self.hd.bip32_tv1.xprv.string.dropLast()) + "1") }
    }

    @Test func invalidCharacterIsReported() {
        let text = "kpub0" + String(Self.hd.bip32_tv1.xpub.string.dropFirst(5))
        #expect(throws: ExtendedKeyError.invalidCharacter("0", offset: 4)) { try ExtendedPublicKey(text) }
    }

    @Test func unknownPrefixAndWrongLength() throws {
        // A valid Base58Check payload of 78 bytes with an unknown version.
        var payload = try Base58.decodeCheck(Self.hd.bip32_tv1.xpub.string)
        payload[0] = 0x01; payload[1] = 0x02; payload[2] = 0x03; payload[3] = 0x04
        let unknown = Base58.encodeCheck(payload)
        let error = try #require(throws: ExtendedKeyError.self) { try ExtendedPublicKey(unknown) }
        guard case .unknownPrefix(_, let version) = error else { Issue.record("got \(error)"); return }
        #expect(version == 0x0102_0304)
        #expect(error.description.contains("unknown"))
        // 77 bytes.
        #expect(throws: ExtendedKeyError.wrongLength(got: 77)) { try ExtendedPublicKey(Base58.encodeCheck(Array(payload.dropLast()))) }
    }

    @Test func privateVersusPublicMismatch() {
        let tv = Self.hd.bip32_tv1
        #expect(throws: ExtendedKeyError.expectedPublicKey(.xprv)) { try ExtendedPublicKey(tv.xprv.string) }
        #expect(throws: ExtendedKeyError.expectedPrivateKey(.xpub)) { try ExtendedPrivateKey(tv.xpub.string) }
    }

    @Test func invalidKeyBytes() throws {
        var payload = try Base58.decodeCheck(Self.hd.bip32_tv1.xpub.string)
        payload[45] = 0x05  // not a compressed point tag
        #expect(throws: ExtendedKeyError.invalidKey(isPrivate: false)) { try ExtendedPublicKey(Base58.encodeCheck(payload)) }
        var prv = try Base58.decodeCheck(Self.hd.bip32_tv1.xprv.string)
        for i in 46..<78 { prv[i] = 0 }  // zero scalar
        #expect(throws: ExtendedKeyError.invalidKey(isPrivate: true)) { try ExtendedPrivateKey(Base58.encodeCheck(prv)) }
    }

    @Test func seedLengthIsChecked() {
        #expect(throws: ExtendedKeyError.invalidSeedLength(20)) { try ExtendedPrivateKey(seed: SecretBytes([UInt8](repeating: 7, count: 20))) }
    }

    @Test func privateKeysNeverPrint() throws {
        let key = try ExtendedPrivateKey(Self.hd.bip32_tv1.xprv.string)
        let texts = [key.description, key.debugDescription, String(describing: key), "\(key)", String(reflecting: key.privateKey)]
        let secretHex = key.privateKey.secret.copyBytes().hex
        for t in texts {
            #expect(!t.contains("xprv9"))
            #expect(!t.contains(secretHex))
        }
        #expect(key.description.contains("redacted"))
    }

    @Test func derivationPaths() throws {
        let p = try DerivationPath("m/44'/111111'/0'/0/5")
        #expect(p.components.count == 5)
        #expect(p.components[1] == ChildNumber(rawValue: 111_111 | 0x8000_0000))
        #expect(p.components[4] == ChildNumber(rawValue: 5))
        #expect(p.description == "m/44'/111111'/0'/0/5")
        #expect(try DerivationPath("m/44h/111111H/0'").description == "m/44'/111111'/0'")
        #expect(try DerivationPath("m").isEmpty)
        #expect(throws: DerivationPathError.missingRoot("44'/0")) { try DerivationPath("44'/0") }
        #expect(throws: DerivationPathError.emptyComponent(component: 2)) { try DerivationPath("m/44'//0") }
        #expect(throws: DerivationPathError.invalidComponent(component: 3, text: "x1")) { try DerivationPath("m/44'/0/x1") }
        #expect(throws: DerivationPathError.invalidComponent(component: 1, text: "-1")) { try DerivationPath("m/-1") }
        #expect(throws: DerivationPathError.indexOutOfRange(component: 1, text: "2147483648")) { try DerivationPath("m/2147483648") }
        #expect(DerivationPathError.invalidComponent(component: 3, text: "x1").description.contains("step 3 'x1'"))
        let json = try JSONEncoder().encode(p)
        #expect(try JSONDecoder().decode(DerivationPath.self, from: json) == p)
    }
}
