import Foundation

/// What a wallet is created or imported from.
public enum WalletSource: Sendable {
    /// A BIP39 mnemonic (12 or 24 words) with an optional BIP39 passphrase: BIP32 account 0.
    case mnemonic(Mnemonic, passphrase: SecretBytes?)
    /// A legacy KDX / kaspanet.io web-wallet mnemonic (gen0 derivation).
    case legacyMnemonic(Mnemonic)
    /// A Go kaspawallet `keys.json` (single-signer or multisig) and the password that file was encrypted with.
    case goKeysFile(GoKeysFile, filePassword: SecretBytes)
    /// A BIP32 master key (kprv/xprv): BIP32 account 0.
    case masterKey(ExtendedPrivateKey)
    /// A legacy (gen0) master key given as xprv.
    case legacyMasterKey(ExtendedPrivateKey)
    /// An account kpub: a watch-only account.
    case watchOnly(ExtendedPublicKey)
    /// One private key: a keypair account.
    case privateKey(PrivateKey)

    public var label: String {
        switch self {
        case .mnemonic: return "mnemonic"
        case .legacyMnemonic: return "legacy-mnemonic"
        case .goKeysFile(let f, _): return f.isMultisig ? "go-keys-multisig" : "go-keys"
        case .masterKey: return "master-key"
        case .legacyMasterKey: return "legacy-master-key"
        case .watchOnly: return "kpub"
        case .privateKey: return "private-key"
        }
    }
}
