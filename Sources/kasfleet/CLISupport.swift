import ArgumentParser
import Foundation
import WalletKit

/// An error the command line reports: one line on stderr, then the matching exit code (see `ExitStatus.of`).
struct CLIError: Error, LocalizedError, CustomStringConvertible {
    let status: ExitStatus
    let message: String

    static func badData(_ message: String) -> CLIError { CLIError(status: .badData, message: message) }
    static func missingInput(_ message: String) -> CLIError { CLIError(status: .missingInput, message: message) }
    static func usage(_ message: String) -> CLIError { CLIError(status: .usage, message: message) }

    var description: String { message }
    var errorDescription: String? { message }
}

/// Runs a command body: data goes to stdout, an error becomes one message on stderr and a sysexits code.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as DecodingError {
        throw ExitStatus.fail(CLIError.badData(describe(error)))
    } catch {
        throw ExitStatus.fail(error)
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

/// Reads a whole (non-secret) input: a file path, or `-` for stdin. A missing file is exit 66.
func readInput(_ path: String, what: String = "input") throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        throw InputFileError.missing(what: what, path: path)
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw InputFileError.unreadable(what: what, path: path) }
    return data
}

/// Reads a secret (private key, mnemonic, passphrase) from a file, surrounding whitespace trimmed; never from argv
/// or the environment.
func readSecretFile(_ path: String, what: String) throws -> SecretBytes {
    var data = try SecretInput.read(path: path, what: what, allowStdin: false).copyBytes()
    defer { SecretBytes.wipe(&data) }
    while let last = data.last, last == 0x0a || last == 0x0d || last == 0x20 || last == 0x09 { data.removeLast() }
    while let first = data.first, first == 0x20 || first == 0x09 || first == 0x0a { data.removeFirst() }
    guard !data.isEmpty else { throw CLIError.badData("\(what) file \(path) is empty") }
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

/// Encodes an absent optional as `null` instead of leaving the key out, so every documented JSON key is
/// always present and scripts can rely on the shape (synthesized `Encodable` would skip nil values).
@propertyWrapper
struct NullWhenAbsent<Value: Encodable>: Encodable {
    var wrappedValue: Value?
    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let v = wrappedValue { try c.encode(v) } else { try c.encodeNil() }
    }
}
