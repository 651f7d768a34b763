/// The human-readable part of an address: it names the network.
public enum AddressPrefix: String, CaseIterable, Sendable, Codable {
    case mainnet = "kaspa"
    case testnet = "kaspatest"
    case simnet = "kaspasim"
    case devnet = "kaspadev"
}
