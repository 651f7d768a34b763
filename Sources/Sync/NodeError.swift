import Foundation
import WalletKit

/// Where a node listens: a host (name or IPv4/IPv6 literal) and a gRPC port.
public struct NodeEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Loopback on the network's default gRPC port (mainnet 16110, testnet 16210, devnet 16610).
    public static func localhost(_ network: Network) -> NodeEndpoint {
        NodeEndpoint(host: "127.0.0.1", port: network.defaultGrpcPort)
    }

    /// Parses `HOST:PORT`, `[IPV6]:PORT`, or `HOST` alone (then `defaultPort`).
    public init(parsing text: String, defaultPort: Int) throws(NodeError) {
        let t = text.trimmingCharacters(in: .whitespaces)
        var host = t
        var port = defaultPort
        if t.hasPrefix("[") {
            guard let close = t.firstIndex(of: "]") else { throw .badEndpoint(text) }
            host = String(t[t.index(after: t.startIndex)..<close])
            let rest = t[t.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let p = Int(rest.dropFirst()) else { throw .badEndpoint(text) }
                port = p
            }
        } else if let colon = t.lastIndex(of: ":"), t.firstIndex(of: ":") == colon {
            host = String(t[..<colon])
            guard let p = Int(t[t.index(after: colon)...]) else { throw .badEndpoint(text) }
            port = p
        }
        guard !host.isEmpty, (1...65535).contains(port) else { throw .badEndpoint(text) }
        self.init(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Why a call to a node failed, with the node's address and what to do about it.
public enum NodeError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    case badEndpoint(String)
    /// No connection could be made (refused, unreachable, name not resolved).
    case unreachable(NodeEndpoint, detail: String)
    /// The stream broke after it had worked (the node stopped or the network dropped).
    case disconnected(NodeEndpoint, detail: String)
    case notConnected(NodeEndpoint)
    case wrongNetwork(NodeEndpoint, expected: Network, actual: String)
    case noUtxoIndex(NodeEndpoint)
    case notSynced(NodeEndpoint)
    /// The node answered the call with an error (`RPCError.message`, verbatim).
    case rpc(NodeEndpoint, call: String, message: String)
    case timeout(NodeEndpoint, call: String, seconds: Double)
    /// The node's answer could not be read (a field was malformed or of the wrong kind).
    case badResponse(NodeEndpoint, call: String, detail: String)
    case messageTooLarge(NodeEndpoint, detail: String)
    case cancelled(NodeEndpoint, call: String)

    public var description: String {
        switch self {
        case .badEndpoint(let text):
            return "'\(text)' is not a node address: expected HOST:PORT, e.g. 127.0.0.1:16110"
        case .unreachable(let e, let detail):
            return "cannot reach the node at \(e) (\(detail)): is kaspad running there with its gRPC server on (default ports: mainnet 16110, testnet 16210, devnet 16610)?"
        case .disconnected(let e, let detail):
            return "the connection to the node at \(e) was lost (\(detail)); it will be retried"
        case .notConnected(let e):
            return "not connected to the node at \(e): connect first"
        case .wrongNetwork(let e, let expected, let actual):
            return "the node at \(e) is on \(actual.isEmpty ? "an unnamed network" : actual), not \(expected.rawValue): point --node at a \(expected.rawValue) node or choose --network \(actual)"
        case .noUtxoIndex(let e):
            return "the node at \(e) has no UTXO index: start kaspad with --utxoindex"
        case .notSynced(let e):
            return "the node at \(e) is not synced yet: balances and UTXOs may be stale until it catches up"
        case .rpc(let e, let call, let message):
            return "the node at \(e) rejected \(call): \(message)"
        case .timeout(let e, let call, let seconds):
            return "the node at \(e) did not answer \(call) within \(seconds.formatted(.number.precision(.fractionLength(0...1)))) s: it may be overloaded or still starting"
        case .badResponse(let e, let call, let detail):
            return "the node at \(e) sent an unreadable answer to \(call): \(detail)"
        case .messageTooLarge(let e, let detail):
            return "a message to or from the node at \(e) is larger than allowed (\(detail))"
        case .cancelled(let e, let call):
            return "\(call) to the node at \(e) was cancelled"
        }
    }

    public var errorDescription: String? { description }

    /// True for failures a later retry may cure (the node is down, restarting, or slow).
    public var isTransient: Bool {
        switch self {
        case .unreachable, .disconnected, .notConnected, .timeout, .notSynced: return true
        default: return false
        }
    }

    /// The error the node's `RPCError` text stands for: kaspad's "Method unavailable. Run the node with the
    /// --utxoindex argument." (rusty-kaspa `rpc/core/src/error.rs`, `NoUtxoIndex`) becomes `.noUtxoIndex`.
    static func fromRPCMessage(_ message: String, call: String, endpoint: NodeEndpoint) -> NodeError {
        if message.contains("--utxoindex") { return .noUtxoIndex(endpoint) }
        return .rpc(endpoint, call: call, message: message)
    }
}
