import Foundation
import GRDB

/// Errors of the wallet store, each with the facts an operator needs to act.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// No wallet file where one was expected.
    case notFound(path: String)
    /// `create`/`import` where a wallet already exists.
    case alreadyExists(path: String)
    /// The file belongs to another network than the one asked for.
    case wrongNetwork(path: String, file: String, requested: String)
    /// The file was written by a newer Kasfleet (it has migrations this version does not know).
    case newerFormat(path: String, unknownMigrations: [String])
    /// The file is not a Kasfleet wallet, or its content is damaged.
    case corrupted(String)
    /// Another process holds the write lock longer than the busy timeout.
    case busy(path: String, waitedSeconds: Double)
    /// The password does not open the wallet's key envelope (or that envelope is damaged).
    case wrongPassword
    /// A stored secret did not authenticate under the right data key: the file was altered.
    case secretCorrupted(keyId: Int64)
    case emptyPassword
    /// The operation needs the wallet's secrets: give the password.
    case locked(String)
    case watchOnly(account: String)
    /// An account, machine, group or address that does not exist.
    case unknown(what: String, name: String)
    case duplicate(what: String, name: String)
    case invalid(String)
    /// UTXOs that are reserved, spent or missing (`reserve`), or not enough spendable value (`selectAndReserve`).
    case utxoUnavailable(String)
    case insufficientFunds(available: Sompi, requested: Sompi)
    /// The policy evaluator refused a spend; every reason is a sentence.
    case policyDenied([String])
    case database(String)

    public var description: String {
        switch self {
        case .notFound(let p): return "no wallet at \(p): create one with 'kasfleet wallet create' or import one with 'kasfleet wallet import'"
        case .alreadyExists(let p): return "a wallet already exists at \(p); choose another --data-dir or remove it first"
        case .wrongNetwork(let p, let f, let r): return "the wallet at \(p) is a \(f) wallet, not \(r); pass --network \(f)"
        case .newerFormat(let p, let m):
            return "the wallet at \(p) was written by a newer Kasfleet (unknown migrations: \(m.joined(separator: ", "))); upgrade Kasfleet to open it"
        case .corrupted(let why): return "the wallet file is damaged or not a Kasfleet wallet: \(why)"
        case .busy(let p, let s):
            return "the wallet at \(p) is busy: another kasfleet process held it for \(String(format: "%.1f", s)) s; try again"
        case .wrongPassword: return "wrong password (or the wallet's key envelope is corrupted); nothing was changed"
        case .secretCorrupted(let id): return "stored secret #\(id) failed authentication: the wallet file was altered or damaged"
        case .emptyPassword: return "the password is empty; use a non-empty password"
        case .locked(let what): return "\(what) needs the wallet password: pass --password-file or run on a terminal"
        case .watchOnly(let a): return "account '\(a)' is watch-only: it holds no private keys"
        case .unknown(let what, let name): return "no \(what) named '\(name)'"
        case .duplicate(let what, let name): return "a \(what) named '\(name)' already exists; names are unique"
        case .invalid(let why): return why
        case .utxoUnavailable(let why): return why
        case .insufficientFunds(let a, let r):
            return "not enough spendable funds: \(a.kasString) KAS mature and unreserved, \(r.kasString) KAS requested"
        case .policyDenied(let reasons): return "denied by policy: " + reasons.joined(separator: "; ")
        case .database(let why): return "wallet database error: \(why)"
        }
    }

    public var errorDescription: String? { description }

    /// Maps GRDB/SQLite failures to store errors (busy, corruption); store errors pass through.
    static func wrap(_ error: Error, path: String, busyTimeout: Double) -> Error {
        if error is StoreError { return error }
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path, waitedSeconds: busyTimeout)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StoreError.corrupted(db.message ?? "\(db.resultCode)")
        default: return StoreError.database(db.message ?? db.description)
        }
    }
}
