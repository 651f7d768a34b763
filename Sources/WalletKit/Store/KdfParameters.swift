/// Argon2id parameters of a wallet's key envelope, stored beside the ciphertext so they can be raised later
/// (a `change-password` may re-wrap under stronger ones) and every stored wallet stays openable.
public struct KdfParameters: Sendable, Equatable, Codable {
    public static let algorithm = "argon2id-v19"

    public var memoryKiB: UInt32
    public var iterations: UInt32
    public var parallelism: UInt32

    public init(memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
    }

    /// The default: the same cost as rusty-kaspa's wallet key (`wallet/core/src/encryption.rs`, argon2 0.5
    /// defaults m = 19456 KiB, t = 2, p = 1), with a random 32-byte salt instead of SHA-256(password).
    public static let standard = KdfParameters(memoryKiB: 19_456, iterations: 2, parallelism: 1)

    /// Cheap parameters for unit tests only; never for a real wallet.
    public static let insecureForTests = KdfParameters(memoryKiB: 64, iterations: 1, parallelism: 1)

    func argon2() throws(StoreError) -> Argon2id {
        do { return try Argon2id(memoryKiB: memoryKiB, iterations: iterations, parallelism: parallelism, tagLength: 32) } catch {
            throw .corrupted("stored Argon2id parameters are invalid: \(error.description)")
        }
    }
}
