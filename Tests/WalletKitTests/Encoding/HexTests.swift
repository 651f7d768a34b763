import Testing
@testable import WalletKit

/// Hex has a fast path (contiguous bytes, valid input) and a checked one (errors, other sequences): both must
/// give the same answers.
struct HexTests {
    @Test func everyByteRoundTrips() throws {
        let all = (0...255).map(UInt8.init)
        let text = Hex.encode(all)
        #expect(text.count == 512 && text.hasPrefix("000102") && text.hasSuffix("fdfeff"))
        #expect(try Hex.decode(text) == all)
        #expect(Hex.encode(all.lazy.map { $0 }) == text, "a non-contiguous sequence encodes the same")
        #expect(try Hex.encode([UInt8]()) == "" && Hex.decode("") == [])
    }

    @Test func upperCaseDecodes() throws {
        #expect(try Hex.decode("DEADbeef") == [0xde, 0xad, 0xbe, 0xef])
    }

    @Test func errorsNameTheProblem() {
        #expect(throws: HexError.oddLength(3)) { try Hex.decode("abc") }
        #expect(throws: HexError.invalidCharacter("g", offset: 3)) { try Hex.decode("00ag") }
        #expect(throws: HexError.wrongLength(expected: 32, got: 2)) { try Hex.decode("0011", length: 32) }
    }

    /// A string made from a slice (its own storage, not the original's) takes the fast path like any other.
    @Test func aStringMadeFromASliceDecodes() throws {
        let text = String("xx0a0b".dropFirst(2))
        #expect(try Hex.decode(text) == [0x0a, 0x0b])
    }
}
