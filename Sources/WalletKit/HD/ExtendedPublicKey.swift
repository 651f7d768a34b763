/// A BIP32 extended public key (rusty-kaspa `wallet/bip32/src/xpublic_key.rs`). It can derive normal
/// (non-hardened) children only. Not secret, but privacy-sensitive: it reveals every address of its account.
public struct ExtendedPublicKey: Hashable, Sendable, CustomStringConvertible {
    public let publicKey: PublicKey
    public let chainCode: [UInt8]
    let header: ExtendedKeyHeader

    public var depth: UInt8 { header.depth }
    public var parentFingerprint: KeyFingerprint { header.parentFingerprint }
    public var childNumber: ChildNumber { header.childNumber }
    public var fingerprint: KeyFingerprint { KeyFingerprint(of: publicKey) }

    init(publicKey: PublicKey, chainCode: [UInt8], header: ExtendedKeyHeader) {
        self.publicKey = publicKey
        self.chainCode = chainCode
        self.header = header
    }

    /// Parses a kpub/ktub/xpub/tpub/ypub/zpub string.
    public init(_ string: String) throws(ExtendedKeyError) {
        self = try ExtendedPublicKey.decode(string).key
    }

    /// Parses and also returns the prefix the string used.
    public static func decode(_ string: String) throws(ExtendedKeyError) -> (key: ExtendedPublicKey, prefix: ExtendedKeyPrefix) {
        let decoded = try ExtendedKeyEncoding.decode(string)
        guard !decoded.prefix.isPrivate else { throw .expectedPublicKey(decoded.prefix) }
        let bytes = decoded.key.copyBytes()
        guard bytes[0] == 2 || bytes[0] == 3, let key = try? PublicKey(bytes: bytes) else { throw .invalidKey(isPrivate: false) }
        return (ExtendedPublicKey(publicKey: key, chainCode: decoded.chainCode.copyBytes(), header: decoded.header), decoded.prefix)
    }

    /// The Base58Check string; `prefix` must be a public one (kpub, ktub, xpub ...).
    public func serialized(prefix: ExtendedKeyPrefix) -> String {
        precondition(!prefix.isPrivate, "an extended public key is serialized with a public prefix, not \(prefix)")
        return Base58.encodeCheck(ExtendedKeyEncoding.encode(prefix: prefix, header: header, chainCode: chainCode, key: publicKey.compressed))
    }

    /// The mainnet form (kpub).
    public var description: String { serialized(prefix: .kpub) }

    /// CKDpub: `I = HMAC-SHA512(chain code, serP(K) || ser32(i))`, child key = K + I[0..32)·G.
    public func derive(_ child: ChildNumber) throws(ExtendedKeyError) -> ExtendedPublicKey {
        guard !child.isHardened else { throw .hardenedFromPublicKey(child) }
        let header = try header.child(child, parent: fingerprint)
        let i = HmacSha512.authenticate(key: chainCode, data: publicKey.compressed + child.bytes)
        guard let key = try? publicKey.adding(tweak: Array(i[0..<32])) else { throw .invalidChild(child) }
        return ExtendedPublicKey(publicKey: key, chainCode: Array(i[32..<64]), header: header)
    }

    /// Derives along every (normal) step of `path`.
    public func derive(path: DerivationPath) throws(ExtendedKeyError) -> ExtendedPublicKey {
        var key = self
        for child in path.components { key = try key.derive(child) }
        return key
    }

    /// The same key with its Kaspa-independent `xpub` rendering, as rusty-kaspa sorts multisig cosigners.
    public var xpubString: String { serialized(prefix: .xpub) }
}
