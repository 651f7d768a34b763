/// The transaction script interpreter with the Toccata rules (rusty-kaspa `crypto/txscript/src/lib.rs`,
/// `TxScriptEngine`, and `crypto/txscript/src/opcodes/mod.rs`).
///
/// One engine checks one input: it runs the signature script (push-only), then the UTXO's script public key,
/// then for P2SH the redeem script, and requires a clean stack holding true. Every limit of rusty-kaspa applies
/// (element and script sizes, 244 stack items, operation count, 8-byte numbers) and script units are metered
/// against the input's commit. Share one `SigHashReusedValues` across the inputs of a transaction.
public struct ScriptEngine {
    // Limits (`crypto/txscript/src/lib.rs`, post-Toccata).
    public static let maxStackSize = 244
    public static let maxScriptSize = 1_000_000
    public static let maxElementSize = 1_000_000
    public static let maxOpsPerScript = 1_000_000
    public static let maxPubKeysPerMultisig = 20
    public static let maxScriptPublicKeyVersion: UInt16 = 0
    /// Only the part of a UTXO script beyond this standard size is charged, 1 gram per byte (`execute_inner`).
    public static let standardScriptPublicKeyMaxSize = 35
    public static let lockTimeThreshold: UInt64 = 500_000_000_000
    public static let sequenceLockTimeDisabled: UInt64 = 1 << 63
    public static let sequenceLockTimeMask: UInt64 = 0x0000_0000_ffff_ffff

    /// What the engine reads beyond the input itself.
    public struct Context {
        public var reused: SigHashReusedValues
        public var covenants: CovenantsContext
        public var seqCommit: (any SeqCommitAccessor)?
        public var sigOpScriptUnits: UInt64
        var zkVerifiers: [UInt8: any ZkVerifier] = [:]

        public init(reused: SigHashReusedValues = SigHashReusedValues(), covenants: CovenantsContext = .empty,
                    seqCommit: (any SeqCommitAccessor)? = nil,
                    sigOpScriptUnits: UInt64 = ScriptUnitMeter.defaultSigOpScriptUnits) {
            self.reused = reused
            self.covenants = covenants
            self.seqCommit = seqCommit
            self.sigOpScriptUnits = sigOpScriptUnits
        }
    }

    enum Condition { case taken, notTaken, skipped }

    let tx: Transaction
    let entries: [UtxoEntry]
    public let inputIndex: Int
    let context: Context

    var stack = Stack()
    var altStack = Stack()
    var conditions: [Condition] = []
    var opCount = 0
    public internal(set) var meter: ScriptUnitMeter
    /// The last signature that failed to verify, to explain an EvalFalse / VERIFY / NULLFAIL.
    public internal(set) var lastFailedSignature: FailedSignature?

    public struct FailedSignature: Sendable, Equatable, CustomStringConvertible {
        public var publicKey: [UInt8]
        public var scheme: String
        public var description: String { "\(scheme) signature does not verify against key \(publicKey.hex)" }
    }

    /// - Parameters:
    ///   - limit: script units the input may use; `ScriptUnitMeter.allowedScriptUnits(commit)` in validation,
    ///     `.unlimited` for a dry run.
    public init(tx: PopulatedTransaction, inputIndex: Int, context: Context = Context(),
                limit: UInt64 = ScriptUnitMeter.unlimited) throws(TransactionError) {
        guard inputIndex >= 0, inputIndex < tx.tx.inputs.count else {
            throw .inputIndex(inputIndex, count: tx.tx.inputs.count)
        }
        self.tx = tx.tx
        self.entries = tx.entries
        self.inputIndex = inputIndex
        self.context = context
        self.meter = ScriptUnitMeter(limit: limit, sigOpScriptUnits: context.sigOpScriptUnits)
    }

    public var usedScriptUnits: UInt64 { meter.used }
    public var usedSigOps: UInt16 { meter.sigOps }
    public var dataStack: [[UInt8]] { stack.items }

    var isExecuting: Bool { conditions.last.map { $0 == .taken } ?? true }

    // MARK: running an input

