import ArgumentParser
import Foundation
import WalletKit
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
        case let e as StoreError: return of(e)
        case let e as NodeError:
            switch e {
            case .badEndpoint: return .usage
            case .wrongNetwork, .noUtxoIndex: return .configuration
            case .notSynced: return .retryLater
            case .rpc, .badResponse, .messageTooLarge: return .badData
            case .unreachable, .disconnected, .notConnected, .timeout, .cancelled: return .nodeUnavailable
            }
        case let e as SendError:
            switch e {
            case .insufficientFunds, .tooHeavy, .selfCheckFailed, .idMismatch, .nothingToConsolidate: return .badData
            }
        case let e as DevnetError:
            if case .snapshot = e { return .badData }
            return .configuration
        // WalletKit's data errors (MnemonicError, ExtendedKeyError, DerivationPathError, AddressError,
        // KeyEncryptionError, GoKeysFileError, ...) are bad input data.
        default: return .badData
        }
    }

    /// Wallet store errors: missing wallet 66, busy 75, wrong password or policy 77, configuration 78.
    static func of(_ e: StoreError) -> ExitStatus {
        switch e {
        case .notFound, .unknown: return .missingInput
        case .alreadyExists, .wrongNetwork, .newerFormat: return .configuration
        case .busy, .utxoUnavailable: return .retryLater
        case .wrongPassword, .locked, .policyDenied: return .denied
        case .emptyPassword: return .usage
        case .corrupted, .secretCorrupted, .watchOnly, .duplicate, .invalid, .insufficientFunds, .database: return .badData
        }
    }

    /// Prints the error's message on stderr and returns the exit code to throw.
    static func fail(_ error: Error) -> ExitCode {
        let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        FileHandle.standardError.write(Data("kasfleet: \(message)\n".utf8))
        return ExitCode(of(error).rawValue)
    }
}
