import ArgumentParser

/// `kasfleet address …`: address derivation and inspection.
struct AddressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address",
        abstract: "Derive and inspect addresses.",
        subcommands: [AddressDerive.self])
}
