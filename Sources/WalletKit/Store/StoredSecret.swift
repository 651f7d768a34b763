import Foundation

/// A secret as the wallet stores it (sealed; see `Vault`). The plaintext layout is a kind-specific list of
/// length-prefixed fields (u32 big-endian length, bytes), never JSON, so no String copy of a key is made
/// on the way in.
public enum StoredSecret: Sendable {
    /// A BIP39 mnemonic and its optional BIP39 passphrase (kept so signing needs only the wallet password).
    case mnemonic(Mnemonic, passphrase: SecretBytes?)
    /// A legacy KDX / kaspanet.io 12-word mnemonic (empty passphrase, gen0 derivation).
    case legacyMnemonic(Mnemonic)
    /// A BIP32 master key imported as kprv/xprv.
    case masterKey(ExtendedPrivateKey)
    /// A legacy (gen0) master key imported as xprv.
    case legacyMasterKey(ExtendedPrivateKey)
    /// One imported secp256k1 private key (keypair account).
    case privateKey(PrivateKey)

    public var kind: String {
        switch self {
        case .mnemonic: return "mnemonic"
        case .legacyMnemonic: return "legacy-mnemonic"
        case .masterKey: return "master-key"
        case .legacyMasterKey: return "legacy-master-key"
        case .privateKey: return "private-key"
        }
    }

    /// The BIP32 master key (for the key kinds that have one).
    public func masterKey() throws(StoreError) -> ExtendedPrivateKey {
        do {
            switch self {
            case .mnemonic(let m, let passphrase): return try ExtendedPrivateKey(seed: m.seed(passphrase: passphrase))
            case .legacyMnemonic(let m): return try ExtendedPrivateKey(seed: m.seed())
            case .masterKey(let k), .legacyMasterKey(let k): return k
            case .privateKey: throw StoreError.invalid("an imported private key has no BIP32 master key")
            }
        } catch let e as StoreError { throw e } catch { throw .invalid("key derivation failed: \(error)") }
    }

    public var isLegacy: Bool {
        switch self {
        case .legacyMnemonic, .legacyMasterKey: return true
        default: return false
        }
    }

    /// A public identifier of the key (not secret): the master key fingerprint, or the x-only public key.
    public func fingerprint() throws(StoreError) -> String {
        if case .privateKey(let k) = self { return k.xOnlyPublicKey.bytes.hex }
        return try masterKey().fingerprint.bytes.hex
    }

    func encoded() -> SecretBytes {
        var out: [UInt8] = []
        defer { SecretBytes.wipe(&out) }
        func field(_ s: SecretBytes) {
            let n = UInt32(s.count)
            out += [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)]
            s.withUnsafeBytes { out += $0 }
        }
        switch self {
        case .mnemonic(let m, let passphrase):
            field(m.entropy)
            field(passphrase ?? SecretBytes([]))
        case .legacyMnemonic(let m): field(m.entropy)
        case .masterKey(let k), .legacyMasterKey(let k): field(SecretBytes(Array(k.serialized(prefix: .xprv).utf8)))
        case .privateKey(let k): field(k.secret)
        }
        return SecretBytes(out)
    }

    static func decode(kind: String, _ plain: SecretBytes) throws(StoreError) -> StoredSecret {
        var bytes = plain.copyBytes()
        defer { SecretBytes.wipe(&bytes) }
        var fields: [SecretBytes] = []
        var i = 0
        while i < bytes.count {
            guard i + 4 <= bytes.count else { throw .corrupted("stored secret has a truncated field") }
            let n = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            guard i + 4 + n <= bytes.count else { throw .corrupted("stored secret has a truncated field") }
            fields.append(SecretBytes(bytes[(i + 4)..<(i + 4 + n)]))
            i += 4 + n
        }
        do {
            switch (kind, fields.count) {
            case ("mnemonic", 2):
                let m = try fields[0].withUnsafeBytes { try Mnemonic(entropy: Array($0)) }
                return .mnemonic(m, passphrase: fields[1].count == 0 ? nil : fields[1])
            case ("legacy-mnemonic", 1): return .legacyMnemonic(try fields[0].withUnsafeBytes { try Mnemonic(entropy: Array($0)) })
            case ("master-key", 1), ("legacy-master-key", 1):
                let key = try ExtendedPrivateKey(fields[0].withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
                return kind == "master-key" ? .masterKey(key) : .legacyMasterKey(key)
            case ("private-key", 1): return .privateKey(try fields[0].withUnsafeBytes { try PrivateKey(bytes: Array($0)) })
            default: throw StoreError.corrupted("stored secret of kind '\(kind)' has \(fields.count) fields")
            }
        } catch let e as StoreError { throw e } catch { throw .corrupted("stored secret of kind '\(kind)' does not decode: \(error)") }
    }
}
