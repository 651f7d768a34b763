import Foundation

/// A BIP39 mnemonic (English, 12 or 24 words), as rusty-kaspa `wallet/bip32/src/mnemonic/phrase.rs` accepts it.
///
/// The phrase and entropy live in `SecretBytes`. The stored phrase is always the canonical one: words from the
/// list, lowercase, joined by single spaces, so the seed does not depend on how the operator typed it.
public struct Mnemonic: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum WordCount: Int, Sendable, CaseIterable {
        case twelve = 12
        case twentyFour = 24

        /// 16 bytes (4 checksum bits) or 32 bytes (8 checksum bits).
        public var entropyLength: Int { self == .twelve ? 16 : 32 }

        init?(entropyLength: Int) {
            switch entropyLength {
            case 16: self = .twelve
            case 32: self = .twentyFour
            default: return nil
            }
        }
    }

    /// BIP39 seed derivation rounds (PBKDF2-HMAC-SHA512).
    static let seedRounds = 2048

    public let wordCount: WordCount
    /// The entropy the words encode (16 or 32 bytes).
    public let entropy: SecretBytes
    /// UTF-8 of the canonical phrase.
    private let phraseBytes: SecretBytes

    /// Encodes 16 or 32 bytes of entropy as 12 or 24 words.
    public init(entropy: some Collection<UInt8>) throws(MnemonicError) {
        guard let count = WordCount(entropyLength: entropy.count) else { throw .invalidEntropyLength(entropy.count) }
        var bytes = Array(entropy)
        defer { SecretBytes.wipe(&bytes) }
        // Entropy bits followed by the first ENT/32 bits of SHA-256(entropy), read in 11-bit groups.
        let checksum = Sha256.hash(bytes).bytes[0]
        bytes.append(checksum)
        var phrase: [UInt8] = []
        phrase.reserveCapacity(count.rawValue * 9)
        defer { SecretBytes.wipe(&phrase) }
        for word in 0..<count.rawValue {
            let index = Mnemonic.bits(bytes, from: word * 11, count: 11)
            if word > 0 { phrase.append(0x20) }
            phrase.append(contentsOf: Bip39Wordlist.english[index].utf8)
        }
        bytes.removeLast()
        self.wordCount = count
        self.entropy = SecretBytes(bytes)
        self.phraseBytes = SecretBytes(phrase)
    }

    /// A fresh mnemonic from OS randomness; 24 words unless told otherwise (as the Go and JS wallets create).
    public static func random(wordCount: WordCount = .twentyFour) -> Mnemonic {
        let entropy = SecretBytes.random(count: wordCount.entropyLength)
        var bytes = entropy.copyBytes()
        defer { SecretBytes.wipe(&bytes) }
        do { return try Mnemonic(entropy: bytes) } catch {
            preconditionFailure("entropy of a valid length always encodes")
        }
    }

    /// Parses a typed or pasted phrase: any run of whitespace separates words, case is ignored, and the
    /// last word's checksum bits must match.
    public init(phrase: String) throws(MnemonicError) {
        let words = phrase.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard let count = WordCount(rawValue: words.count) else { throw .wrongWordCount(words.count) }
        var indices: [Int] = []
        indices.reserveCapacity(words.count)
        for (position, word) in words.enumerated() {
            guard let index = Bip39Wordlist.index(of: word) else {
                throw .unknownWord(position: position + 1, word: word, closest: Mnemonic.closestWord(to: word))
            }
            indices.append(index)
        }
        // Pack 11 bits per word: 132 bits (12 words) or 264 bits (24 words).
        var packed = [UInt8](repeating: 0, count: (count.rawValue * 11 + 7) / 8)
        defer { SecretBytes.wipe(&packed) }
        for (w, index) in indices.enumerated() {
            for bit in 0..<11 where index & (1 << (10 - bit)) != 0 {
                let position = w * 11 + bit
                packed[position / 8] |= 0x80 >> UInt8(position % 8)
            }
        }
        let entropyLength = count.entropyLength
        var entropy = Array(packed[0..<entropyLength])
        defer { SecretBytes.wipe(&entropy) }
        let checksumBits = entropyLength / 4
        let given = Mnemonic.bits(packed, from: entropyLength * 8, count: checksumBits)
        let expected = Int(Sha256.hash(entropy).bytes[0]) >> (8 - checksumBits)
        guard given == expected else { throw .badChecksum(wordCount: count.rawValue) }
        try self.init(entropy: entropy)
    }

    /// The canonical phrase as a String. Strings cannot be wiped: call this only to show or export the words.
    public var phrase: String { phraseBytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// The canonical phrase in wiped-on-release bytes (to show it without leaving a String behind).
    public var phraseSecret: SecretBytes { phraseBytes }

    /// The words, in order (same caveat as `phrase`).
    public var words: [String] { phrase.split(separator: " ").map(String.init) }

    /// BIP39 seed: PBKDF2-HMAC-SHA512(phrase, "mnemonic" + passphrase, 2048 rounds, 64 bytes). The passphrase
    /// is used byte for byte (UTF-8, no NFKD), as rusty-kaspa does; in rusty-kaspa it is the "payment secret".
    public func seed(passphrase: SecretBytes? = nil) -> SecretBytes {
        var password = phraseBytes.copyBytes()
        var salt = Array("mnemonic".utf8) + (passphrase?.copyBytes() ?? [])
        defer { SecretBytes.wipe(&password); SecretBytes.wipe(&salt) }
        var seed = Pbkdf2Sha512.derive(password: password, salt: salt, rounds: Mnemonic.seedRounds, length: 64)
        defer { SecretBytes.wipe(&seed) }
        return SecretBytes(seed)
    }

    /// Convenience for a passphrase held in a String (tests, prompts).
    public func seed(passphrase: String) -> SecretBytes {
        seed(passphrase: passphrase.isEmpty ? nil : SecretBytes(Array(passphrase.utf8)))
    }

    public var description: String { "<mnemonic: \(wordCount.rawValue) words>" }
    public var debugDescription: String { description }

    /// Big-endian bit field of `count` bits starting at bit `from`.
    private static func bits(_ bytes: [UInt8], from: Int, count: Int) -> Int {
        var value = 0
        for i in from..<(from + count) {
            value = value << 1 | Int(bytes[i / 8] >> UInt8(7 - i % 8) & 1)
        }
        return value
    }

    /// The list word an operator most likely meant. A word of four or more letters that starts a list word is
    /// taken as an abbreviation (BIP39 words are unique in their first four letters); otherwise the word at the
    /// smallest edit distance wins, preferring one with the same first four letters, then list order.
    public static func closestWord(to typed: String) -> String {
        let lowered = typed.lowercased()
        let letters = Array(lowered)
        if letters.count >= 4, let match = Bip39Wordlist.english.first(where: { $0.hasPrefix(lowered) }) { return match }
        let stem = String(letters.prefix(4))
        var best = Bip39Wordlist.english[0]
        var bestScore = Int.max
        for word in Bip39Wordlist.english {
            // Score = 2 * distance, minus one when the first four letters agree (a tie-breaker only).
            let d = editDistance(letters, Array(word), limit: bestScore / 2 + 1)
            let score = 2 * d - (letters.count >= 4 && word.hasPrefix(stem) ? 1 : 0)
            if score < bestScore { best = word; bestScore = score }
        }
        return best
    }

    /// Levenshtein distance; gives up early (returning `limit`) once every path exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMin = min(rowMin, current[j])
            }
            if rowMin >= limit { return limit }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

public enum MnemonicError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case wrongWordCount(Int)
    /// `position` is 1-based.
    case unknownWord(position: Int, word: String, closest: String)
    case badChecksum(wordCount: Int)
    case invalidEntropyLength(Int)

    public var description: String {
        switch self {
        case .wrongWordCount(let n):
            return "expected 12 or 24 words, got \(n); check for a missing, extra or merged word"
        case .unknownWord(let position, _, let closest):
            return "word \(position) is not in the BIP39 English word list; did you mean '\(closest)'?"
        case .badChecksum(let n):
            return "the \(n) words are all valid but their checksum does not match: a word is wrong or two words are swapped"
        case .invalidEntropyLength(let n):
            return "mnemonic entropy must be 16 bytes (12 words) or 32 bytes (24 words), got \(n) bytes"
        }
    }

    public var errorDescription: String? { description }
}
