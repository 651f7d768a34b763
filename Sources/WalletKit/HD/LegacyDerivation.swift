/// The legacy KDX / kaspanet.io web-wallet derivation ("gen0", account kind `kaspa-legacy-standard`):
/// `m/44'/972/<account>'/<chain>'/<index>'` from a standard BIP32 master key, Schnorr (x-only) addresses.
///
/// Two departures from plain BIP32, both from rusty-kaspa `wallet/keys/src/derivation/gen0/hd.rs`
/// (`WalletDerivationManagerV0::create_hmac`, `derive_private_key`):
/// - the non-hardened `972` step feeds the HMAC the parent's 32-byte x-only key (the compressed key without
///   its 02/03 byte) followed by `ser32(972)`, instead of the 33-byte compressed key;
/// - chain and index are hardened, so addresses need the private key (there is no watch-only legacy account).
/// Parent fingerprints still hash the full 33-byte key. Plain BIP32 at the same path gives other addresses.
public struct LegacyAccount: Sendable {
    public static let purpose: UInt32 = 44
    public static let coinType: UInt32 = 972

    public let account: UInt32
    /// The key at `m/44'/972/<account>'`.
    public let accountKey: ExtendedPrivateKey
    private let receiveKey: ExtendedPrivateKey
    private let changeKey: ExtendedPrivateKey

    /// `master` is the depth-0 key of the 12-word KDX mnemonic (empty passphrase).
    public init(master: ExtendedPrivateKey, account: UInt32 = 0) throws(ExtendedKeyError) {
        guard account < ChildNumber.hardenedBit else { throw .indexOutOfRange(account) }
        let purpose = try master.derive(.known(Self.purpose, hardened: true))
        let coin = try LegacyAccount.deriveXOnlyQuirk(purpose, child: .known(Self.coinType, hardened: false))
        accountKey = try coin.derive(.known(account, hardened: true))
        receiveKey = try accountKey.derive(.known(AddressChain.receive.rawValue, hardened: true))
        changeKey = try accountKey.derive(.known(AddressChain.change.rawValue, hardened: true))
        self.account = account
    }

    /// The non-hardened step with the x-only HMAC data.
    static func deriveXOnlyQuirk(_ parent: ExtendedPrivateKey, child: ChildNumber) throws(ExtendedKeyError) -> ExtendedPrivateKey {
        precondition(!child.isHardened)
        let parentPublic = parent.publicKey
        let data = Array(parentPublic.compressed[1...]) + child.bytes
        return try parent.derive(child, hmacData: data, parentFingerprint: KeyFingerprint(of: parentPublic))
    }

    /// `m/44'/972/<account>'/<chain>'/<index>'`.
    public static func path(account: UInt32 = 0, chain: AddressChain, index: UInt32) -> DerivationPath {
        DerivationPath([
            .known(purpose, hardened: true), .known(coinType, hardened: false), ChildNumber(rawValue: account | ChildNumber.hardenedBit),
            .known(chain.rawValue, hardened: true), ChildNumber(rawValue: index | ChildNumber.hardenedBit),
        ])
    }

    public func path(chain: AddressChain, index: UInt32) -> DerivationPath {
        LegacyAccount.path(account: account, chain: chain, index: index)
    }

    /// The extended key at `…/<chain>'/<index>'` (hardened, standard CKD).
    public func key(chain: AddressChain, index: UInt32) throws(ExtendedKeyError) -> ExtendedPrivateKey {
        let child = try ChildNumber(index, hardened: true)
        return try (chain == .receive ? receiveKey : changeKey).derive(child)
    }

    public func privateKey(chain: AddressChain, index: UInt32) throws(ExtendedKeyError) -> PrivateKey {
        try key(chain: chain, index: index).privateKey
    }

    public func publicKey(chain: AddressChain, index: UInt32) throws(ExtendedKeyError) -> PublicKey {
        try key(chain: chain, index: index).publicKey
    }

    /// Legacy addresses are always Schnorr P2PK (x-only), whatever the network.
    public func address(chain: AddressChain, index: UInt32, prefix: AddressPrefix) throws(ExtendedKeyError) -> Address {
        Address.p2pk(try publicKey(chain: chain, index: index).xOnly, prefix: prefix)
    }
}
