/// The Dashboard's panes and where each one's cursor is.
public enum DashboardPane: Int, CaseIterable, Sendable {
    case groups, alerts, settlements

    public var title: String {
        switch self {
        case .groups: return "Groups"
        case .alerts: return "Alerts"
        case .settlements: return "Last settlements"
        }
    }
}

public struct DashboardState: Equatable, Sendable {
    public var pane: DashboardPane = .groups
    public var cursors: [Int] = [0, 0, 0]
    public init() {}
}
