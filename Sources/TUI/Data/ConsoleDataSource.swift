/// Everything the console reads from the wallet, the fleet and the node, and every command it gives them.
///
/// The console calls these from effect tasks, never from the render path, so an implementation may block on a
/// database read or a node round trip. All types are plain values: the wallet store and the sync engine are
/// wrapped behind this protocol (`DemoDataSource` is a deterministic in-memory one for tests, the benchmark and
/// `kasfleet console --demo`). Errors are shown with their `LocalizedError` message; `ConsoleDataError` cases
/// carry meanings the console acts on (a wrong password, a Send field to mark).
public protocol ConsoleDataSource: Sendable {
    // Reading
    func summary() async throws -> WalletSummary
    func machines(_ query: MachineQuery) async throws -> MachinePage
    func machine(_ id: MachineID) async throws -> MachineDetail
    func activity(_ query: ActivityQuery) async throws -> ActivityPage
    func nodeStatus() async -> NodeStatus
    func settings() async throws -> ConsoleSettings
    func receiveAddress(for target: ReceiveTarget, fresh: Bool) async throws -> ReceiveAddress

    // Commands
    func saveSettings(_ settings: ConsoleSettings) async throws
    /// Fee, mass and the policy verdict of a payment, without signing anything.
    func previewSend(_ request: SendRequest) async throws -> SendPreview
    /// Signs (after checking the password and the policy) and submits a payment.
    func send(_ request: SendRequest, password: Secret) async throws -> SendReceipt
    /// Freezes or unfreezes machines; returns how many changed.
    func setFrozen(_ machines: [MachineID], frozen: Bool) async throws -> Int
    /// Writes the history matching the query's filter (all of it, the window aside) and returns the file's path.
    func exportActivity(_ query: ActivityQuery, format: ExportFormat) async throws -> String

    // Secrets and the lock
    func isLocked() async -> Bool
    /// Throws `ConsoleDataError.wrongPassword` on a wrong password.
    func unlock(password: Secret) async throws
    func lock() async
    /// The recovery phrase, on an explicit and confirmed request; the console drops it on lock.
    func revealMnemonic(password: Secret) async throws -> Secret

    /// Changes as they happen (sync notifications, new history). The console coalesces them and reloads what is on
    /// screen. The stream may never end.
    func events() -> AsyncStream<DataEvent>
}

/// A change in the data behind the console.
public enum DataEvent: Equatable, Sendable {
    case node(NodeStatus)
    /// Balances or statuses of these machines changed (empty: any, reload all).
    case machinesChanged([MachineID])
    case walletChanged
    case activityAppended
    /// The wallet locked itself (another process, a timeout of the store).
    case locked
}
