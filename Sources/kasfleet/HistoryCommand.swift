import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet history ...`: wallet transactions and the audit trail.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Transaction history, the audit trail, and its verification.",
        subcommands: [HistoryList.self, HistoryExport.self, HistoryEvents.self, HistoryVerify.self])
}

struct HistoryRow: Encodable {
    let transactionId: String
    let direction: String
    let amount: UInt64
    @NullWhenAbsent var fee: UInt64?
    let state: String
    @NullWhenAbsent var blockDaaScore: Int64?
    @NullWhenAbsent var account: String?
    @NullWhenAbsent var machine: String?
    @NullWhenAbsent var counterparty: String?
    @NullWhenAbsent var note: String?
    let createdAt: String

    static func load(_ wallet: WalletStore, limit: Int?) throws -> [HistoryRow] {
        let (accounts, machines) = try AddressReport.names(wallet)
        return try wallet.history(limit: limit).map { h in
            HistoryRow(transactionId: Hex.encode(Array(h.transactionId)), direction: h.direction.rawValue, amount: UInt64(clamping: h.amount),
                       fee: h.fee.map { UInt64(clamping: $0) }, state: h.state.rawValue, blockDaaScore: h.blockDaaScore,
                       account: h.accountId.flatMap { accounts[$0] }, machine: h.machineId.flatMap { machines[$0] },
                       counterparty: h.counterparty, note: h.note, createdAt: isoTime(h.createdAt))
        }
    }

    static let csvHeader = "transactionId,direction,amountKas,feeKas,state,blockDaaScore,account,machine,counterparty,note,createdAt"

    var csv: String {
        [transactionId, direction, Sompi(amount).kasString, fee.map { Sompi($0).kasString } ?? "", state, blockDaaScore.map(String.init) ?? "",
         account ?? "", machine ?? "", counterparty ?? "", note ?? "", createdAt].map(csvField).joined(separator: ",")
    }
}

/// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula.
func csvField(_ s: String) -> String {
    var v = s
    if let first = v.first, "=+-@".contains(first) { v = "'" + v }
    guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
    return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

struct HistoryList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Wallet transactions, newest first.")
    @OptionGroup var store: StoreOptions
    @Option(help: "At most this many.")
    var limit: Int = 100
    @Flag(help: "Print JSON on stdout (amounts in sompi).")
    var json = false

    func run() throws {
        try runReporting {
            let rows = try HistoryRow.load(try store.open(), limit: limit)
            if json { try Console.json(rows); return }
            if rows.isEmpty { Console.out("no transactions yet") }
            for r in rows {
                Console.out("\(r.createdAt)  \(r.direction.padding(toLength: 8, withPad: " ", startingAt: 0))  \(Sompi(r.amount).kasString) KAS  \(r.state)  \(r.transactionId)")
            }
        }
    }
}

struct HistoryExport: ParsableCommand {
    enum Format: String, ExpressibleByArgument { case csv, json }
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the whole transaction history as CSV or JSON.")
    @OptionGroup var store: StoreOptions
    @Option(help: "csv or json.")
    var format: Format = .csv
    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
        try runReporting {
            let rows = try HistoryRow.load(try store.open(), limit: nil)
            let text: String
            switch format {
            case .csv: text = ([HistoryRow.csvHeader] + rows.map(\.csv)).joined(separator: "\n") + "\n"
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                text = String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
            }
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw CLIError(status: .configuration, message: "cannot write \(output)")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}

struct HistoryEvents: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "The audit trail: every change to money or policy, oldest first.")
    @OptionGroup var store: StoreOptions
    @Option(help: "At most this many.")
    var limit: Int?
    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Row: Encodable {
        let seq: Int64
        let at: String
        let kind: String
        let subject: String
        let details: [String: String]
        let hash: String
    }

    func run() throws {
        try runReporting {
            let rows = try store.open().auditEvents(limit: limit).map { e in
                Row(seq: e.seq, at: isoTime(e.at), kind: e.kind, subject: e.subject,
                    details: (try? JSONDecoder().decode([String: String].self, from: Data(e.details.utf8))) ?? [:], hash: Hex.encode(Array(e.hash)))
            }
            if json { try Console.json(rows); return }
            for r in rows {
                Console.out("\(r.seq)  \(r.at)  \(r.kind)  \(r.subject)  " + r.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            }
        }
    }
}

struct HistoryVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the audit trail's hash chain; exit 65 naming the first broken event.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let v = try store.open().verifyAuditLog()
            if json {
                struct Out: Encodable { let intact: Bool; let events: Int; @NullWhenAbsent var firstBroken: Int64?; @NullWhenAbsent var reason: String? }
                try Console.json(Out(intact: v.isIntact, events: v.events, firstBroken: v.firstBroken, reason: v.reason))
            } else if v.isIntact {
                Console.out("audit trail intact: \(v.events) events, every link holds")
            } else {
                Console.out("audit trail BROKEN at event \(v.firstBroken ?? 0): \(v.reason ?? "")")
            }
            if !v.isIntact { throw ExitCode(ExitStatus.badData.rawValue) }
        }
    }
}
