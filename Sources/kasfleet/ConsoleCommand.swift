import ArgumentParser
import Foundation
import TUI

/// `kasfleet console`: the ncurses operator console. For now it runs on the demo wallet (`--demo`); the wallet
/// store and the sync engine plug in behind `ConsoleDataSource` next, and then it becomes the default command.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the operator console (keys: ? for help, Ctrl-P for every command, q to go back or quit).",
        discussion: """
            Colour follows COLORTERM (true colour), the terminal's colour count (256 or 16) and NO_COLOR (none). \
            --plain draws without colour or box drawing, one item per line, for screen readers and logs.
            """)

    @Flag(help: "Open a generated demo wallet and fleet (its password is \"demo\").")
    var demo = false

    @Option(help: "Machines in the demo fleet.")
    var machines: Int = 200

    @Option(help: "Colour theme: dark, light, high-contrast, 16-color, or a .theme file's name from the themes folders.")
    var theme: String?

    @Flag(help: "No colour, no box drawing, ASCII only, one item per line.")
    var plain = false

    func validate() throws {
        guard (0...10_000_000).contains(machines) else { throw ValidationError("--machines must be between 0 and 10000000, got \(machines)") }
    }

    func run() throws {
        try runReporting {
            guard demo else {
                throw CLIError(status: .configuration,
                               message: "the console runs on demo data until the wallet store is connected: use kasfleet console --demo")
            }
            let library = ThemeLibrary.standard()
            let dataSource = DemoDataSource(machines: machines, live: true, locked: true)
            let settings = try blockingAwait { try await dataSource.settings() }
            var themeName = theme ?? settings.theme
            var chosenTheme: Theme
            do { chosenTheme = try library.load(themeName) } catch {
                throw CLIError(status: .configuration, message: (error as? LocalizedError)?.errorDescription ?? "\(error)")
            }
            let driver = NcursesDriver(colorMode: plain ? ColorMode.none : nil)
            do { try driver.start() } catch let error as NcursesDriver.DriverError {
                let status: ExitStatus = if case .notATerminal = error { .usage } else { .configuration }
                throw CLIError(status: status, message: error.errorDescription ?? "\(error)")
            }
            defer { driver.stop() }
            if theme == nil, driver.colorMode == .ansi16, let sixteen = try? library.load("16-color") {
                chosenTheme = sixteen
                themeName = "16-color"
            }
            let locked = blockingAwait { await dataSource.isLocked() }
            var state = ConsoleState(size: driver.size, locked: locked, now: Int64(Date().timeIntervalSince1970),
                                     utcOffset: TimeZone.current.secondsFromGMT(), plain: plain, themeName: themeName)
            state.unlockHint = "demo wallet: the password is \"demo\""
            let loop = ConsoleLoop(driver: driver, environment: ConsoleEnvironment(dataSource: dataSource, themes: library),
                                   state: state, theme: chosenTheme)
            let final = blockingAwait { await loop.run() }
            driver.stop()
            if let signal = final.exitSignal { throw ExitCode(128 + signal) }
        }
    }
}

/// Runs async work from a synchronous command and waits for it (the root command is synchronous).
func blockingAwait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

func blockingAwait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let result: Result<T, any Error> = blockingAwait {
        do { return .success(try await body()) } catch { return .failure(error) }
    }
    return try result.get()
}

/// Written by the task before the semaphore is signalled, read after the wait: never concurrently.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var value: T?
}
