import Foundation

/// The shapes of the HD vector files (Tests/Fixtures/hd.json, sdk_generated.json, encryption.json).
enum HDVectors {
    struct HD: Decodable, Sendable {
        struct Bip39Case: Decodable { let mnemonic: String; let passphrase: String; let seed: String; let rootKey: String }
        struct Cases<T: Decodable & Sendable>: Decodable, Sendable { let cases: [T] }
        struct MasterToAddresses: Decodable {
            struct Derived: Decodable { let privateKey: String; let publicKey: String }
            let masterKey: String
            let accountPath: String
            let accountKpub: String
            let accountKtub: String
            let receivePath: String
            let changePath: String
            let receiveMainnet: [String]
            let changeMainnet: [String]
            let receiveTestnet: [String]
            let derived_receive0: Derived
        }
        struct MnemonicToAccount: Decodable {
            struct Receive: Decodable { let index: UInt32; let network: String; let address: String }
            struct Derived: Decodable { let receive0Mainnet: String; let change0Mainnet: String }
            let mnemonic: String
            let passphrase: String
            let seed: String
            let rootKey: String
            let accountPath: String
            let accountXpub: String
            let receiveAddresses: [Receive]?
            let derived_first_addresses: Derived
        }
        struct Gen1: Decodable {
            let master_key_to_addresses: MasterToAddresses
            let mnemonic_to_account: [MnemonicToAccount]
        }
        struct LegacyCase: Decodable {
            struct Keyed: Decodable { let index: UInt32; let privateKey: String; let address: String }
            struct WithKeys: Decodable { let receive: [Keyed]; let change: [Keyed] }
            let masterKey: String
            let receiveMainnet: [String]?
            let changeMainnet: [String]?
            let receiveTestnet: [String]?
            let changeTestnet: [String]?
            let withPrivateKeysTestnet: WithKeys?
        }
        struct Legacy: Decodable { let path: String; let cases: [LegacyCase] }
        struct Bip32Key: Decodable {
            let string: String; let prefix: String; let depth: UInt8; let parentFingerprint: String
            let childNumber: UInt32; let chainCode: String; let keyBytes: String
        }
        struct TV1: Decodable { let seed: String; let xprv: Bip32Key; let xpub: Bip32Key }

        let prefixes: [String: String]
        let bip39_to_root: Cases<Bip39Case>
        let gen1: Gen1
        let gen0_legacy: Legacy
        let bip32_tv1: TV1
    }

    struct SDK: Decodable {
        struct Chains: Decodable { let receive: [String]; let change: [String] }
        struct Case: Decodable {
            let id: String
            let kind: String
            // mnemonic
            let mnemonic: String?
            let wordCount: Int?
            let entropy: String?
            let passphrase: String?
            let seed: String?
            let rootKprv: String?
            let rootKtrv: String?
            let accountPath: String?
            let accountKpub: String?
            let accountKtub: String?
            let mainnet: Chains?
            let testnet10: Chains?
            let receive0PublicKey: String?
            // privateKey
            let privateKey: String?
            let publicKey: String?
            let xOnlyPublicKey: String?
            let schnorrAddress_mainnet: String?
            let ecdsaAddress_mainnet: String?
            let schnorrScriptPublicKey: String?
            let ecdsaScriptPublicKey: String?
            let schnorrAddress_testnet: String?
            let ecdsaAddress_testnet: String?
        }
        let counts: [String: Int]
        let cases: [Case]

        var mnemonicCases: [Case] { cases.filter { $0.kind == "mnemonic" } }
        var privateKeyCases: [Case] { cases.filter { $0.kind == "privateKey" } }
    }

    struct Encryption: Decodable, Sendable {
        struct Argon2Case: Decodable { let password: String; let passwordHex: String; let salt: String; let expectedKey: String }
        struct RoundTrip: Decodable {
            let password: String; let key: String; let nonce: String; let plaintext: String
            let plaintextHex: String; let expectedBlob: String
        }
        struct Cases<T: Decodable & Sendable>: Decodable, Sendable { let cases: [T] }
        struct Single: Decodable {
            let password: String; let cipher: String; let salt: String; let numThreads: UInt32; let derived_key: String
            let expectedMnemonic: String; let publicKey: String; let publicKeyPath: String; let expectedReceiveAddress0: String
        }
        struct MultisigMnemonic: Decodable {
            let cipher: String; let salt: String; let derived_key: String; let derived_mnemonic: String; let derived_kpubAtM45: String
        }
        struct Multisig: Decodable {
            let password: String; let numThreads: UInt32; let requiredSignatures: Int; let fileCosignerIndex: UInt32
            let encryptedMnemonics: [MultisigMnemonic]; let publicKeys: [String]; let derived_sortedXpubs: [String]
            let derived_cosignerIndex: UInt32; let derived_redeemScript: String; let expectedReceiveAddress0: String
        }
        struct GoImport: Decodable {
            let keysJsonV0: AnyJSON
            let keysJsonV1: AnyJSON
            let single: Single
            let multisig_2_of_5: Multisig
        }
        let argon2_sha256iv_hash: Cases<Argon2Case>
        let xchacha20poly1305_roundtrip: Cases<RoundTrip>
        let go_kaspawallet_import: GoImport
    }

    /// Keeps a JSON sub-tree as bytes so it can be fed to a parser under test.
    struct AnyJSON: Decodable {
        let data: Data
        init(from decoder: Decoder) throws {
            let value = try JSONValue(from: decoder)
            data = try JSONEncoder().encode(value)
        }
    }

    indirect enum JSONValue: Codable {
        case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSONValue].self)) }
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .null: try c.encodeNil()
            case .bool(let b): try c.encode(b)
            case .number(let n): if n == n.rounded() { try c.encode(Int(n)) } else { try c.encode(n) }
            case .string(let s): try c.encode(s)
            case .array(let a): try c.encode(a)
            case .object(let o): try c.encode(o)
            }
        }
    }

    static let hd = Fixtures.decode(HD.self, from: "hd.json")
    static let sdk = Fixtures.decode(SDK.self, from: "sdk_generated.json")
    static let encryption = Fixtures.decode(Encryption.self, from: "encryption.json")
}
