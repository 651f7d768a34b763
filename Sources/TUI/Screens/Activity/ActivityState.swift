/// The Activity list: a window of the (filtered) history, newest first.
public struct ActivityState: Equatable, Sendable {
    public var window = ListWindow<ActivityRow>()
    public var filter = ""
    public var filterField: TextField?
    public var requested: ActivityQuery?
    public var loaded = false
    public init() {}
}
