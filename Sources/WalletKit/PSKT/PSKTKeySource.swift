/// Where a key comes from: the fingerprint of the master key and the derivation path from it
/// (`KeySource`, `wallet/pskt/src/pskt.rs`). Plain data: no BIP32 arithmetic is needed to carry it.
///
/// JSON: `{"keyFingerprint": "<4 bytes hex>", "derivationPath": "m/44'/111111'/0'"}` — the fingerprint through
/// `kaspa_utils::serde_bytes_fixed` (hex in JSON), the path through `DerivationPath`'s string serde
/// (`wallet/bip32/src/derivation_path.rs`).
public struct PSKTKeySource: Hashable, Sendable {
    /// 4 bytes.
    public var keyFingerprint: [UInt8]
    public var derivationPath: DerivationPath

    public init(keyFingerprint: [UInt8], derivationPath: DerivationPath) {
        self.keyFingerprint = keyFingerprint
        self.derivationPath = derivationPath
    }

    init(json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        keyFingerprint = try r.require("keyFingerprint").hexBytes(at: r.at("keyFingerprint"), length: 4)
        let text = try r.require("derivationPath").string(at: r.at("derivationPath"))
        derivationPath = try PSKTKeySource.parsePath(text, path: r.at("derivationPath"))
    }

    /// Reads a path exactly as rusty-kaspa's `DerivationPath::from_str` does (`wallet/bip32/src/{derivation_path,
    /// child_number}.rs`): "m", then "/index" or "/index'" steps, each index a decimal below 2^31 (Rust's `u32`
    /// parser, which also takes a leading "+"). Stricter than `DerivationPath(_:)`, which also takes "h".
    public static func parsePath(_ text: String, path: String = "derivationPath") throws(PSKTError) -> DerivationPath {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first == "m" else {
            throw .invalidField(path: path, message: "derivation path \"\(text)\" does not start with \"m/\"")
        }
        var out: [ChildNumber] = []
        for part in parts.dropFirst() {
            var digits = Substring(part)
            let hardened = digits.hasSuffix("'")
            if hardened { digits = digits.dropLast() }
            if digits.hasPrefix("+") { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.unicodeScalars.allSatisfy(\.isASCIIDigit), let index = UInt32(digits),
                  index < ChildNumber.hardenedBit else {
                throw .invalidField(path: path, message: "derivation path \"\(text)\": \"\(part)\" is not a child index below 2^31")
            }
            out.append(ChildNumber(rawValue: hardened ? index | ChildNumber.hardenedBit : index))
        }
        return DerivationPath(out)
    }

    var json: PSKTJSON {
        .record([("keyFingerprint", .string(keyFingerprint.hex)), ("derivationPath", .string(derivationPath.description))])
    }
}
