/// The console's screens. Numbers are product.md §3's (1 Dashboard ... 9 Settings), so keys do not move when
/// Settlements (4), Approvals (5) and Programs (6) arrive; Send and Receive open from any screen.
public enum ScreenID: String, CaseIterable, Sendable, Hashable {
    case dashboard, fleet, machine, activity, node, settings, send, receive

    /// The screens of the tab bar, in order.
    public static let tabs: [ScreenID] = [.dashboard, .fleet, .machine, .activity, .node, .settings]

    public var number: Int? {
        switch self {
        case .dashboard: return 1
        case .fleet: return 2
        case .machine: return 3
        case .activity: return 7
        case .node: return 8
        case .settings: return 9
        case .send, .receive: return nil
        }
    }

    public var title: String {
        switch self {
        case .dashboard: return "Dashboard"
        case .fleet: return "Fleet"
        case .machine: return "Machine"
        case .activity: return "Activity"
        case .node: return "Node"
        case .settings: return "Settings"
        case .send: return "Send"
        case .receive: return "Receive"
        }
    }

    /// The key context whose bindings apply on this screen.
    public var context: KeyContext {
        switch self {
        case .dashboard: return .dashboard
        case .fleet: return .fleet
        case .machine: return .machine
        case .activity: return .activity
        case .node: return .node
        case .settings: return .settings
        case .send: return .send
        case .receive: return .receive
        }
    }
}
