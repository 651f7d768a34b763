import Foundation

/// An m-of-n multisig account (account kind `kaspa-multisig-standard`; also the Go kaspawallet v1 multisig
/// layout). Each cosigner publishes its key at `m/45'/111111'/<account>'`; address `index` of `chain` is
/// P2SH of `multisig_redeem_script(keys, m)` over the keys `<cosigner key>/<cosignerIndex>/<chain>/<index>`
/// of every cosigner, in cosigner order (rusty-kaspa `wallet/core/src/derivation.rs::create_multisig_address`,
/// `wallet/keys/src/derivation/gen1/hd.rs::derive_child_pubkey_manager`). The same `cosignerIndex` is applied
/// to every cosigner key (BIP45-style branch of the signer who owns the account).
public struct MultisigAccount: Sendable {
    public static let purpose: UInt32 = 45

    /// Cosigner keys in redeem-script order.
    public let cosigners: [ExtendedPublicKey]
    public let requiredSignatures: Int
    public let cosignerIndex: UInt32
    /// ECDSA redeem scripts carry 33-byte keys and OP_CHECKMULTISIGECDSA; Schnorr (default) x-only keys.
    public let ecdsa: Bool
    private let receiveDerivers: [PublicChildDeriver]
    private let changeDerivers: [PublicChildDeriver]

    /// `cosigners` are used in the order given; pass `sortedAsRustyKaspa(_:)` of them to match wallets that
    /// sort (rusty-kaspa and the Go kaspawallet both do).
    public init(cosigners: [ExtendedPublicKey], requiredSignatures: Int, cosignerIndex: UInt32, ecdsa: Bool = false) throws(MultisigAccountError) {
        guard !cosigners.isEmpty else { throw .script(.noKeys) }
        guard cosigners.count <= MultisigScript.maxKeys else { throw .script(.tooManyKeys(cosigners.count)) }
        guard requiredSignatures >= 1, requiredSignatures <= cosigners.count else {
            throw .script(.badThreshold(required: requiredSignatures, keys: cosigners.count))
        }
        guard cosignerIndex < ChildNumber.hardenedBit else { throw .key(.indexOutOfRange(cosignerIndex)) }
        self.cosigners = cosigners
        self.requiredSignatures = requiredSignatures
        self.cosignerIndex = cosignerIndex
        self.ecdsa = ecdsa
        var receive: [PublicChildDeriver] = []
        var change: [PublicChildDeriver] = []
        do {
            for key in cosigners {
                let branch = try key.derive(.known(cosignerIndex, hardened: false))
                receive.append(PublicChildDeriver(try branch.derive(.known(AddressChain.receive.rawValue, hardened: false))))
                change.append(PublicChildDeriver(try branch.derive(.known(AddressChain.change.rawValue, hardened: false))))
            }
        } catch { throw .key(error) }
        receiveDerivers = receive
        changeDerivers = change
    }

    /// `m/45'/111111'/<account>'`, where each cosigner's key lives (rusty-kaspa always uses account 0).
    public static func accountPath(account: UInt32 = 0) -> DerivationPath {
        DerivationPath([.known(purpose, hardened: true), .known(Bip32Account.coinType, hardened: true), ChildNumber(rawValue: account | ChildNumber.hardenedBit)])
    }

    /// A local cosigner key from its master key.
    public static func cosignerKey(master: ExtendedPrivateKey, account: UInt32 = 0) throws(ExtendedKeyError) -> ExtendedPrivateKey {
        guard account < ChildNumber.hardenedBit else { throw .indexOutOfRange(account) }
        return try master.derive(path: accountPath(account: account))
    }

    /// rusty-kaspa's order (`wallet/core/src/wallet/mod.rs::create_account_multisig` and
    /// `import_multisig_with_mnemonic`): keys rendered with the `xpub` prefix, sorted as strings.
    public static func sortedAsRustyKaspa(_ keys: [ExtendedPublicKey]) -> [ExtendedPublicKey] {
        keys.map { ($0.xpubString, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The cosigner index rusty-kaspa assigns: the position of the first (in sorted order) local key among all
    /// sorted keys; nil if no local key is among them.
    public static func cosignerIndex(localKeys: [ExtendedPublicKey], sortedKeys: [ExtendedPublicKey]) -> UInt32? {
        let local = Set(localKeys.map(\.xpubString))
        return sortedKeys.firstIndex { local.contains($0.xpubString) }.map { UInt32($0) }
    }

    /// The full path of one signer's key for an address: `m/45'/111111'/0'/<cosignerIndex>/<chain>/<index>`.
    public func path(chain: AddressChain, index: UInt32, account: UInt32 = 0) -> DerivationPath {
        MultisigAccount.accountPath(account: account)
            .appending(ChildNumber(rawValue: cosignerIndex))
            .appending(.known(chain.rawValue, hardened: false))
            .appending(ChildNumber(rawValue: index))
    }

    /// Every cosigner's public key for one address, in cosigner order.
    public func publicKeys(chain: AddressChain, index: UInt32) throws(ExtendedKeyError) -> [PublicKey] {
        var keys: [PublicKey] = []
        keys.reserveCapacity(cosigners.count)
        for deriver in chain == .receive ? receiveDerivers : changeDerivers { keys.append(try deriver.publicKey(at: index)) }
        return keys
    }

    public func redeemScript(chain: AddressChain, index: UInt32) throws(MultisigAccountError) -> [UInt8] {
        let keys: [PublicKey]
        do { keys = try publicKeys(chain: chain, index: index) } catch { throw .key(error) }
        do {
            return ecdsa
                ? try MultisigScript.redeemScript(ecdsaKeys: keys, required: requiredSignatures)
                : try MultisigScript.redeemScript(schnorrKeys: keys.map(\.xOnly), required: requiredSignatures)
        } catch { throw .script(error) }
    }

    public func address(chain: AddressChain, index: UInt32, prefix: AddressPrefix) throws(MultisigAccountError) -> Address {
        Address.p2sh(redeemScript: try redeemScript(chain: chain, index: index), prefix: prefix)
    }
}

public enum MultisigAccountError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case key(ExtendedKeyError)
    case script(MultisigError)

    public var description: String {
        switch self {
        case .key(let e): return "multisig account: \(e.description)"
        case .script(let e): return "multisig account: \(e.description)"
        }
    }

    public var errorDescription: String? { description }
}
