/// The Kaspa networks a wallet can be on (network ids of rusty-kaspa `consensus/core/src/network.rs`).
public enum Network: String, CaseIterable, Sendable, Codable {
    case mainnet
    case testnet10 = "testnet-10"
    case testnet12 = "testnet-12"
    case devnet
    case simnet

    public init(parsing text: String) throws(NetworkError) {
        switch text.lowercased() {
        case "mainnet", "kaspa": self = .mainnet
        case "testnet-10", "testnet10", "testnet", "tn10": self = .testnet10
        case "testnet-12", "testnet12", "tn12": self = .testnet12
        case "devnet": self = .devnet
        case "simnet": self = .simnet
        default: throw .unknown(text)
        }
    }

    /// Address prefix (`crypto/addresses/src/lib.rs`, `Prefix::as_str`).
    public var addressPrefix: AddressPrefix {
        switch self {
        case .mainnet: return .mainnet
        case .testnet10, .testnet12: return .testnet
        case .devnet: return .devnet
        case .simnet: return .simnet
        }
    }

    /// gRPC port kaspad listens on by default (`kaspad/src/args.rs`, protocol notes §6.2).
    public var defaultGrpcPort: Int {
        switch self {
        case .mainnet: return 16110
        case .testnet10, .testnet12: return 16210
        case .simnet: return 16510
        case .devnet: return 16610
        }
    }

    /// Extended public keys are shown as kpub on mainnet and ktub elsewhere (`wallet/bip32/src/prefix.rs`).
    public var isMainnet: Bool { self == .mainnet }
}

public enum NetworkError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(String)
    public var description: String {
        switch self {
        case .unknown(let s):
            return "unknown network '\(s)': expected one of mainnet, testnet-10, testnet-12, devnet, simnet"
        }
    }
}
