/// Whether a machine may spend (product.md §2).
public enum MachineStatus: String, Codable, Sendable, CaseIterable {
    case active
    /// Temporarily stopped by an operator; `unfreeze` restores it.
    case frozen
    /// Taken out of the fleet for good; its history stays.
    case retired
}

/// Where a machine's key comes from.
public enum MachineKeySource: String, Codable, Sendable, CaseIterable {
    /// A BIP32 account derived from the wallet's key (m/44'/111111'/<n>'), so the wallet can sign for it.
    case account
    /// An external public key held by the machine itself (one address, watched only).
    case publicKey = "public-key"
    /// An external account kpub (watch-only account, several addresses).
    case kpub
}

/// The key given when registering a machine.
public enum MachineKey: Sendable {
    case deriveFromWallet(UnlockedKeys)
    case publicKey(PublicKey)
    case kpub(ExtendedPublicKey)

    var source: MachineKeySource {
        switch self {
        case .deriveFromWallet: return .account
        case .publicKey: return .publicKey
        case .kpub: return .kpub
        }
    }
}

/// A registered machine as the policy evaluator and the screens see it.
public struct Machine: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: String
    public var group: String?
    public var tags: [String]
    public var status: MachineStatus

    public init(id: Int64 = 0, name: String, kind: String = "machine", group: String? = nil, tags: [String] = [], status: MachineStatus = .active) {
        self.id = id
        self.name = name
        self.kind = kind
        self.group = group
        self.tags = tags
        self.status = status
    }

    /// Machine names are what operators type: 1 to 64 letters, digits, '-', '_' or '.'.
    public static func validate(name: String) throws(StoreError) {
        let allowed = name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0) }
        guard (1...64).contains(name.count), allowed else {
            throw .invalid("machine name '\(name)' is not valid: use 1 to 64 letters, digits, '-', '_' or '.'")
        }
    }
}
