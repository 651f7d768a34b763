/// The Fleet table: a window of the (filtered, sorted) machines, the cursor, the selection and the filter line.
public struct FleetState: Equatable, Sendable {
    public var window = ListWindow<MachineRow>()
    /// Filter and order (the window part is set when loading).
    public var query = MachineQuery()
    /// The filter being typed after `/`; nil when not editing.
    public var filterField: TextField?
    public var selection: Set<MachineID> = []
    /// The query of the load in flight, so late answers to an older query are dropped.
    public var requested: MachineQuery?
    public var loaded = false

    public init() {}

    /// The machines an action applies to: the selection, or the row under the cursor.
    public var targets: [MachineRow] {
        if !selection.isEmpty {
            return window.rows.filter { selection.contains($0.id) }
        }
        return window.current.map { [$0] } ?? []
    }

    public var targetIDs: [MachineID] {
        selection.isEmpty ? (window.current.map { [$0.id] } ?? []) : selection.sorted()
    }
}
