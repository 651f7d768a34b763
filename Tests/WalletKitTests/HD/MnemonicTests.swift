import Foundation
import Testing
@testable import WalletKit

@Suite struct MnemonicTests {
    static let bip39 = HDVectors.hd.bip39_to_root.cases
    static let sdkMnemonics = HDVectors.sdk.mnemonicCases

    /// hd.json bip39_to_root: phrase -> seed -> root key, in the prefix the vector uses (xprv, kprv or ktrv).
    @Test(arguments: bip39.indices)
    func phraseToRootKey(row: Int) throws {
        let c = Self.bip39[row]
        let mnemonic = try Mnemonic(phrase: c.mnemonic)
        #expect(mnemonic.phrase == c.mnemonic)
        let seed = mnemonic.seed(passphrase: c.passphrase)
        #expect(seed.copyBytes().hex == c.seed, "seed of row \(row)")
        let root = try ExtendedPrivateKey(seed: seed)
        let prefix = try #require(ExtendedKeyPrefix(rawValue: String(c.rootKey.prefix(4))))
        #expect(root.serialized(prefix: prefix) == c.rootKey, "root key of row \(row)")
        // And back: the vector's root key parses to the same key.
        let parsed = try ExtendedPrivateKey.decode(c.rootKey)
        #expect(parsed.prefix == prefix)
        #expect(parsed.key.serialized(prefix: prefix) == c.rootKey)
    }

