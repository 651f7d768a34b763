import CSodium

/// Secret material (seeds, private keys, passwords): the bytes live in memory that is wiped when the
/// last reference goes away. It never prints its bytes and is deliberately not `Codable`.
public final class SecretBytes: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let buffer: UnsafeMutableRawBufferPointer

    public init(_ bytes: some Collection<UInt8>) {
        _ = sodiumReady
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        count = bytes.count
        for (i, b) in bytes.enumerated() { buffer[i] = b }
    }

    /// Fresh random bytes from the OS (libsodium `randombytes_buf`).
    public static func random(count: Int) -> SecretBytes {
        var tmp = [UInt8](repeating: 0, count: count)
        _ = sodiumReady
        randombytes_buf(&tmp, count)
        let secret = SecretBytes(tmp)
        wipe(&tmp)
        return secret
    }

    public let count: Int

    /// Read access without copying out.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }

    /// A copy the caller is responsible for; prefer `withUnsafeBytes`.
    public func copyBytes() -> [UInt8] { withUnsafeBytes { Array($0) } }

    /// Constant-time comparison.
    public func isEqual(to other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { a in other.withUnsafeBytes { b in sodium_memcmp(a.baseAddress!, b.baseAddress!, count) == 0 } }
    }

    deinit {
        sodium_memzero(buffer.baseAddress!, buffer.count)
        buffer.deallocate()
    }

    public var description: String { "<secret: \(count) bytes>" }
    public var debugDescription: String { description }

    /// Overwrites a temporary array that held secret bytes.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { raw in
            if let base = raw.baseAddress { sodium_memzero(base, raw.count) }
        }
        bytes.removeAll()
    }
}
