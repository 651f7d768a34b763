import Foundation
import WalletKit

/// What the devnet keeps across restarts in `<data dir>/devnet-snapshot.json`: the tip and the UTXO set.
/// The mempool and the block history are not kept (kaspad does not keep its mempool either); after a restart
/// the chain continues from the saved tip, and reorgs reach back only to it.
struct DevnetSnapshot: Codable {
    struct Tip: Codable {
        var hash: Hash32
        var daaScore: UInt64
        var blueScore: UInt64
        var timestamp: Int64
    }

    struct Utxo: Codable {
        var transactionId: Hash32
        var index: UInt32
        var amount: UInt64
        /// RPC hex form: version (4 hex digits) then the script.
        var scriptPublicKey: String
        var blockDaaScore: UInt64
        var isCoinbase: Bool
        var covenantId: Hash32?
    }

    var format = 1
    var network: String
    var tip: Tip
    var fundings: UInt64
    var salt: UInt64
    var utxos: [Utxo]

    static let fileName = "devnet-snapshot.json"
}

extension DevnetNode {
    var snapshotPath: String? {
        config.dataDirectory.map { URL(fileURLWithPath: $0).appendingPathComponent(DevnetSnapshot.fileName).path }
    }

    /// Writes the snapshot, if a data directory is configured.
    public func saveSnapshot() throws {
        guard let path = snapshotPath, let dir = config.dataDirectory else { return }
        let snapshot = DevnetSnapshot(
            network: config.network.rawValue,
            tip: .init(hash: tip.hash, daaScore: tip.daaScore, blueScore: tip.blueScore, timestamp: tip.timestamp),
            fundings: fundings, salt: salt,
            utxos: utxos.entries.sorted { $0.key < $1.key }.map { o, e in
                .init(transactionId: o.transactionId, index: o.index, amount: e.amount.rawValue, scriptPublicKey: e.scriptPublicKey.rpcHex,
                      blockDaaScore: e.blockDaaScore, isCoinbase: e.isCoinbase, covenantId: e.covenantId)
            })
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(snapshot).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DevnetError.snapshot(path: path, detail: "\(error.localizedDescription)")
        }
    }

    /// Loads the snapshot, if one exists in the data directory; returns whether it did. Call before serving.
    @discardableResult
    public func loadSnapshot() throws -> Bool {
        guard let path = snapshotPath, FileManager.default.fileExists(atPath: path) else { return false }
        let snapshot: DevnetSnapshot
        do {
            snapshot = try JSONDecoder().decode(DevnetSnapshot.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw DevnetError.snapshot(path: path, detail: "\(error)")
        }
        guard snapshot.network == config.network.rawValue else {
            throw DevnetError.snapshot(path: path, detail: "it is a \(snapshot.network) snapshot, not \(config.network.rawValue)")
        }
        var set = UtxoSet()
        for u in snapshot.utxos {
            guard let spk = try? ScriptPublicKey(rpcHex: u.scriptPublicKey) else {
                throw DevnetError.snapshot(path: path, detail: "UTXO \(u.transactionId):\(u.index) has a malformed script")
            }
            set.add(Outpoint(transactionId: u.transactionId, index: u.index),
                    UtxoEntry(amount: Sompi(u.amount), scriptPublicKey: spk, blockDaaScore: u.blockDaaScore, isCoinbase: u.isCoinbase,
                              covenantId: u.covenantId))
        }
        utxos = set
        mempool = Mempool(params: config.params)
        chain = [DevnetBlock(hash: snapshot.tip.hash, parent: .zero, daaScore: snapshot.tip.daaScore, blueScore: snapshot.tip.blueScore,
                             timestamp: snapshot.tip.timestamp, transactions: [], acceptedTransactionIds: [], diff: nil)]
        heights = [snapshot.tip.hash: 0]
        orphaned = [:]
        accepted = []
        fundings = snapshot.fundings
        salt = snapshot.salt
        return true
    }
}