    /// sdk_generated.json mnemonic cases: entropy <-> phrase, seed (with passphrases, one non-ASCII), root kprv/ktrv.
    @Test(arguments: sdkMnemonics.map(\.id))
    func sdkMnemonic(id: String) throws {
        let c = try #require(Self.sdkMnemonics.first { $0.id == id })
        let phrase = try #require(c.mnemonic)
        let fromEntropy = try Mnemonic(entropy: hex(try #require(c.entropy)))
        #expect(fromEntropy.phrase == phrase, "\(id): entropy -> phrase")
        #expect(fromEntropy.wordCount.rawValue == c.wordCount)
        let parsed = try Mnemonic(phrase: phrase)
        #expect(parsed.entropy.copyBytes().hex == c.entropy, "\(id): phrase -> entropy")
        let seed = parsed.seed(passphrase: try #require(c.passphrase))
        #expect(seed.copyBytes().hex == c.seed, "\(id): seed")
        let root = try ExtendedPrivateKey(seed: seed)
        #expect(root.serialized(prefix: .kprv) == c.rootKprv, "\(id): rootKprv")
        #expect(root.serialized(prefix: .ktrv) == c.rootKtrv, "\(id): rootKtrv")
    }

    @Test func whitespaceAndCaseAreNormalised() throws {
        let phrase = Self.bip39[5].mnemonic
        let messy = "  " + phrase.uppercased().split(separator: " ").joined(separator: " \t\n  ") + "\n"
        let m = try Mnemonic(phrase: messy)
        #expect(m.phrase == phrase)
        #expect(m.seed().copyBytes().hex == Self.bip39[5].seed)
    }

    @Test func wrongWordCount() {
        let words = Self.bip39[5].mnemonic.split(separator: " ").map(String.init)
        #expect(throws: MnemonicError.wrongWordCount(13)) { try Mnemonic(phrase: (words + ["abandon"]).joined(separator: " ")) }
        #expect(throws: MnemonicError.wrongWordCount(11)) { try Mnemonic(phrase: words.dropLast().joined(separator: " ")) }
        #expect(throws: MnemonicError.wrongWordCount(0)) { try Mnemonic(phrase: "   ") }
        #expect(MnemonicError.wrongWordCount(13).description.hasPrefix("expected 12 or 24 words, got 13"))
    }

    @Test func unknownWordNamesPositionAndClosestWord() throws {
        var words = Self.bip39[5].mnemonic.split(separator: " ").map(String.init)
        let original = words[4]
        words[4] = String(original.dropLast()) + "q"  // a typo in the last letter
        let error = try #require(throws: MnemonicError.self) { try Mnemonic(phrase: words.joined(separator: " ")) }
        guard case .unknownWord(let position, let typed, let closest) = error else {
            Issue.record("expected unknownWord, got \(error)")
            return
        }
        #expect(position == 5)
        #expect(typed == words[4])
        #expect(closest == original)
        #expect(error.description.contains("word 5"))
        #expect(error.description.contains("'\(original)'"))
        // The message does not repeat what was typed (it is part of a secret).
        #expect(!error.description.contains(words[4]))
    }

    @Test func closestWordUsesFourLetterPrefixThenEditDistance() {
        #expect(Mnemonic.closestWord(to: "abandonn") == "abandon")
        #expect(Mnemonic.closestWord(to: "zoox") == "zoo")
        #expect(Mnemonic.closestWord(to: "acount") == "account")
        #expect(Mnemonic.closestWord(to: "lettr") == "letter")
        #expect(Mnemonic.closestWord(to: "fringx") == "fringe")
        #expect(Mnemonic.closestWord(to: "acou") == "acoustic")
        #expect(Mnemonic.closestWord(to: "ABANDON1") == "abandon")
    }

    @Test func badChecksum() throws {
        // Replacing the last word with another valid word breaks the checksum in 15 of 16 cases; pick one that does.
        var words = Self.bip39[5].mnemonic.split(separator: " ").map(String.init)
        var found = false
        for candidate in Bip39Wordlist.english where candidate != words[11] {
            words[11] = candidate
            if (try? Mnemonic(phrase: words.joined(separator: " "))) == nil { found = true; break }
        }
        #expect(found)
        #expect(throws: MnemonicError.badChecksum(wordCount: 12)) { try Mnemonic(phrase: words.joined(separator: " ")) }
        // Swapping two words of a 24-word phrase.
        var long = Self.bip39[0].mnemonic.split(separator: " ").map(String.init)
        long.swapAt(0, 1)
        #expect(throws: MnemonicError.badChecksum(wordCount: 24)) { try Mnemonic(phrase: long.joined(separator: " ")) }
    }

    @Test func entropyLengthIsChecked() {
        #expect(throws: MnemonicError.invalidEntropyLength(20)) { try Mnemonic(entropy: [UInt8](repeating: 1, count: 20)) }
    }

    @Test func randomMnemonicsParse() throws {
        let m = Mnemonic.random()
        #expect(m.wordCount == .twentyFour)
        #expect(m.words.count == 24)
        let again = try Mnemonic(phrase: m.phrase)
        #expect(again.entropy.isEqual(to: m.entropy))
        #expect(Mnemonic.random(wordCount: .twelve).words.count == 12)
        #expect(m.description == "<mnemonic: 24 words>")
    }

    /// Property: entropy -> words -> parse gives the same entropy (seeded, reproducible generator).
    @Test func entropyRoundTripProperty() throws {
        var rng = SplitMix64(seed: 0x6b61_7370_61)
        for iteration in 0..<300 {
            let length = iteration % 2 == 0 ? 16 : 32
            let entropy = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let m = try Mnemonic(entropy: entropy)
            #expect(m.words.count == (length == 16 ? 12 : 24))
            let parsed = try Mnemonic(phrase: m.phrase)
            #expect(parsed.entropy.copyBytes() == entropy, "iteration \(iteration)")
        }
    }

    @Test func wordlistIsTheStandardList() throws {
        let text = String(decoding: Fixtures.data("bip39-english.txt"), as: UTF8.self)
        let words = text.split(separator: "\n").map(String.init)
        #expect(words == Bip39Wordlist.english)
        #expect(Set(Bip39Wordlist.english.map { $0.prefix(4) }).count == 2048)
    }

    @Test func reportCounts() {
        Fixtures.report("hd.json bip39_to_root", Self.bip39.count)
        Fixtures.report("sdk_generated.json mnemonic (phrase/seed/root)", Self.sdkMnemonics.count)
    }
}
