import Foundation
import Testing

/// Vector files live in Tests/Fixtures (copied from ../shared/vectors with their names kept).
enum Fixtures {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func data(_ name: String) -> Data {
        let url = directory.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { fatalError("missing fixture \(url.path)") }
        return data
    }

    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        do { return try JSONDecoder().decode(T.self, from: data(name)) } catch {
            fatalError("fixture \(name) does not decode as \(T.self): \(error)")
        }
    }

    /// Prints how many cases of a vector file ran, so the test log states it.
    static func report(_ file: String, _ count: Int, _ what: String = "cases") {
        print("[vectors] \(file): \(count) \(what) asserted")
    }
}

func hex(_ s: String) -> [UInt8] { try! Hex.decode(s) }

import WalletKit
