/// The two address chains of an account (rusty-kaspa `wallet/bip32/src/address_type.rs`).
public enum AddressChain: UInt32, Sendable, CaseIterable, Codable, CustomStringConvertible {
    case receive = 0
    case change = 1

    public var description: String { self == .receive ? "receive" : "change" }
}

/// A single-signature BIP32 account (account kind `kaspa-bip32-standard`, rusty-kaspa "gen1"; also the Go
/// kaspawallet single-signer layout): account key at `m/44'/111111'/<account>'`, addresses at
/// `…/<chain>/<index>` with normal (public) derivation (`wallet/keys/src/derivation/gen1/hd.rs`).
///
/// Built from the account's extended public key, so it serves watch-only use too. The two chain keys are
/// derived once; each address then costs one public child derivation.
public struct Bip32Account: Sendable {
    public static let purpose: UInt32 = 44
    public static let coinType: UInt32 = 111_111

    public let account: UInt32
    /// The account key (`m/44'/111111'/<account>'`), what kpub/ktub exports show.
    public let accountKey: ExtendedPublicKey
    /// ECDSA accounts use 33-byte-key `PubKeyECDSA` addresses; Schnorr ones (default) x-only `PubKey` addresses.
    public let ecdsa: Bool
    private let receiveDeriver: PublicChildDeriver
    private let changeDeriver: PublicChildDeriver

    /// `account` only labels paths here: the key is taken as given.
    public init(accountKey: ExtendedPublicKey, account: UInt32 = 0, ecdsa: Bool = false) throws(ExtendedKeyError) {
        guard account < ChildNumber.hardenedBit else { throw .indexOutOfRange(account) }
        self.accountKey = accountKey
        self.account = account
        self.ecdsa = ecdsa
        receiveDeriver = PublicChildDeriver(try accountKey.derive(.known(AddressChain.receive.rawValue, hardened: false)))
        changeDeriver = PublicChildDeriver(try accountKey.derive(.known(AddressChain.change.rawValue, hardened: false)))
    }

    /// Derives the account key from the master (private) key.
    public init(master: ExtendedPrivateKey, account: UInt32 = 0, ecdsa: Bool = false) throws(ExtendedKeyError) {
        let key = try Bip32Account.accountPrivateKey(master: master, account: account)
        try self.init(accountKey: key.extendedPublicKey, account: account, ecdsa: ecdsa)
    }

    /// `m/44'/111111'/<account>'`.
    public static func accountPath(account: UInt32 = 0) -> DerivationPath {
        DerivationPath([.known(purpose, hardened: true), .known(coinType, hardened: true), ChildNumber(rawValue: account | ChildNumber.hardenedBit)])
    }

    /// The account's extended private key, for signing.
    public static func accountPrivateKey(master: ExtendedPrivateKey, account: UInt32 = 0) throws(ExtendedKeyError) -> ExtendedPrivateKey {
        guard account < ChildNumber.hardenedBit else { throw .indexOutOfRange(account) }
        return try master.derive(path: accountPath(account: account))
    }

    /// The private key of one address, from the account's extended private key.
    public static func privateKey(accountKey: ExtendedPrivateKey, chain: AddressChain, index: UInt32) throws(ExtendedKeyError) -> PrivateKey {
        try accountKey.derive(.known(chain.rawValue, hardened: false)).derive(ChildNumber(index, hardened: false)).privateKey
    }

    /// `m/44'/111111'/<account>'/<chain>/<index>`.
    public func path(chain: AddressChain, index: UInt32) -> DerivationPath {
        Bip32Account.accountPath(account: account).appending(.known(chain.rawValue, hardened: false)).appending(ChildNumber(rawValue: index))
    }

    public func publicKey(chain: AddressChain, index: UInt32) throws(ExtendedKeyError) -> PublicKey {
        try (chain == .receive ? receiveDeriver : changeDeriver).publicKey(at: index)
    }

    public func address(chain: AddressChain, index: UInt32, prefix: AddressPrefix) throws(ExtendedKeyError) -> Address {
        Bip32Account.address(for: try publicKey(chain: chain, index: index), prefix: prefix, ecdsa: ecdsa)
    }

    /// Consecutive addresses `range` of one chain.
    public func addresses(chain: AddressChain, range: Range<UInt32>, prefix: AddressPrefix) throws(ExtendedKeyError) -> [Address] {
        var out: [Address] = []
        out.reserveCapacity(range.count)
        for index in range { out.append(try address(chain: chain, index: index, prefix: prefix)) }
        return out
    }

    /// `PubkeyDerivationManager::create_address`: Schnorr addresses carry the x-only key, ECDSA ones the 33 bytes.
    public static func address(for key: PublicKey, prefix: AddressPrefix, ecdsa: Bool) -> Address {
        ecdsa ? Address.p2pkECDSA(key, prefix: prefix) : Address.p2pk(key.xOnly, prefix: prefix)
    }
}
