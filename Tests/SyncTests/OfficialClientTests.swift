import Foundation
import Synchronization
import Testing
@testable import Sync
import WalletKit

/// Wire compatibility with a client Kasfleet did not write: Python stubs generated at run time from the proto files
/// (rusty-kaspa's, unchanged) over gRPC's C core (`Tests/Scripts/official_client.py`), against the devnet node on
/// loopback. What kaspad's other clients speak, the devnet must understand, and the reverse.
@Suite(.enabled(if: OfficialClient.isAvailable, "python3 with grpcio-tools is missing: make test installs it (pip install grpcio-tools)"))
struct OfficialClientTests {
    @Test func aClientGeneratedFromTheOfficialProtosWorksUnchanged() async throws {
        let (node, port) = try await startDevnet()
        await node.produceBlocks(2)
        let payee = TestWallet(31)
        let funded = await node.fund(payee.address, .kas(7))
        let client = try OfficialClient.start(endpoint: "127.0.0.1:\(port)", address: payee.address.string)
        // The client subscribed to the payee's UTXOs: a payment now must reach it as a notification.
        try await client.waitForLine("subscribed")
        await node.fund(payee.address, .kas(3))
        let got = try await client.result()

        let info = try #require(got["serverInfo"] as? [String: Any], "\(got)")
        #expect(info["id"] as? Int == 1 && info["networkId"] as? String == "devnet" && info["hasUtxoIndex"] as? Bool == true)
        #expect(info["virtualDaaScore"] as? Int == 3)
        #expect(got["currentNetwork"] as? String == "devnet" && got["blockCount"] as? Int == 3)
        #expect((got["priorityFeerate"] as? Double ?? 0) >= 100)
        let utxos = try #require(got["utxos"] as? [[String: Any]], "\(got)")
        #expect(utxos.count == 1)
        #expect(utxos.first?["transactionId"] as? String == funded.transactionId.hex && utxos.first?["index"] as? Int == 0)
        #expect(utxos.first?["amount"] as? Int == 700_000_000 && utxos.first?["address"] as? String == payee.address.string)
        #expect(!(got["submitError"] as? String ?? "").isEmpty, "an empty transaction must be refused: \(got)")
        #expect(got["subscribeError"] as? String == "")
        let notified = try #require(got["notified"] as? [[String: Any]], "no UtxosChanged notification: \(got)")
        #expect(notified.count == 1 && notified.first?["amount"] as? Int == 300_000_000 && notified.first?["address"] as? String == payee.address.string)
        #expect(got["streamError"] == nil, "\(got)")
        await node.stopServing()
    }
}

/// `official_client.py` as a child process: its stdout read as it comes.
final class OfficialClient: Sendable {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/official_client.py")
    static let protos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Protos")

    /// python3 on PATH can import grpc_tools.
    static let isAvailable: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import grpc, grpc_tools"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    private let process: Process
    private let output = Mutex(Data())
    private let errors = Mutex(Data())

    private init(_ process: Process) { self.process = process }

    static func start(endpoint: String, address: String) throws -> OfficialClient {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, protos.path, endpoint, address]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let client = OfficialClient(p)
        // At the end of a pipe the handler is called with no data: it stops there (left in place, it would be
        // called again and again).
        out.fileHandleForReading.readabilityHandler = { [weak client] h in
            let d = h.availableData
            if d.isEmpty { h.readabilityHandler = nil } else { client?.output.withLock { $0.append(d) } }
        }
        err.fileHandleForReading.readabilityHandler = { [weak client] h in
            let d = h.availableData
            if d.isEmpty { h.readabilityHandler = nil } else { client?.errors.withLock { $0.append(d) } }
        }
        try p.run()
        return client
    }

    private var lines: [String] { output.withLock { String(decoding: $0, as: UTF8.self) }.split(separator: "\n").map(String.init) }
    private var stderr: String { errors.withLock { String(decoding: $0, as: UTF8.self) } }

    func waitForLine(_ line: String, seconds: Double = 120) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while !lines.contains(line) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                throw TestFailure("the Python client never printed '\(line)' (running: \(process.isRunning)); stderr:\n\(stderr)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits for the exit and reads the JSON object of the last line.
    func result(seconds: Double = 120) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw TestFailure("the Python client did not finish in \(seconds) s; stderr:\n\(stderr)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        // The pipe may still hold the last line after the exit.
        try await Task.sleep(for: .milliseconds(100))
        guard process.terminationStatus == 0, let last = lines.last,
              let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any] else {
            throw TestFailure("the Python client exited \(process.terminationStatus); stdout:\n\(lines.joined(separator: "\n"))\nstderr:\n\(stderr)")
        }
        return object
    }
}
