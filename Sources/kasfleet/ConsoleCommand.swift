import ArgumentParser
import Foundation
import Sync
import TUI
import WalletKit

/// `kasfleet console` (the default command): the ncurses operator console over a wallet and its node.
/// `--devnet` starts the embedded devnet node with a demo wallet and fleet paying each other (what `make run`
/// opens); `--demo` opens generated offline data (any fleet size, for trying the screens).
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the operator console (keys: ? for help, Ctrl-P for every command, q to go back or quit).",
        discussion: """
            Without --devnet or --demo it opens the wallet of --data-dir / --network and syncs it with --node. \
            Colour follows COLORTERM (true colour), the terminal's colour count (256 or 16) and NO_COLOR (none). \
            --plain draws without colour or box drawing, one item per line, for screen readers and logs.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var nodeOptions: NodeOptions

    @Flag(help: "Start the embedded devnet node with a demo wallet and machines paying each other (its password is \"demo\").")
    var devnet = false

    @Flag(help: "Open generated offline demo data (its password is \"demo\"); no node, nothing is sent.")
    var demo = false

    @Option(help: "Machines: 2 to 6 with --devnet (default 4), up to 10,000,000 with --demo (default 200).")
    var machines: Int?

    @Option(help: "With --devnet: seconds between the machines' payments to each other.")
    var interval: Double = 3

    @Option(help: "Colour theme: dark, light, high-contrast, 16-color, or a .theme file's name from the themes folders.")
    var theme: String?

    @Flag(help: "No colour, no box drawing, ASCII only, one item per line.")
    var plain = false

    static let demoPassword = "demo"

    func validate() throws {
        guard !(devnet && demo) else { throw ValidationError("--devnet and --demo are two different demos: choose one") }
        guard interval >= 0.1 else { throw ValidationError("--interval must be at least 0.1 s, got \(interval)") }
        if let machines {
            if devnet { guard (2...6).contains(machines) else { throw ValidationError("--machines must be between 2 and 6 with --devnet, got \(machines)") } }
            guard (0...10_000_000).contains(machines) else { throw ValidationError("--machines must be between 0 and 10000000, got \(machines)") }
        }
    }

    func run() throws {
        try runReporting {
            if demo {
                let source = DemoDataSource(machines: machines ?? 200, live: true, locked: true)
                return try open(source, hint: "demo wallet: the password is \"demo\"")
            }
            if devnet { return try runOnDevnet() }
            guard WalletStore.exists(at: store.databaseURL) else {
                throw CLIError(status: .configuration, message: """
                    no \(store.network.rawValue) wallet at \(store.directory.path): create one with 'kasfleet wallet create', \
                    or try the console on the embedded devnet with 'kasfleet console --devnet' (what 'make run' opens)
                    """)
            }
            let wallet = try store.open()
            let endpoint = try nodeOptions.endpoint(store.network)
            let client = NodeClient(endpoint: endpoint, options: nodeOptions.clientOptions, logger: fileLogger)
            let engine = SyncEngine(client: client, store: wallet, logger: fileLogger)
            let sender = Sender(store: wallet, client: client, engine: engine, logger: fileLogger)
            let source = LiveDataSource(store: wallet, engine: engine, sender: sender, configuration: .init(
                walletName: store.directory.lastPathComponent, isEmbedded: false,
                settingsFile: store.directory.appendingPathComponent("console.json"), exportDirectory: Self.exportDirectory))
            let running = Task { try? await engine.run() }
            defer {
                running.cancel()
                try? blocking { await engine.shutdown(); await client.close() }
            }
            try open(source, hint: nil)
        }
    }

    /// The embedded devnet node, a demo wallet and fleet paying each other, and the console over them.
    func runOnDevnet() throws {
        var config = DemoFleet.Config()
        config.machines = machines ?? 4
        config.paymentInterval = .milliseconds(Int64(interval * 1000))
        config.password = SecretBytes(Array(Self.demoPassword.utf8))
        let settings = config
        Console.error("starting the embedded devnet node and the demo fleet…")
        let fleet = try blocking { try await DemoFleet.start(settings, logger: fileLogger) }
        defer { try? blocking { await fleet.stop() } }
        // The demo's own story (payments, denials) goes to the log; the console shows it from the wallet.
        let drain = Task { for await event in fleet.events { fileLogger.info("\(event.description)") } }
        defer { drain.cancel() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-console-devnet")
        let source = LiveDataSource(store: fleet.store, engine: fleet.engine, sender: fleet.sender, configuration: .init(
            walletName: "devnet demo", isEmbedded: true, settingsFile: directory.appendingPathComponent("console.json"),
            exportDirectory: Self.exportDirectory))
        // A newcomer's first screen is the live fleet, not a lock: this wallet was made for this run, its password is
        // printed in the hint, and quitting deletes it. Locking it (L) and signing still ask for the password.
        try blocking { try await source.unlock(password: Secret(text: Self.demoPassword)) }
        try open(source, hint: "devnet demo wallet: the password is \"demo\"")
    }

    static var exportDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// Starts the terminal and runs the console until the operator quits (or a signal ends it).
    func open(_ dataSource: some ConsoleDataSource, hint: String?) throws {
        let library = ThemeLibrary.standard()
        let settings = try blocking { try await dataSource.settings() }
        var themeName = theme ?? settings.theme
        var chosenTheme: Theme
        do { chosenTheme = try library.load(themeName) } catch {
            throw CLIError(status: .configuration, message: error.errorDescription ?? "\(error)")
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
        let locked = try blocking { await dataSource.isLocked() }
        var state = ConsoleState(size: driver.size, locked: locked, now: Int64(Date().timeIntervalSince1970),
                                 utcOffset: TimeZone.current.secondsFromGMT(), plain: plain, themeName: themeName)
        state.unlockHint = hint
        let loop = ConsoleLoop(driver: driver, environment: ConsoleEnvironment(dataSource: dataSource, themes: library),
                               state: state, theme: chosenTheme)
        let final = try blocking { await loop.run() }
        driver.stop()
        if let signal = final.exitSignal { throw ExitCode(128 + signal) }
    }
}
