/// Version of the wallet core, shown by `kasfleet --version`.
public enum WalletKitInfo {
    public static let version = "0.1.0"
}
