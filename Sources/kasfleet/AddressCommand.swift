import ArgumentParser

/// `kasfleet address ...`
struct AddressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address", abstract: "Derive, decode, list and hand out addresses.",
        subcommands: [AddressDerive.self, AddressDecode.self, AddressList.self, AddressNew.self])
}
