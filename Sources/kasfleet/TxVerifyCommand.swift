import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet tx verify FILE|-`: validates a signed transaction against its UTXO entries with the script engine,
/// as a node would, and reports every input's script units against its commit.
///
/// The input is a transaction in RPC JSON. Each input may carry its `utxoEntry`, or a top-level `utxoEntries`
/// array lists them in input order; `{"transaction": …, "utxoEntries": […]}` is read too.
/// Exit status: 0 valid, 65 invalid transaction or unreadable data, 66 missing file.
struct TxVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Validate a signed transaction with its UTXO entries: scripts, amounts, covenants, mass, compute budgets.")

    @Argument(help: "A transaction in RPC JSON, or - for standard input.")
    var file: String

    @Flag(help: "Print a stable JSON report on stdout (messages go to stderr).")
    var json = false

    @Option(name: .customLong("daa-score"), help: "Judge coinbase maturity and relative locks from this DAA score (skipped if absent).")
    var daaScore: UInt64?

    @Flag(name: .customLong("skip-mass-commitment"), help: "Do not require the storage-mass commitment to equal the storage mass (mempool behaviour).")
    var skipMassCommitment = false

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: file), let contents = FileManager.default.contents(atPath: file) else {
                Self.stderr("kasfleet: no such file: \(file)")
                throw ExitCode(66)
            }
            data = contents
        }
        let ptx: PopulatedTransaction
        do {
            ptx = try Self.populatedTransaction(from: data)
        } catch let error as DecodingError {
            Self.stderr("kasfleet: \(file) is not a transaction in RPC JSON with its UTXO entries: \(Self.describe(error))")
            throw ExitCode(65)
        } catch let error as VerifyInputError {
            Self.stderr("kasfleet: \(error)")
            throw ExitCode(65)
        } catch {
            Self.stderr("kasfleet: \(file) is not valid JSON")
            throw ExitCode(65)
        }
        let report = DryRun.validate(ptx, options: UtxoValidationOptions(povDaaScore: daaScore, checkMassCommitment: !skipMassCommitment))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let text = String(decoding: try encoder.encode(VerifyReportJSON(report, version: ptx.tx.version)), as: UTF8.self)
            print(text)
            if !report.isValid { Self.stderr("kasfleet: transaction \(report.transactionId) is invalid") }
        } else {
            print(Self.text(report))
        }
        if !report.isValid { throw ExitCode(65) }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ p: [CodingKey]) -> String { p.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined() }
        switch error {
        case .dataCorrupted(let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        case .keyNotFound(let k, let c): return "\(path(c.codingPath)): missing \(k.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    static func stderr(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// The transaction and the entry of every input, from any of the accepted shapes.
    static func populatedTransaction(from data: Data) throws -> PopulatedTransaction {
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw VerifyInputError("the input is not a JSON object")
        }
        var entriesJSON = object["utxoEntries"] as? [Any]
        if let inner = (object["transaction"] ?? object["tx"]) as? [String: Any] {
            object = inner
            entriesJSON = entriesJSON ?? object["utxoEntries"] as? [Any]
        }
        let txData = try JSONSerialization.data(withJSONObject: object)
        let tx = try JSONDecoder().decode(Transaction.self, from: txData)
        if entriesJSON == nil {
            let inputs = object["inputs"] as? [[String: Any]] ?? []
            var collected: [Any] = []
            for (i, input) in inputs.enumerated() {
                guard let entry = input["utxoEntry"] else {
                    throw VerifyInputError("input \(i) has no utxoEntry and there is no top-level utxoEntries array")
                }
                collected.append(entry)
            }
            entriesJSON = collected
        }
        let entries = try JSONDecoder().decode([UtxoEntry].self, from: JSONSerialization.data(withJSONObject: entriesJSON ?? []))
        do { return try PopulatedTransaction(tx: tx, entries: entries) } catch { throw VerifyInputError(error.description) }
    }

    static func text(_ report: ValidationReport) -> String {
        var lines = ["transaction \(report.transactionId)"]
        if let fee = report.fee { lines.append("fee \(fee) sompi") }
        if let e = report.transactionError { lines.append("rule \(e.ruleName): \(e)") }
        lines.append("input  script units   allowed        commit            needs budget  result")
        for u in report.inputs {
            let commit: String
            switch u.committed {
            case .computeBudget(let b): commit = "budget \(b)"
            case .sigOpCount(let n): commit = "sigops \(n)"
            }
            let needs = u.requiredComputeBudget.map(String.init) ?? "-"
            let result = u.error.map { "error: \($0)" } ?? "ok"
            lines.append("\(pad(u.inputIndex, 5))  \(pad(u.scriptUnits, 13))  \(pad(u.allowedScriptUnits, 13))  \(commit.padding(toLength: 16, withPad: " ", startingAt: 0))  \(pad(needs, 12))  \(result)")
        }
        lines.append(report.isValid ? "valid" : "INVALID: \(report.errors.count) error(s)")
        return lines.joined(separator: "\n")
    }

    private static func pad(_ v: some CustomStringConvertible, _ width: Int) -> String {
        let s = v.description
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}

struct VerifyInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The stable JSON of `tx verify --json`.
struct VerifyReportJSON: Encodable {
    struct Rule: Encodable {
        let rule: String
        let input: Int?
        let message: String
        init(_ e: TxRuleError) { rule = e.ruleName; input = e.inputIndex; message = e.description }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(rule, forKey: .rule)
            try c.encode(input, forKey: .input)
            try c.encode(message, forKey: .message)
        }
        enum Keys: String, CodingKey { case rule, input, message }
    }
    struct Input: Encodable {
        let index: Int
        let scriptUnits: UInt64
        let sigOps: UInt16
        let allowedScriptUnits: UInt64
        let computeBudget: UInt16?
        let sigOpCount: UInt8?
        let requiredComputeBudget: UInt16?
        let ok: Bool
        let error: Rule?

        // Every key is always present (null when absent), so the shape is stable.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(index, forKey: .index)
            try c.encode(scriptUnits, forKey: .scriptUnits)
            try c.encode(sigOps, forKey: .sigOps)
            try c.encode(allowedScriptUnits, forKey: .allowedScriptUnits)
            try c.encode(computeBudget, forKey: .computeBudget)
            try c.encode(sigOpCount, forKey: .sigOpCount)
            try c.encode(requiredComputeBudget, forKey: .requiredComputeBudget)
            try c.encode(ok, forKey: .ok)
            try c.encode(error, forKey: .error)
        }
        enum Keys: String, CodingKey {
            case index, scriptUnits, sigOps, allowedScriptUnits, computeBudget, sigOpCount, requiredComputeBudget, ok, error
        }
    }
    let transactionId: String
    let version: UInt16
    let valid: Bool
    let fee: UInt64?
    let transactionError: Rule?
    let inputs: [Input]

    init(_ r: ValidationReport, version: UInt16) {
        transactionId = r.transactionId.hex
        self.version = version
        valid = r.isValid
        fee = r.fee
        transactionError = r.transactionError.map(Rule.init)
        inputs = r.inputs.map { u in
            Input(index: u.inputIndex, scriptUnits: u.scriptUnits, sigOps: u.sigOps, allowedScriptUnits: u.allowedScriptUnits,
                  computeBudget: u.committed.computeBudget, sigOpCount: u.committed.sigOpCount,
                  requiredComputeBudget: u.requiredComputeBudget, ok: u.isValid, error: u.error.map(Rule.init))
        }
    }

    enum CodingKeys: String, CodingKey {
        case transactionId, version, valid, fee, transactionError, inputs
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(transactionId, forKey: .transactionId)
        try c.encode(version, forKey: .version)
        try c.encode(valid, forKey: .valid)
        try c.encode(fee, forKey: .fee)  // null when the amounts could not be checked
        try c.encode(transactionError, forKey: .transactionError)
        try c.encode(inputs, forKey: .inputs)
    }
}
