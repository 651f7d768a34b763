/// Where a key comes from: the fingerprint of the master key and the derivation path from it
/// (`KeySource`, `wallet/pskt/src/pskt.rs`). Plain data: no BIP32 arithmetic is needed to carry it.
///
/// JSON: `{"keyFingerprint": "<4 bytes hex>", "derivationPath": "m/44'/111111'/0'"}` — the fingerprint through
/// `kaspa_utils::serde_bytes_fixed` (hex in JSON), the path through `DerivationPath`'s string serde
/// (`wallet/bip32/src/derivation_path.rs`).
public struct PSKTKeySource: Hashable, Sendable {
    /// 4 bytes.
    public var keyFingerprint: [UInt8]
    public var derivationPath: PSKTDerivationPath

    public init(keyFingerprint: [UInt8], derivationPath: PSKTDerivationPath) {
        self.keyFingerprint = keyFingerprint
        self.derivationPath = derivationPath
    }

    init(json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        keyFingerprint = try r.require("keyFingerprint").hexBytes(at: r.at("keyFingerprint"), length: 4)
        let text = try r.require("derivationPath").string(at: r.at("derivationPath"))
        derivationPath = try PSKTDerivationPath(text, path: r.at("derivationPath"))
    }

    var json: PSKTJSON {
        .record([("keyFingerprint", .string(keyFingerprint.hex)), ("derivationPath", .string(derivationPath.description))])
    }
}

/// A BIP32 derivation path, "m" followed by "/index" or "/index'" (hardened) steps, as rusty-kaspa's
/// `DerivationPath::from_str` and `Display` read and write it (`wallet/bip32/src/{derivation_path,child_number}.rs`).
public struct PSKTDerivationPath: Hashable, Sendable, CustomStringConvertible {
    public static let hardenedFlag: UInt32 = 1 << 31

    /// Child numbers with the hardened flag (bit 31) set for hardened steps.
    public var components: [UInt32]

    public init(components: [UInt32]) { self.components = components }

    /// Parses "m/44'/111111'/0'/0/5". Each index is a decimal below 2^31 (Rust's `u32` parser, which also takes
    /// a leading "+"), optionally followed by "'".
    public init(_ text: String, path: String = "derivationPath") throws(PSKTError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first == "m" else {
            throw .invalidField(path: path, message: "derivation path \"\(text)\" does not start with \"m/\"")
        }
        var out: [UInt32] = []
        for part in parts.dropFirst() {
            var digits = Substring(part)
            let hardened = digits.hasSuffix("'")
            if hardened { digits = digits.dropLast() }
            if digits.hasPrefix("+") { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.unicodeScalars.allSatisfy(\.isASCIIDigit), let index = UInt32(digits), index < Self.hardenedFlag else {
                throw .invalidField(path: path, message: "derivation path \"\(text)\": \"\(part)\" is not a child index below 2^31")
            }
            out.append(hardened ? index | Self.hardenedFlag : index)
        }
        components = out
    }

    public var description: String {
        (["m"] + components.map { c in c & Self.hardenedFlag != 0 ? "\(c & ~Self.hardenedFlag)'" : "\(c)" })
            .joined(separator: "/")
    }
}
