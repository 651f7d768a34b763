/// The byte encoding every transaction hash is built on, `write_transaction` of rusty-kaspa
/// `consensus/core/src/hashing/tx.rs`, with its three exclusion flags.
public struct TransactionEncodingFlags: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let full: TransactionEncodingFlags = []
    public static let excludeSignatureScript = TransactionEncodingFlags(rawValue: 1 << 0)
    public static let excludeMassCommit = TransactionEncodingFlags(rawValue: 1 << 1)
    public static let excludePayload = TransactionEncodingFlags(rawValue: 1 << 2)
}

extension Transaction {
    public func write<H: HashWriter>(into h: inout H, flags: TransactionEncodingFlags) {
        h.writeU16(version)
        h.writeLength(inputs.count)
        for input in inputs {
            h.write(input.previousOutpoint.transactionId)
            h.writeU32(input.previousOutpoint.index)
            if !flags.contains(.excludeSignatureScript) {
                h.writeVarBytes(input.signatureScript)
                // Only v0 encodes a sig-op count; a missing one (a v1-style input) encodes as 0.
                if version < 1 { h.writeU8(input.computeCommit.sigOpCount ?? 0) }
            } else {
                h.writeVarBytes([])
            }
            h.writeU64(input.sequence)
            if !flags.contains(.excludeMassCommit) && version >= 1 {
                h.writeU16(input.computeCommit.computeBudget ?? 0)
            }
        }
        h.writeLength(outputs.count)
        for output in outputs { output.write(into: &h, version: version) }
        h.writeU64(lockTime)
        h.write(subnetworkId.bytes)
        h.writeU64(gas)
        h.writeVarBytes(flags.contains(.excludePayload) ? [] : payload)
        if !flags.contains(.excludeMassCommit) {
            // v0 commits the storage mass only when non-zero (coinbase and old hashes stay unchanged); v1 always.
            if version >= 1 || storageMass > 0 { h.writeU64(storageMass) }
        }
    }

    /// The encoded bytes for the given flags (a preimage, for tests and debugging).
    public func encoded(flags: TransactionEncodingFlags) -> [UInt8] {
        var b = ByteBuffer()
        write(into: &b, flags: flags)
        return b.bytes
    }
}

extension TransactionOutput {
    /// `value || spk version || var_bytes(script) [|| v1: has_covenant (|| authorizing_input || covenant_id)]`,
    /// shared by the transaction encoding and the sighash outputs hash.
    public func write<H: HashWriter>(into h: inout H, version: UInt16) {
        h.writeU64(value.rawValue)
        h.writeU16(scriptPublicKey.version)
        h.writeVarBytes(scriptPublicKey.script)
        if version >= 1 {
            h.writeBool(covenant != nil)
            if let c = covenant {
                h.writeU16(c.authorizingInput)
                h.write(c.covenantId)
            }
        }
    }
}
