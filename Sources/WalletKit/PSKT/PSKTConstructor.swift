/// Creator, Constructor and Updater (`PSKT<Creator>`, `PSKT<Constructor>`, `PSKT<Updater>` in
/// `wallet/pskt/src/pskt.rs`), as plain functions on the value.
extension PSKT {
    /// Creator: an empty PSKT. Defaults are rusty-kaspa's (`Global::default()`): PSKT version 1, transaction
    /// version 0, no fallback lock time, inputs and outputs not modifiable.
    public init(version: PSKTGlobal.Version = .one, txVersion: UInt16 = 0, fallbackLockTime: UInt64? = nil,
                inputsModifiable: Bool = false, outputsModifiable: Bool = false) {
        self.init(global: PSKTGlobal(version: version, txVersion: txVersion, fallbackLockTime: fallbackLockTime,
                                     inputsModifiable: inputsModifiable, outputsModifiable: outputsModifiable))
    }

    /// True when some input carries a partial or final signature.
    public var hasSignatures: Bool { inputs.contains { !$0.partialSigs.isEmpty || $0.finalScriptSig != nil } }

    /// Constructor: appends an input and counts it (`input()`).
    ///
    /// rusty-kaspa lets the constructor add inputs whatever the flags say; this refuses only when the flag is off
    /// and signatures already commit to the current inputs. A version 0 input without `sigOpCount` gets the
    /// standard count for its script (1 for P2PK, n for an m-of-n multisig), since every signature commits to it.
    public mutating func addInput(_ input: PSKTInput) throws(PSKTError) {
        guard global.inputsModifiable || !hasSignatures else {
            throw .notModifiable(what: "the inputs", reason: "inputsModifiable is false and signatures already commit to them")
        }
        var input = input
        if global.txVersion == 0 && input.sigOpCount == nil {
            switch PSKTSpendCondition(input) {
            case .p2pk, .p2pkECDSA: input.sigOpCount = 1
            case .multisig(_, let keys, _, _): input.sigOpCount = UInt8(keys.count)
            case .unsupported: break
            }
        }
        inputs.append(input)
        global.inputCount += 1
    }

    /// Constructor: appends an output and counts it (`output()`). A covenant binding needs PSKT version 2 and a
    /// version 1 transaction.
    public mutating func addOutput(_ output: PSKTOutput) throws(PSKTError) {
        guard global.outputsModifiable || !hasSignatures else {
            throw .notModifiable(what: "the outputs", reason: "outputsModifiable is false and signatures already commit to them")
        }
        if output.covenant != nil && (global.version < .two || global.txVersion < 1) {
            throw .covenantNotAllowed(output: outputs.count, version: global.version.rawValue, txVersion: global.txVersion)
        }
        outputs.append(output)
        global.outputCount += 1
    }

    /// Constructor: sets or clears the payload; it needs PSKT version 1 or higher.
    public mutating func setPayload(_ payload: [UInt8]?) throws(PSKTError) {
        if payload != nil && global.version < .one { throw .payloadNotAllowed(version: global.version.rawValue) }
        guard !hasSignatures || payload == global.payload else {
            throw .notModifiable(what: "the payload", reason: "signatures already commit to it")
        }
        global.payload = payload
    }

    /// Constructor: no more inputs or outputs may be added (`no_more_inputs`, `no_more_outputs`).
    public mutating func closeInputsAndOutputs() {
        global.inputsModifiable = false
        global.outputsModifiable = false
    }

    /// Updater: sets an input's sequence number (`set_sequence`).
    public mutating func setSequence(_ sequence: UInt64, inputIndex: Int) throws(PSKTError) {
        guard inputs.indices.contains(inputIndex) else { throw .inputIndex(inputIndex, count: inputs.count) }
        guard inputs[inputIndex].sequence == sequence || !hasSignatures else {
            throw .notModifiable(what: "input \(inputIndex)'s sequence", reason: "signatures already commit to it")
        }
        inputs[inputIndex].sequence = sequence
    }
}
