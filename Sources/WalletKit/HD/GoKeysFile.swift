import Foundation

/// The Go `kaspawallet` (kaspad) `keys.json`, as rusty-kaspa imports it (`wallet/core/src/compat/gen1.rs`,
/// `wallet/core/src/wallet/mod.rs::import_kaspawallet_golang_*`). Field names are the file's camelCase.
///
/// Each mnemonic is encrypted with XChaCha20-Poly1305 under Argon2id(password, salt, t = 1, m = 64 MiB,
/// p = `numThreads` in version 0 files, 8 in version 1), the cipher starting with its 24-byte nonce.
public struct GoKeysFile: Decodable, Sendable {
    public struct EncryptedMnemonic: Decodable, Sendable {
        public let cipher: [UInt8]
        public let salt: [UInt8]

        enum CodingKeys: String, CodingKey { case cipher, salt }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            cipher = try GoKeysFile.hexField(c, .cipher)
            salt = try GoKeysFile.hexField(c, .salt)
        }
    }

    public let version: Int
    /// Argon2 lanes of a version 0 file.
    public let numThreads: UInt32?
    public let encryptedMnemonics: [EncryptedMnemonic]
    public let publicKeys: [String]
    public let minimumSignatures: Int
    public let cosignerIndex: UInt32
    public let lastUsedExternalIndex: UInt32
    public let lastUsedInternalIndex: UInt32
    public let ecdsa: Bool

    /// Version 1 files fix the Argon2 lanes at 8 (`MultisigWalletFileV1::NUM_THREADS`).
    static let versionOneThreads: UInt32 = 8

    public static func parse(_ data: Data) throws(GoKeysFileError) -> GoKeysFile {
        let file: GoKeysFile
        do { file = try JSONDecoder().decode(GoKeysFile.self, from: data) } catch let error as DecodingError {
            throw .malformed(GoKeysFile.explain(error))
        } catch { throw .malformed(String(describing: error)) }
        guard file.version == 0 || file.version == 1 else { throw .unsupportedVersion(file.version) }
        guard !file.publicKeys.isEmpty else { throw .noPublicKeys }
        if file.version == 0, file.numThreads == nil { throw .missingThreadCount }
        return file
    }

    /// Single-signer files hold one public key; multisig files several.
    public var isMultisig: Bool { publicKeys.count > 1 }

    /// Argon2id lanes used for this file's mnemonic keys.
    public var argon2Threads: UInt32 { version == 0 ? (numThreads ?? GoKeysFile.versionOneThreads) : GoKeysFile.versionOneThreads }

    /// Decrypts every mnemonic (Argon2id over 64 MiB each: about 0.1 s per mnemonic in a release build on
    /// two cores, a few seconds in a debug build).
    public func decryptMnemonics(password: SecretBytes) throws(GoKeysFileError) -> [Mnemonic] {
        let kdf: Argon2id
        do { kdf = try Argon2id.goKaspawallet(threads: argon2Threads) } catch { throw .malformed(error.description) }
        var mnemonics: [Mnemonic] = []
        for (i, encrypted) in encryptedMnemonics.enumerated() {
            let key: SecretBytes
            do { key = try kdf.hash(password: password, salt: encrypted.salt) } catch { throw .malformed("mnemonic \(i + 1): \(error.description)") }
            let plain: SecretBytes
            do { plain = try KeyEncryption.open(encrypted.cipher, key: key) } catch { throw .decryptionFailed(mnemonic: i + 1) }
            let phrase = plain.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
            do { mnemonics.append(try Mnemonic(phrase: phrase)) } catch { throw .invalidMnemonic(mnemonic: i + 1, error) }
        }
        return mnemonics
    }

    /// Decrypts the mnemonics, checks them against the public keys and builds the account.
    public func open(password: SecretBytes) throws(GoKeysFileError) -> GoWallet {
        var keys: [ExtendedPublicKey] = []
        for (i, text) in publicKeys.enumerated() {
            do { keys.append(try ExtendedPublicKey(text)) } catch { throw .invalidPublicKey(index: i + 1, error) }
        }
        let mnemonics = try decryptMnemonics(password: password)
        var masters: [ExtendedPrivateKey] = []
        for mnemonic in mnemonics {
            do { masters.append(try ExtendedPrivateKey(seed: mnemonic.seed())) } catch { throw .derivation(error.description) }
        }
        if !isMultisig {
            guard let master = masters.first else { throw .noMnemonics }
            let account: Bip32Account
            do { account = try Bip32Account(master: master, account: 0, ecdsa: ecdsa) } catch { throw .derivation(error.description) }
            guard account.accountKey == keys[0] else { throw .publicKeyMismatch(mnemonic: 1) }
            return GoWallet(mnemonics: mnemonics, kind: .singleSigner(account), file: self)
        }
        // Multisig: each local key must be among the file's keys, at m/45'/111111'/0' (version 0 files may
        // have used m/44'/111111'/0', which rusty-kaspa's v0 import derives).
        var local: [ExtendedPublicKey] = []
        for (i, master) in masters.enumerated() {
            let candidates = version == 0 ? [MultisigAccount.accountPath(), Bip32Account.accountPath()] : [MultisigAccount.accountPath()]
            let derived = candidates.compactMap { try? master.derive(path: $0).extendedPublicKey }
            guard let match = derived.first(where: { keys.contains($0) }) else { throw .mnemonicNotInPublicKeys(mnemonic: i + 1) }
            local.append(match)
        }
        let sorted = MultisigAccount.sortedAsRustyKaspa(keys)
        if let derivedIndex = MultisigAccount.cosignerIndex(localKeys: local, sortedKeys: sorted), derivedIndex != cosignerIndex {
            throw .cosignerIndexMismatch(file: cosignerIndex, derived: derivedIndex)
        }
        do {
            let account = try MultisigAccount(cosigners: sorted, requiredSignatures: minimumSignatures, cosignerIndex: cosignerIndex, ecdsa: ecdsa)
            return GoWallet(mnemonics: mnemonics, kind: .multisig(account), file: self)
        } catch { throw .account(error) }
    }

    static func hexField<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> [UInt8] {
        let text = try c.decode(String.self, forKey: key)
        do { return try Hex.decode(text) } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not hex: \(error.description)")
        }
    }

    static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "top level" : String(p.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "bad value at \(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }
}