    /// Runs the input's scripts; returns normally when the input is valid.
    public mutating func execute() throws(ScriptError) {
        let input = tx.inputs[inputIndex]
        let entry = entries[inputIndex]
        // Unknown script versions are accepted without running anything (`AcceptedUnknownVersion`).
        if entry.scriptPublicKey.version > Self.maxScriptPublicKeyVersion { return }
        let spk = entry.scriptPublicKey.script
        let oversize = UInt64(max(0, spk.count - Self.standardScriptPublicKeyMaxSize))
        try meter.consume(oversize * ComputeMass.scriptUnitsPerGram)

        let sig = input.signatureScript
        if sig.isEmpty && spk.isEmpty { throw .evalFalse }
        for s in [sig, spk] where s.count > Self.maxScriptSize { throw .scriptSize(s.count, max: Self.maxScriptSize) }

        let isP2SH = Self.isPayToScriptHash(spk)
        if !sig.isEmpty { try run(sig, pushOnly: true) }
        var saved: [[UInt8]]?
        if !spk.isEmpty {
            if isP2SH { saved = stack.items }
            try run(spk, pushOnly: false)
        }
        if isP2SH {
            try checkResult(final: false)
            guard let saved else { throw .emptyStack }
            stack.items = saved
            let redeem = try stack.pop()
            try run(redeem, pushOnly: false)
        }
        try checkResult(final: true)
    }

    /// `ScriptClass::is_pay_to_script_hash` (`crypto/txscript/src/script_class.rs`).
    public static func isPayToScriptHash(_ script: [UInt8]) -> Bool {
        script.count == 35 && script[0] == Opcode.opBlake2b.rawValue && script[1] == Opcode.opData32.rawValue
            && script[34] == Opcode.opEqual.rawValue
    }

    /// `check_error_condition`: the final check also requires exactly one item left.
    mutating func checkResult(final: Bool) throws(ScriptError) {
        if final {
            if stack.count > 1 { throw .cleanStack(stack.count - 1) }
            if stack.isEmpty { throw .emptyStack }
        }
        guard try stack.popBool() else { throw .evalFalse }
    }

    /// `execute_script`: parse lazily, check disabled / always-illegal / push-only, count operations, execute in
    /// taken branches (conditionals always), charge newly pushed bytes, bound the stacks.
    mutating func run(_ script: [UInt8], pushOnly: Bool) throws(ScriptError) {
        var parser = ScriptParser(script)
        while let op = try parser.next() {
            let code = op.code
            if Self.isDisabled(code) { throw .opcodeDisabled(op.opcode.name) }
            if code == Opcode.opVerIf.rawValue || code == Opcode.opVerNotIf.rawValue { throw .opcodeReserved(op.opcode.name) }
            if pushOnly && !op.isPush { throw .signatureScriptNotPushOnly }
            if !op.isPush {
                opCount += 1
                if opCount > Self.maxOpsPerScript { throw .tooManyOperations(max: Self.maxOpsPerScript) }
            } else if op.data.count > Self.maxElementSize {
                throw .elementTooBig(op.data.count, max: Self.maxElementSize)
            }
            if isExecuting || (0x63...0x68).contains(code) {
                try step(code, script: script, data: op.data)
                let pushed = stack.takePushedBytes() &+ altStack.takePushedBytes()
                if pushed > 0 { try meter.consume(pushed) }
            }
            let combined = stack.count + altStack.count
            if combined > Self.maxStackSize { throw .stackSizeExceeded(combined, max: Self.maxStackSize) }
        }
        guard conditions.isEmpty else { throw .unbalancedConditional }
        altStack.removeAll()
        opCount = 0
    }

    /// Disabled even in untaken branches (`is_disabled`): OP_LEFT, OP_RIGHT, OP_2MUL, OP_2DIV, OP_LSHIFT, OP_RSHIFT.
    static func isDisabled(_ code: UInt8) -> Bool {
        code == 0x80 || code == 0x81 || code == 0x8d || code == 0x8e || code == 0x98 || code == 0x99
    }

    // MARK: dispatch

    mutating func step(_ code: UInt8, script: [UInt8], data: Range<Int>) throws(ScriptError) {
        switch code {
        case 0x00...0x4e: try stack.pushUnmetered(Array(script[data]))
        case 0x4f: try stack.pushUnmetered(number: -1)
        case 0x51...0x60: try stack.pushUnmetered(number: Int64(code) - 0x50)
        case 0x50, 0x62, 0x89, 0x8a: throw .opcodeReserved(Self.name(code))
        case 0x61...0x6a: try flow(code)
        case 0x6b...0x7d: try stackOp(code)
        case 0x7e, 0x7f, 0x82: try splice(code)
        case 0x83...0x88: try bitwise(code)
        case 0x8b...0xa5: try arithmetic(code)
        case 0xa6: try zkPrecompile()
        case 0xa7...0xaf, 0xd7...0xda: try crypto(code)
        case 0xb0, 0xb1: try lockTime(code)
        case 0xb2...0xc9: try introspection(code)
        case 0xcd, 0xce: try arithmetic(code)
        case 0xcb...0xd6: try covenant(code)
        default: throw .invalidOpcode(Self.name(code))
        }
    }

    static func name(_ code: UInt8) -> String { (Opcode(rawValue: code) ?? .opInvalidOpCode).name }
}
