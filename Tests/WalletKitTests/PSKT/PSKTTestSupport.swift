import Foundation
@testable import WalletKit

/// Keys and transactions shared by the PSKT tests. The three keys are those of Fixtures/multisig.json.
enum PSKTTestSupport {
    static let kp1 = key("1d99c236b1f37b3b845336e6c568ba37e9ced4769d83b7a096eec446b940d160")
    static let kp2 = key("349ca0c824948fed8c2c568ce205e9d9be4468ef099cad76e3e5ec918954aca4")
    static let kp3 = key("22bbd1ffb77d4bb67b891ab61c2dec623b917b8055893bd7e7eee7aff61880ab")

    static func key(_ hexString: String) -> PrivateKey {
        guard let k = try? PrivateKey(hex: hexString) else { fatalError("test key \(hexString) is invalid") }
        return k
    }

    static func outpoint(_ byte: UInt8, _ index: UInt32 = 0) -> Outpoint {
        Outpoint(transactionId: Hash32([UInt8](repeating: byte, count: 32))!, index: index)
    }

    static let destination = ScriptPublicKey.p2pk(kp3.xOnlyPublicKey)

    /// "PSKB" + hex of a JSON text, as rusty-kaspa's `Bundle::serialize` frames it.
    static func pskb(_ json: String) -> String { "PSKB" + Hex.encode(Array(json.utf8)) }
}
