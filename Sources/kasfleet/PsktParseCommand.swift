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
    var network: String = "mainnet"

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        do { _ = try Network(parsing: network) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let network = try Network(parsing: network)
        let text: String
        do { text = try readInput() } catch {
            Self.fail("kasfleet pskt parse: \(error.description)", code: .missingInput)
        }
        let parsed: (bundle: PSKB, format: String)
        do {
            parsed = try PSKB.parseAny(text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            Self.fail("kasfleet pskt parse: \(error.description)", code: .badData)
        }
        let summary = PSKBSummary(parsed.bundle, format: parsed.format, network: network)
        print(json ? summary.json.prettyText : summary.text)
    }

    private struct InputError: Error, CustomStringConvertible {
        var description: String
    }

    private func readInput() throws(InputError) -> String {
        if file == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard FileManager.default.fileExists(atPath: file) else { throw InputError(description: "\(file): no such file") }
        guard let data = FileManager.default.contents(atPath: file) else { throw InputError(description: "\(file): cannot be read") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The sysexits codes this command uses.
    enum Exit: Int32 {
        case badData = 65
        case missingInput = 66
    }

    static func fail(_ message: String, code: Exit) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Self.exit(withError: ExitCode(code.rawValue))
    }
}
