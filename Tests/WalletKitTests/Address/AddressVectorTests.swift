import Foundation
import Testing
@testable import WalletKit

@Suite struct AddressVectorTests {
    struct File: Decodable {
        struct EncodeDecode: Decodable {
            let prefix: String; let version: String; let versionByte: UInt8; let payload: String; let address: String
            let testOnlyPrefix: Bool?
        }
        struct Invalid: Decodable { let address: String; let error: String }
        struct SpkCase: Decodable {
            let name: String; let scriptPublicKey: ScriptPublicKey; let prefix: String; let address: String?; let error: String?
        }
        let encode_decode: [EncodeDecode]
        let invalid: [Invalid]
        let spk_to_address: [SpkCase]
    }
    static let file = Fixtures.decode(File.self, from: "addresses.json")

    @Test(arguments: file.encode_decode.map(\.address))
    func encodeAndDecode(address: String) throws {
        let c = try #require(Self.file.encode_decode.first { $0.address == address })
        let payload = hex(c.payload)
        // The bech32 layer, for every prefix including the test-only ones.
        #expect(AddressChecksum.encode(prefix: c.prefix, version: c.versionByte, payload: payload) == c.address)
        let body = String(c.address.split(separator: ":", maxSplits: 1)[1])
        let decoded = try AddressChecksum.decode(prefix: c.prefix, body: body)
        #expect(decoded.version == c.versionByte && decoded.payload == payload)

        if c.testOnlyPrefix == true {
            // A production decoder rejects the test build's prefixes.
            #expect(throws: AddressError.invalidPrefix(c.prefix)) { try Address(c.address) }
        } else {
            let a = try Address(c.address)
            #expect(a.prefix.rawValue == c.prefix && a.version.name == c.version && a.payload == payload)
            #expect(a.string == c.address)
        }
    }

    @Test(arguments: file.invalid.map(\.address))
    func invalidAddressesFailWithTheRightError(address: String) throws {
        let c = try #require(Self.file.invalid.first { $0.address == address })
        do {
            _ = try Address(address)
            Issue.record("\(address) decoded but must fail with \(c.error)")
        } catch {
            let name: String = switch error {
                case .invalidCharacter: "DecodingError"
                case .invalidPrefix: "InvalidPrefix"
                case .missingPrefix: "MissingPrefix"
                case .badChecksum: "BadChecksum"
                default: "\(error)"
            }
            #expect(name == c.error, "\(address): \(error.description)")
        }
    }

    @Test(arguments: file.spk_to_address.map(\.name))
    func scriptPublicKeyToAddress(name: String) throws {
        let c = try #require(Self.file.spk_to_address.first { $0.name == name })
        let prefix = try #require(AddressPrefix(rawValue: c.prefix))
        if let expected = c.address {
            let a = try c.scriptPublicKey.address(prefix: prefix)
            #expect(a.string == expected)
            #expect(ScriptPublicKey(address: a) == c.scriptPublicKey)
        } else {
            #expect(throws: AddressError.nonStandardScript) { try c.scriptPublicKey.address(prefix: prefix) }
        }
    }

    @Test func everyCaseLoaded() {
        // Counts from the vectors README: 17 encode/decode, 7 invalid, 4 spk<->address.
        #expect(Self.file.encode_decode.count == 17 && Self.file.invalid.count == 7 && Self.file.spk_to_address.count == 4)
        Fixtures.report("addresses.json", Self.file.encode_decode.count + Self.file.invalid.count + Self.file.spk_to_address.count)
    }

    @Test func errorsNameTheProblem() {
        #expect(throws: AddressError.invalidCharacter("1", offset: 19)) {
            try Address("kaspa:qqqqqqqqqqqqq1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqkx9awp4e")
        }
        #expect(throws: AddressError.invalidCharacter("Q", offset: 6)) {
            try Address("kaspa:Qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqkx9awp4e")
        }
        // A valid checksum over a payload of the wrong length for its version.
        let short = AddressChecksum.encode(prefix: "kaspa", version: 0, payload: [UInt8](repeating: 1, count: 31))
        #expect(throws: AddressError.payloadLength(version: .pubKey, expected: 32, got: 31)) { try Address(short) }
        let badVersion = AddressChecksum.encode(prefix: "kaspa", version: 3, payload: [UInt8](repeating: 1, count: 32))
        #expect(throws: AddressError.invalidVersion(3)) { try Address(badVersion) }
        #expect(AddressError.badChecksum.description.contains("last 8 characters"))
    }

    /// Property: every valid (prefix, version, payload) survives encode -> decode, and a single changed
    /// character is always caught.
    @Test func roundTripProperty() throws {
        var rng = SplitMix64(seed: 0x6b61_7370_61)
        for _ in 0..<500 {
            let prefix = AddressPrefix.allCases.randomElement(using: &rng)!
            let version = Address.Version.allCases.randomElement(using: &rng)!
            let payload = (0..<version.payloadLength).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let a = try Address(prefix: prefix, version: version, payload: payload)
            #expect(try Address(a.string) == a)
            var chars = Array(a.string)
            let i = Int.random(in: (prefix.rawValue.count + 1)..<chars.count, using: &rng)
            let replacement = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l").filter { $0 != chars[i] }.randomElement(using: &rng)!
            chars[i] = replacement
            #expect((try? Address(String(chars))) == nil, "a one-character change must not decode: \(String(chars))")
        }
    }
}
