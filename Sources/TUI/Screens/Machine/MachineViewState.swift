/// The Machine screen's panes.
public enum MachinePane: Int, CaseIterable, Sendable {
    case addresses, utxos, history, policy, events

    public var title: String {
        switch self {
        case .addresses: return "Addresses"
        case .utxos: return "UTXOs"
        case .history: return "Spend history"
        case .policy: return "Policy"
        case .events: return "Events"
        }
    }
}

/// Which machine the Machine screen shows, its details once loaded, and the focused pane.
public struct MachineViewState: Equatable, Sendable {
    public var id: MachineID?
    public var detail: MachineDetail?
    public var pane: MachinePane = .addresses
    public var cursors: [Int] = Array(repeating: 0, count: MachinePane.allCases.count)
    public var loading = false
    /// The QR code of the highlighted address (encoded when it changes, not while drawing).
    public var qr: QRMatrix?

    public init() {}
}
