import Foundation

/// Byte-array helpers for hot paths.
enum Bytes {
    /// Whether two byte arrays hold the same bytes: one `memcmp` (the generic `==` of `[UInt8]` compares
    /// element by element through the Equatable witness, a few hundred nanoseconds for a 34-byte script).
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}
