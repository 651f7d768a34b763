import ArgumentParser
import Foundation
import Sync
import WalletKit

/// `kasfleet run-demo` (what `make run` starts): the embedded devnet node, a demo wallet and a small fleet whose
/// machines pay each other on a schedule, all in this process; one status line per event until Ctrl-C.
struct RunDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-demo", abstract: "A live devnet with a demo fleet paying each other, until Ctrl-C.")

    @Option(help: "Machines in the demo fleet (2 to 6).")
    var machines: Int = 4

    @Option(help: "Seconds between payments.")
    var interval: Double = 3

    @Option(help: "Stop after this many seconds (default: run until Ctrl-C).")
    var seconds: Double?

    func validate() throws {
        guard (2...6).contains(machines) else { throw ValidationError("--machines must be between 2 and 6") }
        guard interval >= 0.1 else { throw ValidationError("--interval must be at least 0.1 s") }
    }

    func run() throws {
        try runReporting {
            var config = DemoFleet.Config()
            config.machines = machines
            config.paymentInterval = .milliseconds(Int64(interval * 1000))
            let limit = seconds
            let settings = config
            try blocking {
                Console.out("Kasfleet demo: starting the devnet node, the demo wallet and \(settings.machines) machines (Ctrl-C stops)")
                let fleet = try await DemoFleet.start(settings, logger: fileLogger)
                let printer = Task {
                    for await event in fleet.events { Console.out(Self.stamp() + "  " + event.description) }
                }
                // Until Ctrl-C (or SIGTERM), or --seconds.
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { _ = await waitForTerminationSignal() }
                    if let limit { group.addTask { try? await Task.sleep(for: .milliseconds(Int64(limit * 1000))) } }
                    await group.next()
                    group.cancelAll()
                }
                Console.out("stopping")
                await fleet.stop()
                await printer.value
                Console.out("stopped; the demo wallet was removed")
            }
        }
    }

    static func stamp() -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f.string(from: Date())
    }
}
