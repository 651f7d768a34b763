import ArgumentParser
import Foundation
import Sync

/// Exit codes of every command (product.md §4), and the one place errors are mapped to them.
enum ExitStatus: Int32 {
    case ok = 0
    case usage = 64
    case badData = 65
    case missingInput = 66
    case nodeUnavailable = 69
    case retryLater = 75
    case denied = 77
    case configuration = 78

    /// The status an error ends a command with.
    static func of(_ error: Error) -> ExitStatus {
        switch error {
        case let e as InputFileError: return e.status
        case let e as CLIError: return e.status
        case is ValidationError: return .usage
        case let e as NodeError:
            switch e {
            case .badEndpoint: return .usage
            case .wrongNetwork, .noUtxoIndex: return .configuration
            case .notSynced: return .retryLater
            case .rpc, .badResponse, .messageTooLarge: return .badData
            case .unreachable, .disconnected, .notConnected, .timeout, .cancelled: return .nodeUnavailable
            }
        case let e as DevnetError:
            if case .snapshot = e { return .badData }
            return .configuration
        // WalletKit's data errors (MnemonicError, ExtendedKeyError, DerivationPathError, AddressError,
        // KeyEncryptionError, GoKeysFileError, ...) are bad input data.
        default: return .badData
        }
    }

    /// Prints the error's message on stderr and returns the exit code to throw.
    static func fail(_ error: Error) -> ExitCode {
        let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        FileHandle.standardError.write(Data("kasfleet: \(message)\n".utf8))
        return ExitCode(of(error).rawValue)
    }
}
