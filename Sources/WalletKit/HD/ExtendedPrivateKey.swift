/// A BIP32 extended private key (rusty-kaspa `wallet/bip32/src/xprivate_key.rs`).
///
/// The key and chain code live in `SecretBytes`; `description` never shows them, and the type is not `Codable`.
/// Export with `serialized(prefix:)` only on an explicit operator action.
public struct ExtendedPrivateKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let privateKey: PrivateKey
    let chainCode: SecretBytes
    let header: ExtendedKeyHeader

    public var depth: UInt8 { header.depth }
    public var parentFingerprint: KeyFingerprint { header.parentFingerprint }
    public var childNumber: ChildNumber { header.childNumber }

    init(privateKey: PrivateKey, chainCode: SecretBytes, header: ExtendedKeyHeader) {
        self.privateKey = privateKey
        self.chainCode = chainCode
        self.header = header
    }

    /// The master key: `I = HMAC-SHA512(key: "Bitcoin seed", seed)`, key = I[0..32), chain code = I[32..64).
    /// The seed must be 16, 32 or 64 bytes, as in rusty-kaspa.
    public init(seed: SecretBytes) throws(ExtendedKeyError) {
        guard [16, 32, 64].contains(seed.count) else { throw .invalidSeedLength(seed.count) }
        var data = seed.copyBytes()
        var i = HmacSha512.authenticate(key: Array("Bitcoin seed".utf8), data: data)
        defer { SecretBytes.wipe(&data); SecretBytes.wipe(&i) }
        guard let key = try? PrivateKey(bytes: i[0..<32]) else { throw .invalidKey(isPrivate: true) }
        self.init(privateKey: key, chainCode: SecretBytes(i[32..<64]), header: .root)
    }

    /// Parses a kprv/ktrv/xprv/tprv/yprv/zprv string.
    public init(_ string: String) throws(ExtendedKeyError) {
        self = try ExtendedPrivateKey.decode(string).key
    }

    /// Parses and also returns the prefix the string used.
    public static func decode(_ string: String) throws(ExtendedKeyError) -> (key: ExtendedPrivateKey, prefix: ExtendedKeyPrefix) {
        let decoded = try ExtendedKeyEncoding.decode(string)
        guard decoded.prefix.isPrivate else { throw .expectedPrivateKey(decoded.prefix) }
        var keyBytes = decoded.key.copyBytes()
        defer { SecretBytes.wipe(&keyBytes) }
        guard keyBytes[0] == 0, let key = try? PrivateKey(bytes: keyBytes[1...]) else { throw .invalidKey(isPrivate: true) }
        return (ExtendedPrivateKey(privateKey: key, chainCode: decoded.chainCode, header: decoded.header), decoded.prefix)
    }

    /// The Base58Check string with a private prefix. The result is a secret: show it only when asked to.
    public func serialized(prefix: ExtendedKeyPrefix) -> String {
        precondition(prefix.isPrivate, "an extended private key is serialized with a private prefix; use extendedPublicKey for \(prefix)")
        var key: [UInt8] = [0]
        key += privateKey.secret.copyBytes()
        var chain = chainCode.copyBytes()
        var bytes = ExtendedKeyEncoding.encode(prefix: prefix, header: header, chainCode: chain, key: key)
        defer { SecretBytes.wipe(&key); SecretBytes.wipe(&chain); SecretBytes.wipe(&bytes) }
        return Base58.encodeCheck(bytes)
    }

    public var publicKey: PublicKey { privateKey.publicKey }
    public var fingerprint: KeyFingerprint { KeyFingerprint(of: publicKey) }

    /// The matching extended public key (neuter).
    public var extendedPublicKey: ExtendedPublicKey {
        ExtendedPublicKey(publicKey: publicKey, chainCode: chainCode.copyBytes(), header: header)
    }

    /// CKDpriv: hardened steps hash `0x00 || k || ser32(i)`, normal steps `serP(K) || ser32(i)`.
    public func derive(_ child: ChildNumber) throws(ExtendedKeyError) -> ExtendedPrivateKey {
        let parentPublic = publicKey
        var data: [UInt8]
        if child.isHardened {
            data = [0] + privateKey.secret.copyBytes()
        } else {
            data = parentPublic.compressed
        }
        data += child.bytes
        defer { SecretBytes.wipe(&data) }
        return try derive(child, hmacData: data, parentFingerprint: KeyFingerprint(of: parentPublic))
    }

    /// Derives along every step of `path` (relative to this key).
    public func derive(path: DerivationPath) throws(ExtendedKeyError) -> ExtendedPrivateKey {
        var key = self
        for child in path.components { key = try key.derive(child) }
        return key
    }

    /// The CKD core with the HMAC data supplied by the caller, so the legacy (KDX) quirk can reuse it:
    /// `I = HMAC-SHA512(chain code, data)`, child key = k + I[0..32) mod n, child chain code = I[32..64).
    func derive(_ child: ChildNumber, hmacData data: [UInt8], parentFingerprint: KeyFingerprint) throws(ExtendedKeyError) -> ExtendedPrivateKey {
        let header = try header.child(child, parent: parentFingerprint)
        var chain = chainCode.copyBytes()
        var i = HmacSha512.authenticate(key: chain, data: data)
        var tweak = Array(i[0..<32])
        defer { SecretBytes.wipe(&chain); SecretBytes.wipe(&i); SecretBytes.wipe(&tweak) }
        guard let key = try? privateKey.adding(tweak: tweak) else { throw .invalidChild(child) }
        return ExtendedPrivateKey(privateKey: key, chainCode: SecretBytes(i[32..<64]), header: header)
    }

    public var description: String { "<extended private key redacted: depth \(depth), child \(childNumber)>" }
    public var debugDescription: String { description }
}
