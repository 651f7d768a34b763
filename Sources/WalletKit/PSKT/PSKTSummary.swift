/// How far a PSKT has come.
public enum PSKTStatus: String, Hashable, Sendable {
    case unsigned = "unsigned"
    case partiallySigned = "partially signed"
    case readyToFinalize = "ready to finalize"
    case finalized = "finalized"
}

/// What a person approving a PSKT needs to see: per input what it spends and who has signed, per output who is
/// paid, the fee, the transaction id and the status. Readable text for the terminal, JSON for tools.
public struct PSKTSummary: Hashable, Sendable {
    public struct Input: Hashable, Sendable {
        public var index: Int
        public var outpoint: Outpoint
        public var amount: Sompi?
        public var address: String?
        /// "P2PK (Schnorr)", "2-of-3 multisig (Schnorr)", ...
        public var script: String
        public var sighashType: SigHashType
        /// Partial signatures by the keys of the input's script (all partial signatures when the script is unknown).
        public var signatures: Int
        public var requiredSignatures: Int?
        public var finalized: Bool
    }

    public struct Output: Hashable, Sendable {
        public var index: Int
        public var amount: Sompi
        public var address: String?
        public var covenant: CovenantBinding?
    }

    public var version: UInt8
    public var txVersion: UInt16
    public var status: PSKTStatus
    /// The id of the transaction the PSKT describes (always computable: it does not depend on signatures).
    public var transactionId: TransactionID
    public var lockTime: UInt64
    public var inputs: [Input]
    public var outputs: [Output]
    public var inputTotal: Sompi?
    public var outputTotal: Sompi?
    public var fee: Sompi?
    public var payloadBytes: Int
    /// Things worth a second look (inconsistent counters, an ignored fallback lock time, ...).
    public var warnings: [String]

    public init(_ pskt: PSKT, network: Network = .mainnet) {
        let prefix = network.addressPrefix
        version = pskt.global.version.rawValue
        txVersion = pskt.global.txVersion
        transactionId = pskt.transactionId
        lockTime = pskt.lockTime
        inputTotal = pskt.inputTotal
        outputTotal = pskt.outputTotal
        fee = pskt.fee
        payloadBytes = pskt.effectivePayload.count

        var inputs: [Input] = []
        var ready = !pskt.inputs.isEmpty
        for (i, input) in pskt.inputs.enumerated() {
            let condition = PSKTSpendCondition(input)
            let required = condition.requiredSignatures
            let count: Int
            if case .unsupported = condition { count = input.partialSigs.count } else { count = condition.signatures(in: input).count }
            let finalized = input.finalScriptSig != nil
            if !finalized && (required.map { count < $0 } ?? true) { ready = false }
            inputs.append(Input(index: i, outpoint: input.previousOutpoint, amount: input.utxoEntry?.amount,
                                address: (try? input.utxoEntry?.scriptPublicKey.address(prefix: prefix))?.string,
                                script: condition.name, sighashType: input.sighashType, signatures: count,
                                requiredSignatures: required, finalized: finalized))
        }
        self.inputs = inputs
        outputs = pskt.outputs.enumerated().map { i, o in
            Output(index: i, amount: o.amount, address: (try? o.scriptPublicKey.address(prefix: prefix))?.string, covenant: o.covenant)
        }
        if pskt.isFinalized {
            status = .finalized
        } else if ready {
            status = .readyToFinalize
        } else if pskt.hasSignatures {
            status = .partiallySigned
        } else {
            status = .unsigned
        }

        var warnings: [String] = []
        if let recorded = pskt.global.id, recorded != transactionId {
            warnings.append("the recorded transaction id \(recorded) differs from the transaction described (\(transactionId))")
        }
        if let fallback = pskt.global.fallbackLockTime, !pskt.inputs.isEmpty, !pskt.inputs.contains(where: { $0.minTime != nil }),
           fallback != 0 {
            warnings.append("fallbackLockTime \(fallback) is not applied: rusty-kaspa uses it only for a PSKT without inputs, so the lock time is 0")
        }
        if pskt.global.inputCount != pskt.inputs.count || pskt.global.outputCount != pskt.outputs.count {
            warnings.append("the counters say \(pskt.global.inputCount) inputs and \(pskt.global.outputCount) outputs, "
                            + "the PSKT has \(pskt.inputs.count) and \(pskt.outputs.count)")
        }
        if let i = inputTotal, let o = outputTotal, o > i {
            warnings.append("the outputs (\(o.kasString) KAS) exceed the inputs (\(i.kasString) KAS)")
        }
        if inputTotal == nil && !pskt.inputs.isEmpty && pskt.inputs.contains(where: { $0.utxoEntry == nil }) {
            warnings.append("some inputs have no UTXO entry, so their amounts and the fee are unknown")
        }
        if let payload = pskt.global.payload, !payload.isEmpty, pskt.global.version < .one {
            warnings.append("the payload is ignored: PSKT version 0 carries none")
        }
        self.warnings = warnings
    }

