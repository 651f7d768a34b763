import Foundation

/// Derives an account's addresses from what the account row stores (public keys), or, for legacy accounts
/// whose chains are hardened, from the opened key.
struct AccountDeriver {
    private let derive: (AddressChain, UInt32) throws -> Address

    init(_ account: AccountRecord, network: Network, legacy: LegacyAccount? = nil) throws {
        let prefix = network.addressPrefix
        let keys = account.publicKeyList
        do {
            switch account.kind {
            case .bip32, .watch:
                guard let text = keys.first else { throw StoreError.corrupted("account '\(account.name)' has no public key") }
                let a = try Bip32Account(accountKey: try ExtendedPublicKey(text), account: UInt32(clamping: account.accountIndex), ecdsa: account.ecdsa)
                derive = { chain, index in try a.address(chain: chain, index: index, prefix: prefix) }
            case .multisig:
                let cosigners = try keys.map { try ExtendedPublicKey($0) }
                let a = try MultisigAccount(cosigners: cosigners, requiredSignatures: Int(account.requiredSignatures),
                                            cosignerIndex: UInt32(clamping: account.cosignerIndex), ecdsa: account.ecdsa)
                derive = { chain, index in try a.address(chain: chain, index: index, prefix: prefix) }
            case .keypair:
                guard let text = keys.first else { throw StoreError.corrupted("account '\(account.name)' has no public key") }
                let key = try PublicKey(hex: text)
                let address = Bip32Account.address(for: key, prefix: prefix, ecdsa: account.ecdsa)
                derive = { _, index in
                    guard index == 0 else { throw StoreError.invalid("a keypair account has a single address") }
                    return address
                }
            case .legacy:
                guard let legacy else { throw StoreError.locked("deriving a legacy (KDX) address") }
                derive = { chain, index in try legacy.address(chain: chain, index: index, prefix: prefix) }
            }
        } catch let e as StoreError { throw e } catch {
            throw StoreError.corrupted("account '\(account.name)' keys do not parse: \(error)")
        }
    }

    func address(_ chain: AddressChain, _ index: UInt32) throws -> Address {
        do { return try derive(chain, index) } catch let e as StoreError { throw e } catch {
            throw StoreError.invalid("address derivation failed at \(chain) \(index): \(error)")
        }
    }
}
