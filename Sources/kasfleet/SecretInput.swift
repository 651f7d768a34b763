import Foundation
import WalletKit

/// Secrets (mnemonics, passphrases, passwords) come from files or standard input, never from argv or the
/// environment (product.md §4).
enum SecretInput {
    /// Reads a whole file into `SecretBytes`; `-` reads standard input when `allowStdin`.
    static func read(path: String, what: String, allowStdin: Bool) throws(InputFileError) -> SecretBytes {
        var data: Data
        if path == "-" {
            guard allowStdin else { throw .stdinNotAllowed(what: what) }
            if isatty(STDIN_FILENO) == 1 {
                FileHandle.standardError.write(Data("Enter the \(what), then Ctrl-D:\n".utf8))
            }
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw .missing(what: what, path: path)
            }
            guard let contents = FileManager.default.contents(atPath: path) else { throw .unreadable(what: what, path: path) }
            data = contents
        }
        defer { data.resetBytes(in: 0..<data.count) }
        return SecretBytes(data)
    }

    /// A passphrase file's content without its final line break (editors add one).
    static func readPassphrase(path: String) throws(InputFileError) -> SecretBytes {
        let raw = try read(path: path, what: "passphrase", allowStdin: false)
        var bytes = raw.copyBytes()
        defer { SecretBytes.wipe(&bytes) }
        if bytes.last == 0x0a { bytes.removeLast() }
        if bytes.last == 0x0d { bytes.removeLast() }
        return SecretBytes(bytes)
    }
}

enum InputFileError: Error, LocalizedError {
    case missing(what: String, path: String)
    case unreadable(what: String, path: String)
    case stdinNotAllowed(what: String)
    case notText(what: String)

    var status: ExitStatus {
        switch self {
        case .missing, .unreadable: return .missingInput
        case .stdinNotAllowed: return .usage
        case .notText: return .badData
        }
    }

    var errorDescription: String? {
        switch self {
        case .missing(let what, let path): return "\(what) file '\(path)' does not exist"
        case .unreadable(let what, let path): return "\(what) file '\(path)' cannot be read (check its permissions)"
        case .stdinNotAllowed(let what): return "the \(what) cannot come from standard input here; give a file"
        case .notText(let what): return "the \(what) file is not UTF-8 text"
        }
    }
}