    public var json: PSKTJSON {
        func amount(_ s: Sompi?) -> PSKTJSON { s.map { .unsigned($0.rawValue) } ?? .null }
        func text(_ s: String?) -> PSKTJSON { s.map { .string($0) } ?? .null }
        return .record([
            ("status", .string(status.rawValue)),
            ("transactionId", .string(transactionId.hex)),
            ("version", .unsigned(UInt64(version))),
            ("txVersion", .unsigned(UInt64(txVersion))),
            ("lockTime", .unsigned(lockTime)),
            ("payloadBytes", .unsigned(UInt64(payloadBytes))),
            ("inputs", .array(inputs.map { i in
                .record([
                    ("index", .unsigned(UInt64(i.index))),
                    ("transactionId", .string(i.outpoint.transactionId.hex)),
                    ("outputIndex", .unsigned(UInt64(i.outpoint.index))),
                    ("amountSompi", amount(i.amount)),
                    ("address", text(i.address)),
                    ("script", .string(i.script)),
                    ("sighashType", .string(i.sighashType.name)),
                    ("signatures", .unsigned(UInt64(i.signatures))),
                    ("requiredSignatures", i.requiredSignatures.map { .unsigned(UInt64($0)) } ?? .null),
                    ("finalized", .bool(i.finalized)),
                ])
            })),
            ("outputs", .array(outputs.map { o in
                .record([
                    ("index", .unsigned(UInt64(o.index))),
                    ("amountSompi", .unsigned(o.amount.rawValue)),
                    ("address", text(o.address)),
                    ("covenant", o.covenant.map { $0.psktJSON } ?? .null),
                ])
            })),
            ("inputTotalSompi", amount(inputTotal)),
            ("outputTotalSompi", amount(outputTotal)),
            ("feeSompi", amount(fee)),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
    }

    /// Readable lines for a terminal.
    public var lines: [String] {
        func kas(_ s: Sompi?) -> String { s.map { "\($0.kasString) KAS" } ?? "unknown" }
        var out: [String] = []
        out.append("  status       \(status.rawValue)")
        out.append("  tx id        \(transactionId)")
        out.append("  versions     PSKT \(version), transaction \(txVersion); lock time \(lockTime)"
                   + (payloadBytes > 0 ? "; payload \(payloadBytes) bytes" : ""))
        out.append("  inputs       \(inputs.count), total \(kas(inputTotal))")
        for i in inputs {
            let sigs = i.finalized ? "finalized" : "\(i.signatures)/\(i.requiredSignatures.map(String.init) ?? "?") signatures"
            out.append("    #\(i.index)  \(i.outpoint)  \(kas(i.amount))  \(i.address ?? "(no address)")")
            out.append("        \(i.script), sighash \(i.sighashType.name), \(sigs)")
        }
        out.append("  outputs      \(outputs.count), total \(kas(outputTotal))")
        for o in outputs {
            var line = "    #\(o.index)  \(kas(o.amount))  \(o.address ?? "(non-standard script)")"
            if let c = o.covenant { line += "  covenant \(c.covenantId) (authorized by input \(c.authorizingInput))" }
            out.append(line)
        }
        out.append("  fee          \(kas(fee))")
        for w in warnings { out.append("  warning:     \(w)") }
        return out
    }
}

/// The summary of a whole bundle.
public struct PSKBSummary: Hashable, Sendable {
    /// "PSKB" or "PSKT": what the text was.
    public var format: String
    public var network: Network
    public var pskts: [PSKTSummary]

    public init(_ bundle: PSKB, format: String = PSKB.prefix, network: Network = .mainnet) {
        self.format = format
        self.network = network
        pskts = bundle.pskts.map { PSKTSummary($0, network: network) }
    }

    public var json: PSKTJSON {
        .record([
            ("format", .string(format)),
            ("network", .string(network.rawValue)),
            ("count", .unsigned(UInt64(pskts.count))),
            ("pskts", .array(pskts.map(\.json))),
        ])
    }

    public var text: String {
        var out = ["\(format) with \(pskts.count) transaction\(pskts.count == 1 ? "" : "s") (addresses for \(network.rawValue))"]
        for (i, s) in pskts.enumerated() {
            out.append("")
            out.append("Transaction \(i + 1) of \(pskts.count)")
            out += s.lines
        }
        return out.joined(separator: "\n")
    }
}
