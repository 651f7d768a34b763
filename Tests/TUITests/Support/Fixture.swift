import Foundation
@testable import TUI

/// A deterministic console over a small demo fleet: fixed clock (2025-11-24 16:00 UTC), seed, size.
enum Fixture {
    static let now: Int64 = 1_764_000_000
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 160, height: 48)
    static let sizes = [small, large]

    static func dataSource(machines: Int = 60, locked: Bool = false) -> DemoDataSource {
        DemoDataSource(machines: machines, seed: 7, clock: { now }, live: false, locked: locked,
                       exportDirectory: FileManager.default.temporaryDirectory)
    }

    static func environment(_ ds: DemoDataSource) -> ConsoleEnvironment {
        ConsoleEnvironment(dataSource: ds, themes: ThemeLibrary(directories: [themesDirectory]), clock: { now })
    }

    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    /// A console opened and unlocked (unless `locked`), on the Dashboard, its opening loads done.
    static func runner(size: Size = small, machines: Int = 60, locked: Bool = false, plain: Bool = false) async -> ConsoleRunner {
        let ds = dataSource(machines: machines, locked: locked)
        var state = ConsoleState(size: size, locked: locked, now: now, utcOffset: 0, plain: plain)
        state.unlockHint = "demo wallet: the password is \"demo\""
        var runner = ConsoleRunner(state: state, environment: environment(ds))
        await runner.start()
        return runner
    }

    static func name(_ base: String, _ size: Size) -> String { "\(base)-\(size.width)x\(size.height)" }
}
