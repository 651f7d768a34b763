import Foundation
import WalletKit

/// Settings the console reads and the Settings screen changes (product.md §3, screen 9).
public struct ConsoleSettings: Equatable, Sendable {
    public var theme: String
    /// Lock after this many seconds without input; 0 never locks.
    public var idleLockSeconds: Int
    public var nodeURL: String
    public var network: Network

    public init(theme: String = "dark", idleLockSeconds: Int = 300, nodeURL: String, network: Network) {
        self.theme = theme
        self.idleLockSeconds = idleLockSeconds
        self.nodeURL = nodeURL
        self.network = network
    }
}

/// A password or recovery phrase on its way between the console and the wallet, in WalletKit's `SecretBytes`
/// (wiped when released, never printed). Equal when the bytes are.
public struct Secret: Equatable, Sendable, CustomStringConvertible {
    public let bytes: SecretBytes
    public init(_ bytes: SecretBytes) { self.bytes = bytes }
    public init(text: String) { bytes = SecretBytes(Array(text.utf8)) }
    public static func == (a: Secret, b: Secret) -> Bool { a.bytes.isEqual(to: b.bytes) }
    public var description: String { "<secret>" }
    /// The text, for the moment it is drawn on screen.
    public func reveal() -> String { String(decoding: bytes.copyBytes(), as: UTF8.self) }
}

/// Errors with a meaning the console acts on; any other error is shown with its message.
public enum ConsoleDataError: Error, Equatable, Sendable, LocalizedError {
    case wrongPassword
    case locked
    /// A Send form field's value is wrong (the message says why).
    case invalidField(SendField, String)
    case notFound(String)
    /// The policy refuses (every reason).
    case denied([String])
    case unavailable(String)

    public var errorDescription: String? {
        switch self {
        case .wrongPassword: return "wrong password"
        case .locked: return "the wallet is locked: unlock it first"
        case .invalidField(_, let message): return message
        case .notFound(let what): return "\(what) was not found"
        case .denied(let reasons): return "the policy refuses: " + reasons.joined(separator: "; ")
        case .unavailable(let why): return why
        }
    }
}

/// The fields of the Send form.
public enum SendField: Int, Equatable, Sendable, CaseIterable {
    case from, to, amount, priority

    public var label: String {
        switch self {
        case .from: return "From"
        case .to: return "To"
        case .amount: return "Amount"
        case .priority: return "Fee"
        }
    }
}
