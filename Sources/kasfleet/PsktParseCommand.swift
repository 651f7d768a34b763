import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet pskt parse FILE|- [--network N] [--json]`: what a PSKT or PSKB spends, pays, who has signed and
/// whether it is ready. Exit codes (product.md §4): 0 ok, 64 usage, 65 bad data, 66 missing input.
struct PsktParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show what a PSKT or PSKB spends and pays, its signatures and status.",
        discussion: """
            Reads a "PSKB…" bundle or a single "PSKT…" string (surrounding whitespace is ignored) from FILE, or from \
            standard input when FILE is "-". Prints a readable summary, or with --json one JSON object on standard \
            output (messages go to standard error). The JSON shape is documented in docs/cli.md.
            """)

    @Argument(help: ArgumentHelp("The file holding the PSKT or PSKB string, or - for standard input.", valueName: "FILE"))
    var file: String

    @Option(help: "Network whose addresses to show: mainnet, testnet-10, testnet-12, devnet, simnet.")
    var network: Network = .mainnet

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        try runReporting {
            let text = String(decoding: try readInput(file, what: "PSKT/PSKB"), as: UTF8.self)
            let parsed: (bundle: PSKB, format: String)
            do { parsed = try PSKB.parseAny(text.trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
                throw CLIError.badData("\(error)")
            }
            let summary = PSKBSummary(parsed.bundle, format: parsed.format, network: network)
            Console.out(json ? summary.json.prettyText : summary.text)
        }
    }
}
