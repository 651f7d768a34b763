import WalletKit

/// Talking to a Kaspa node: the protowire gRPC client, the sync engine and the embedded devnet node.
/// (Filled in by the sync issue; this marks the module's place in the dependency chain.)
public enum SyncModule {
    public static let walletKitVersion = WalletKitInfo.version
}