/// An opened Go wallet: its mnemonics and the account they control.
public struct GoWallet: Sendable {
    public enum Kind: Sendable {
        case singleSigner(Bip32Account)
        case multisig(MultisigAccount)
    }

    public let mnemonics: [Mnemonic]
    public let kind: Kind
    public let file: GoKeysFile

    public func address(chain: AddressChain, index: UInt32, prefix: AddressPrefix) throws -> Address {
        switch kind {
        case .singleSigner(let account): return try account.address(chain: chain, index: index, prefix: prefix)
        case .multisig(let account): return try account.address(chain: chain, index: index, prefix: prefix)
        }
    }
}

public enum GoKeysFileError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case malformed(String)
    case unsupportedVersion(Int)
    case missingThreadCount
    case noPublicKeys
    case noMnemonics
    case invalidPublicKey(index: Int, ExtendedKeyError)
    case decryptionFailed(mnemonic: Int)
    case invalidMnemonic(mnemonic: Int, MnemonicError)
    case publicKeyMismatch(mnemonic: Int)
    case mnemonicNotInPublicKeys(mnemonic: Int)
    case cosignerIndexMismatch(file: UInt32, derived: UInt32)
    case derivation(String)
    case account(MultisigAccountError)

    public var description: String {
        switch self {
        case .malformed(let why): return "keys.json is not a valid Go kaspawallet file: \(why)"
        case .unsupportedVersion(let v): return "keys.json version \(v) is not supported (expected 0 or 1)"
        case .missingThreadCount: return "keys.json version 0 needs 'numThreads' (the Argon2 lane count)"
        case .noPublicKeys: return "keys.json lists no public keys"
        case .noMnemonics: return "keys.json holds no encrypted mnemonic, so it cannot be opened as a signing wallet"
        case .invalidPublicKey(let i, let e): return "keys.json public key \(i): \(e.description)"
        case .decryptionFailed(let i): return "mnemonic \(i) of keys.json: decryption failed: wrong password or corrupted data"
        case .invalidMnemonic(let i, let e): return "mnemonic \(i) of keys.json decrypted but is not valid: \(e.description)"
        case .publicKeyMismatch(let i):
            return "mnemonic \(i) of keys.json does not produce the file's public key at m/44'/111111'/0': the file is inconsistent"
        case .mnemonicNotInPublicKeys(let i):
            return "mnemonic \(i) of keys.json produces no key listed in 'publicKeys' (checked m/45'/111111'/0'): the file is inconsistent"
        case .cosignerIndexMismatch(let file, let derived):
            return "keys.json says cosignerIndex \(file) but its own keys sort to position \(derived); refusing to guess which addresses are right"
        case .derivation(let why): return "keys.json: key derivation failed: \(why)"
        case .account(let e): return "keys.json: \(e.description)"
        }
    }

    public var errorDescription: String? { description }
}
