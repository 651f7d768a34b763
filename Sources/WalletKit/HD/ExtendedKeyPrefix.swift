/// The four-letter prefixes of serialized extended keys and their BIP32 version bytes
/// (rusty-kaspa `wallet/bip32/src/prefix.rs`). The version bytes make the Base58 string start with these letters.
public enum ExtendedKeyPrefix: String, CaseIterable, Sendable, Codable {
    case kprv, kpub, ktrv, ktub
    case xprv, xpub, tprv, tpub
    case yprv, ypub, zprv, zpub

    /// The big-endian version field of the 78-byte serialization.
    public var version: UInt32 {
        switch self {
        case .kprv: return 0x038f_2ef4
        case .kpub: return 0x038f_332e
        case .ktrv: return 0x0390_9e07
        case .ktub: return 0x0390_a241
        case .xprv: return 0x0488_ade4
        case .xpub: return 0x0488_b21e
        case .tprv: return 0x0435_8394
        case .tpub: return 0x0435_87cf
        case .yprv: return 0x049d_7878
        case .ypub: return 0x049d_7cb2
        case .zprv: return 0x04b2_430c
        case .zpub: return 0x04b2_4746
        }
    }

    public init?(version: UInt32) {
        guard let match = ExtendedKeyPrefix.allCases.first(where: { $0.version == version }) else { return nil }
        self = match
    }

    /// `…prv` / `…trv` carry a private key; `…pub` / `…tub` a public key.
    public var isPrivate: Bool { rawValue.hasSuffix("prv") || rawValue.hasSuffix("trv") }

    /// The prefix of the same family for the other key kind (kprv <-> kpub, ktrv <-> ktub, ...).
    public var counterpart: ExtendedKeyPrefix {
        switch self {
        case .kprv: return .kpub
        case .kpub: return .kprv
        case .ktrv: return .ktub
        case .ktub: return .ktrv
        case .xprv: return .xpub
        case .xpub: return .xprv
        case .tprv: return .tpub
        case .tpub: return .tprv
        case .yprv: return .ypub
        case .ypub: return .yprv
        case .zprv: return .zpub
        case .zpub: return .zprv
        }
    }

    /// Kaspa's choice per network: kprv/kpub on mainnet, ktrv/ktub on testnets, devnet and simnet
    /// (`impl From<NetworkId> for Prefix`).
    public static func kaspa(network: Network, isPrivate: Bool) -> ExtendedKeyPrefix {
        switch (network.isMainnet, isPrivate) {
        case (true, true): return .kprv
        case (true, false): return .kpub
        case (false, true): return .ktrv
        case (false, false): return .ktub
        }
    }
}
