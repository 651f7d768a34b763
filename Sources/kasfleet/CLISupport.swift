import ArgumentParser
import Foundation
import WalletKit

/// Exit codes (product.md §4, sysexits style). Mapped from errors in one place: `CLIError.exitCode`.
enum ExitStatus: Int32 {
    case ok = 0, usage = 64, badData = 65, missingInput = 66, nodeUnavailable = 69, retryLater = 75, denied = 77, configuration = 78
}

/// An error the command line reports: one line on stderr, then the matching exit code.
struct CLIError: Error, CustomStringConvertible {
    let status: ExitStatus
    let message: String

    static func badData(_ message: String) -> CLIError { CLIError(status: .badData, message: message) }
    static func missingInput(_ message: String) -> CLIError { CLIError(status: .missingInput, message: message) }
    static func usage(_ message: String) -> CLIError { CLIError(status: .usage, message: message) }

    var description: String { message }
}

/// Runs a command body: data goes to stdout, an error becomes one message on stderr and a sysexits code.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        Console.error(error.message)
        throw ExitCode(error.status.rawValue)
    } catch let error as ExitCode {
        throw error
    } catch let error as DecodingError {
        Console.error("kasfleet: \(describe(error))")
        throw ExitCode(ExitStatus.badData.rawValue)
    } catch {
        Console.error("kasfleet: \(error)")
        throw ExitCode(ExitStatus.badData.rawValue)
    }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Stable JSON on stdout: sorted keys, no escaped slashes, one document per call.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// Reads a whole input: a file path, or `-` for stdin. A missing file is exit 66.
func readInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError.missingInput("kasfleet: no such file: \(path)") }
    guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.missingInput("kasfleet: cannot read \(path)") }
    return data
}

/// Reads a secret (private key, mnemonic, passphrase) from a file, trimmed; never from argv or the environment.
func readSecretFile(_ path: String, what: String) throws -> SecretBytes {
    var data = [UInt8](try readInput(path))
    defer { SecretBytes.wipe(&data) }
    while let last = data.last, last == 0x0a || last == 0x0d || last == 0x20 || last == 0x09 { data.removeLast() }
    while let first = data.first, first == 0x20 || first == 0x09 || first == 0x0a { data.removeFirst() }
    guard !data.isEmpty else { throw CLIError.badData("kasfleet: \(what) file \(path) is empty") }
    return SecretBytes(data)
}

/// One readable line for a JSON decoding failure: where, and what was wrong.
func describe(_ error: DecodingError) -> String {
    func path(_ p: [CodingKey]) -> String {
        p.isEmpty ? "the top level" : p.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
    }
    switch error {
    case .dataCorrupted(let c):
        if let underlying = c.underlyingError { return "the input is not valid JSON (\(underlying.localizedDescription))" }
        return "\(path(c.codingPath)): \(c.debugDescription)"
    case .keyNotFound(let key, let c): return "\(path(c.codingPath + [key])) is missing"
    case .typeMismatch(let type, let c): return "\(path(c.codingPath)) has the wrong type (expected \(type)): \(c.debugDescription)"
    case .valueNotFound(let type, let c): return "\(path(c.codingPath)) is null (expected \(type))"
    @unknown default: return "\(error)"
    }
}

extension Network: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
