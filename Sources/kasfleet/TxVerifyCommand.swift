import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet tx verify FILE|-`: validates a signed transaction against its UTXO entries with the script engine,
/// as a node would, and reports every input's script units against its commit.
///
/// The input is a transaction in RPC JSON whose inputs carry their `utxoEntry`, or with a top-level
/// `utxoEntries` array (see `TransactionDocument`). Exit status: 0 valid, 65 invalid or unreadable, 66 missing file.
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
        try runReporting {
            let document = try TransactionDocument.decode(try readInput(file, what: "transaction"))
            guard let ptx = document.populated else {
                throw CLIError.badData("inputs \(document.inputsWithoutEntry.map(String.init).joined(separator: ", ")) have no utxoEntry; "
                    + "verifying needs the entry every input spends (per input, or a top-level utxoEntries array)")
            }
            let report = DryRun.validate(ptx, options: UtxoValidationOptions(povDaaScore: daaScore, checkMassCommitment: !skipMassCommitment))
            if json { try Console.json(VerifyReportJSON(report, version: ptx.tx.version)) } else { Console.out(Self.text(report)) }
            if !report.isValid { throw CLIError.badData("transaction \(report.transactionId) is invalid") }
        }
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

/// The stable JSON of `tx verify --json` (docs/cli.md); every key is always present.
struct VerifyReportJSON: Encodable {
    struct Rule: Encodable {
        let rule: String
        @NullWhenAbsent var input: Int?
        let message: String
        init(_ e: TxRuleError) { rule = e.ruleName; input = e.inputIndex; message = e.description }
    }
    struct Input: Encodable {
        let index: Int
        let scriptUnits: UInt64
        let sigOps: UInt16
        let allowedScriptUnits: UInt64
        @NullWhenAbsent var computeBudget: UInt16?
        @NullWhenAbsent var sigOpCount: UInt8?
        @NullWhenAbsent var requiredComputeBudget: UInt16?
        let ok: Bool
        @NullWhenAbsent var error: Rule?

        init(_ u: InputUsage) {
            index = u.inputIndex
            scriptUnits = u.scriptUnits
            sigOps = u.sigOps
            allowedScriptUnits = u.allowedScriptUnits
            computeBudget = u.committed.computeBudget
            sigOpCount = u.committed.sigOpCount
            requiredComputeBudget = u.requiredComputeBudget
            ok = u.isValid
            error = u.error.map(Rule.init)
        }
    }
    let transactionId: String
    let version: UInt16
    let valid: Bool
    /// Null when the amounts could not be checked.
    @NullWhenAbsent var fee: UInt64?
    @NullWhenAbsent var transactionError: Rule?
    let inputs: [Input]

    init(_ r: ValidationReport, version: UInt16) {
        transactionId = r.transactionId.hex
        self.version = version
        valid = r.isValid
        fee = r.fee
        transactionError = r.transactionError.map(Rule.init)
        inputs = r.inputs.map(Input.init)
    }
}
