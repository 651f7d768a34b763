import ArgumentParser

/// `kasfleet address ...`
struct AddressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address", abstract: "Derive and decode addresses.",
        subcommands: [AddressDerive.self, AddressDecode.self])
}
