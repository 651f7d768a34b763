import Sync

/// The ncurses operator console. (Filled in by the console issue.)
public enum TUIModule {
    public static let name = "kasfleet console"
}
