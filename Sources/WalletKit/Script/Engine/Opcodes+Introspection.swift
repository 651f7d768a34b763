extension ScriptEngine {
    /// Transaction introspection, KIP-10 and the rest enabled by Toccata (0xb2–0xc9, `opcodes/mod.rs`).
    mutating func introspection(_ code: UInt8) throws(ScriptError) {
        switch code {
        case 0xb2: try stack.push(number: Int64(tx.version))
        case 0xb3: try stack.push(number: Int64(tx.inputs.count))
        case 0xb4: try stack.push(number: Int64(tx.outputs.count))
        case 0xb5: try stack.push(number: Int64(bitPattern: tx.lockTime))
        case 0xb6: try stack.push(tx.subnetworkId.bytes)
        case 0xb7: try stack.push(number: Int64(bitPattern: tx.gas))
        case 0xb8:  // OP_TXPAYLOADSUBSTR start end
            let (s, e) = try stack.popInt32s2()
            try stack.push(try Self.substring(tx.payload, try Self.index(s), try Self.index(e)))
        case 0xb9: try stack.push(number: Int64(inputIndex))
        case 0xba: try stack.push(tx.inputs[try inputIndexOperand()].previousOutpoint.transactionId.bytes)
        case 0xbb: try stack.push(number: Int64(tx.inputs[try inputIndexOperand()].previousOutpoint.index))
        case 0xbc:  // OP_TXINPUTSCRIPTSIGSUBSTR idx start end
            let (i, s, e) = try stack.popInt32s3()
            let idx = try checkedInput(try Self.index(i))
            try stack.push(try Self.substring(tx.inputs[idx].signatureScript, try Self.index(s), try Self.index(e)))
        case 0xbd:  // sequence as 8 raw little-endian bytes
            let seq = tx.inputs[try inputIndexOperand()].sequence
            try stack.push((0..<8).map { UInt8(truncatingIfNeeded: seq >> (8 * UInt64($0))) })
        case 0xbe:  // OP_TXINPUTAMOUNT: a negative index is an input index error here
            let entry = entries[try inputIndexOperandLenient()]
            guard entry.amount.rawValue <= UInt64(Int64.max) else { throw .numberTooBig("amount \(entry.amount.rawValue)") }
            try stack.push(number: Int64(entry.amount.rawValue))
        case 0xbf: try stack.push(Self.spkBytes(entries[try inputIndexOperandLenient()].scriptPublicKey))
        case 0xc0: try stack.push(number: Int64(bitPattern: entries[try inputIndexOperand()].blockDaaScore))
        case 0xc1: try stack.push(number: entries[try inputIndexOperand()].isCoinbase ? 1 : 0)
        case 0xc2:
            let output = tx.outputs[try outputIndexOperandLenient()]
            guard output.value.rawValue <= UInt64(Int64.max) else { throw .numberTooBig("value \(output.value.rawValue)") }
            try stack.push(number: Int64(output.value.rawValue))
        case 0xc3: try stack.push(Self.spkBytes(tx.outputs[try outputIndexOperandLenient()].scriptPublicKey))
        case 0xc4: try stack.push(number: Int64(tx.payload.count))
        case 0xc5: try stack.push(number: Int64(entries[try inputIndexOperand()].scriptPublicKey.script.count + 2))
        case 0xc6:  // OP_TXINPUTSPKSUBSTR idx start end
            let (i, s, e) = try stack.popInt32s3()
            let idx = try checkedInput(try Self.index(i))
            let spk = Self.spkBytes(entries[idx].scriptPublicKey)
            try stack.push(try Self.substring(spk, try Self.index(s), try Self.index(e)))
        case 0xc7: try stack.push(number: Int64(tx.outputs[try outputIndexOperand()].scriptPublicKey.script.count + 2))
        case 0xc8:  // OP_TXOUTPUTSPKSUBSTR idx start end
            let (i, s, e) = try stack.popInt32s3()
            let idx = try Self.index(i)
            guard idx < tx.outputs.count else { throw .invalidOutputIndex(Int64(idx), count: tx.outputs.count) }
            let spk = Self.spkBytes(tx.outputs[idx].scriptPublicKey)
            try stack.push(try Self.substring(spk, try Self.index(s), try Self.index(e)))
        case 0xc9: try stack.push(number: Int64(tx.inputs[try inputIndexOperand()].signatureScript.count))
        default: throw .invalidOpcode(Self.name(code))
        }
    }

    /// A script public key as introspection sees it: the version (2 bytes, big-endian), then the script.
    static func spkBytes(_ spk: ScriptPublicKey) -> [UInt8] {
        [UInt8(spk.version >> 8), UInt8(spk.version & 0xff)] + spk.script
    }

    func checkedInput(_ idx: Int) throws(ScriptError) -> Int {
        guard idx < tx.inputs.count else { throw .invalidInputIndex(Int64(idx), inputs: tx.inputs.count) }
        return idx
    }

    /// An input index operand: negative is `InvalidIndex`, out of range `InvalidInputIndex`.
    mutating func inputIndexOperand() throws(ScriptError) -> Int {
        try checkedInput(try Self.index(try stack.popInt32()))
    }

    /// OP_TXINPUTAMOUNT / OP_TXINPUTSPK: any bad index (negative too) is `InvalidInputIndex`.
    mutating func inputIndexOperandLenient() throws(ScriptError) -> Int {
        let i = try stack.popInt32()
        guard i >= 0, i < Int64(entries.count) else { throw .invalidInputIndex(i, inputs: tx.inputs.count) }
        return Int(i)
    }

    mutating func outputIndexOperand() throws(ScriptError) -> Int {
        let idx = try Self.index(try stack.popInt32())
        guard idx < tx.outputs.count else { throw .invalidOutputIndex(Int64(idx), count: tx.outputs.count) }
        return idx
    }

    /// OP_TXOUTPUTAMOUNT / OP_TXOUTPUTSPK: any bad index (negative too) is `InvalidOutputIndex`.
    mutating func outputIndexOperandLenient() throws(ScriptError) -> Int {
        let i = try stack.popInt32()
        guard i >= 0, i < Int64(tx.outputs.count) else { throw .invalidOutputIndex(i, count: tx.outputs.count) }
        return Int(i)
    }
}
