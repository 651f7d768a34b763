import Foundation
import GRDB

/// The append-only, hash-chained audit trail (product.md §2 "Event").
///
/// Each event's hash is BLAKE2b-256 (keyed with the domain "KasfleetAuditEvent") over the previous event's
/// hash, its sequence number, time, kind, subject and details; the first event links to 32 zero bytes.
/// Triggers refuse UPDATE and DELETE, and `verify` names the first event whose link or hash does not hold,
/// so an edit made around the triggers (another SQLite client) is still found.
public enum AuditLog {
    static let domain = "KasfleetAuditEvent"
    public static let genesisHash = Data(repeating: 0, count: 32)

    /// Appends an event inside the caller's write transaction (the change it records commits with it, or not at all).
    @discardableResult
    public static func append(_ db: Database, kind: String, subject: String, details: [String: String] = [:], at: Int64) throws -> AuditEventRecord {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM auditEvent ORDER BY seq DESC LIMIT 1"))
        let seq: Int64 = (last?[0] as Int64? ?? 0) + 1
        let previous: Data = last?[1] ?? genesisHash
        let text = detailsText(details)
        let event = AuditEventRecord(seq: seq, at: at, kind: kind, subject: subject, details: text, previousHash: previous,
                                     hash: hash(seq: seq, at: at, kind: kind, subject: subject, details: text, previous: previous))
        try db.cachedStatement(sql: "INSERT INTO auditEvent (seq, at, kind, subject, details, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [seq, at, kind, subject, text, previous, event.hash])
        return event
    }

    /// The details as a JSON object with sorted keys (deterministic, so the hash input is too).
    static func detailsText(_ details: [String: String]) -> String {
        func quoted(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        return "{" + details.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + quoted($0.value) }.joined(separator: ",") + "}"
    }

    static func hash(seq: Int64, at: Int64, kind: String, subject: String, details: String, previous: Data) -> Data {
        var h = Blake2b(domain: domain)
        h.write(Array(previous))
        h.writeU64(UInt64(bitPattern: seq))
        h.writeU64(UInt64(bitPattern: at))
        for field in [kind, subject, details] {
            let bytes = Array(field.utf8)
            h.writeU64(UInt64(bytes.count))
            h.write(bytes)
        }
        return Data(h.finalize().bytes)
    }

    public struct Verification: Sendable, Equatable {
        public let events: Int
        /// nil when the whole chain holds.
        public let firstBroken: Int64?
        public let reason: String?
        public var isIntact: Bool { firstBroken == nil }
    }

    /// Walks the chain in order; stops at the first event that does not hold.
    public static func verify(_ db: Database) throws -> Verification {
        var previous = genesisHash
        var expectedSeq: Int64 = 1
        var count = 0
        let cursor = try AuditEventRecord.fetchCursor(db, sql: "SELECT * FROM auditEvent ORDER BY seq")
        while let e = try cursor.next() {
            count += 1
            if e.seq != expectedSeq {
                return Verification(events: count, firstBroken: expectedSeq, reason: "event \(expectedSeq) is missing (next is \(e.seq))")
            }
            if e.previousHash != previous {
                return Verification(events: count, firstBroken: e.seq, reason: "event \(e.seq) does not link to event \(e.seq - 1) (previous hash differs)")
            }
            let recomputed = hash(seq: e.seq, at: e.at, kind: e.kind, subject: e.subject, details: e.details, previous: e.previousHash)
            if recomputed != e.hash {
                return Verification(events: count, firstBroken: e.seq, reason: "event \(e.seq) (\(e.kind) \(e.subject)) was altered: its hash does not match its content")
            }
            previous = e.hash
            expectedSeq += 1
        }
        return Verification(events: count, firstBroken: nil, reason: nil)
    }
}

extension WalletStore {
    public func verifyAuditLog() throws -> AuditLog.Verification { try read { db in try AuditLog.verify(db) } }

    public func auditEvents(limit: Int? = nil, after: Int64 = 0) throws -> [AuditEventRecord] {
        try read { db in
            try AuditEventRecord.fetchAll(db, sql: "SELECT * FROM auditEvent WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [after, limit ?? -1])
        }
    }
}
