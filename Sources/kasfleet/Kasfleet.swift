import ArgumentParser
import WalletKit

@main
struct Kasfleet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kasfleet",
        abstract: "A terminal wallet and operator console for fleets of machines that pay each other on Kaspa.",
        version: WalletKitInfo.version,
        subcommands: [
            WalletCommand.self,
            AccountCommand.self,
            AddressCommand.self,
            BalanceCommand.self,
            SendCommand.self,
            SweepCommand.self,
            CompoundCommand.self,
            SyncCommand.self,
            UtxoCommand.self,
            FleetCommand.self,
            HistoryCommand.self,
            TxCommand.self,
            PsktCommand.self,
            MessageCommand.self,
            NodeCommand.self,
            BenchCommand.self,
            DemoCommand.self,
            RunDemoCommand.self,
            DebugCommand.self,
            ConsoleCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self)
}
