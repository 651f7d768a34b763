extension ScriptEngine {
    /// KIP-20 covenant opcodes and KIP-21 OP_CHAINBLOCKSEQCOMMIT (0xcb–0xd6, `opcodes/mod.rs`), reading the
    /// transaction's `CovenantsContext` and the caller's `SeqCommitAccessor`.
    mutating func covenant(_ code: UInt8) throws(ScriptError) {
        let cov = context.covenants
        switch code {
        case 0xcb:  // OP_AUTHOUTPUTCOUNT input
            let input = try inputIndexOperand()
            try stack.push(number: Int64(cov.authorizedOutputCount(input: input)))
        case 0xcc:  // OP_AUTHOUTPUTIDX input k
            let (i, k) = try stack.popInt32s2()
            let input = try checkedInput(try Self.index(i))
            let kk = try Self.index(k)
            let idx = try Self.lift { () throws(CovenantsError) in try cov.authorizedOutputIndex(input: input, k: kk) }
            try stack.push(number: Int64(idx))
        case 0xcf:  // OP_INPUTCOVENANTID input → id or 32 zero bytes
            try stack.push((entries[try inputIndexOperand()].covenantId ?? .zero).bytes)
        case 0xd0, 0xd2:  // OP_COVINPUTCOUNT / OP_COVOUTPUTCOUNT id
            let id = try stack.popHash()
            try stack.push(number: Int64(code == 0xd0 ? cov.covenantInputCount(id) : cov.covenantOutputCount(id)))
        case 0xd1, 0xd3:  // OP_COVINPUTIDX / OP_COVOUTPUTIDX id k
            let k = try Self.index(try stack.popInt32())
            let id = try stack.popHash()
            let idx = try Self.lift { () throws(CovenantsError) in
                code == 0xd1 ? try cov.covenantInputIndex(id, k: k) : try cov.covenantOutputIndex(id, k: k)
            }
            try stack.push(number: Int64(idx))
        case 0xd4:  // OP_CHAINBLOCKSEQCOMMIT block
            guard let accessor = context.seqCommit else { throw .invalidOpcode(Self.name(code)) }
            let block = try stack.popHash()
            switch accessor.isChainAncestorFromPOV(block) {
            case nil: throw .blockAlreadyPruned(block)
            case false?: throw .blockNotSelected(block)
            case true?: break
            }
            guard let commitment = accessor.seqCommitmentWithinDepth(block) else { throw .blockIsTooDeep(block) }
            try stack.push(commitment.bytes)
        case 0xd5:  // OP_OUTPUTCOVENANTID output → id or 32 zero bytes
            try stack.push((tx.outputs[try outputIndexOperand()].covenant?.covenantId ?? .zero).bytes)
        case 0xd6:  // OP_OUTPUTAUTHORIZINGINPUT output → index or -1
            let binding = tx.outputs[try outputIndexOperand()].covenant
            try stack.push(number: binding.map { Int64($0.authorizingInput) } ?? -1)
        default: throw .invalidOpcode(Self.name(code))
        }
    }

    static func lift<T>(_ body: () throws(CovenantsError) -> T) throws(ScriptError) -> T {
        do { return try body() } catch { throw .covenants(error) }
    }
}
