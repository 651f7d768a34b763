import ArgumentParser
import WalletKit

@main
struct Kasfleet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kasfleet",
        abstract: "A terminal wallet and operator console for fleets of machines that pay each other on Kaspa.",
        version: WalletKitInfo.version,
        subcommands: [
            AddressCommand.self,
            TxCommand.self,
            PsktCommand.self,
            MessageCommand.self,
            BenchCommand.self,
            DemoCommand.self,
            ConsoleCommand.self,
        ])
}
