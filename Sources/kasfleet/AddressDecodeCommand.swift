import ArgumentParser
import WalletKit

/// `kasfleet address decode ADDRESS [--json]`: network, version, payload and script public key.
struct AddressDecode: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decode", abstract: "Decode an address: network, version, payload, script public key.")

    @Argument(help: "The address, e.g. kaspa:qq...")
    var address: String

    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Report: Encodable {
        let address: String
        let prefix: String
        let networks: [String]
        let version: String
        let versionByte: UInt8
        let payload: String
        let scriptPublicKey: String
        let scriptClass: String
    }

    func run() throws {
        try runReporting {
            let a: Address
            do { a = try Address(address) } catch { throw CLIError.badData("\(error)") }
            let spk = ScriptPublicKey(address: a)
            let report = Report(
                address: a.string, prefix: a.prefix.rawValue,
                networks: Network.allCases.filter { $0.addressPrefix == a.prefix }.map(\.rawValue),
                version: a.version.name, versionByte: a.version.rawValue, payload: a.payload.hex,
                scriptPublicKey: spk.rpcHex, scriptClass: spk.scriptClass.rawValue)
            if json { return try Console.json(report) }
            Console.out("""
                address          \(report.address)
                network          \(report.networks.joined(separator: ", ")) (prefix \(report.prefix))
                version          \(report.version) (\(report.versionByte))
                payload          \(report.payload)
                scriptPublicKey  \(report.scriptPublicKey) (\(report.scriptClass); version 0000 then script)
                """)
        }
    }
}
