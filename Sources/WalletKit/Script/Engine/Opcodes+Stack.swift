extension ScriptEngine {
    /// Stack opcodes 0x6b–0x7d (`opcodes/mod.rs`). Copies are metered; moves between the stacks are not.
    mutating func stackOp(_ code: UInt8) throws(ScriptError) {
        switch code {
        case 0x6b: try altStack.pushUnmetered(try stack.popRaw())  // OP_TOALTSTACK
        case 0x6c: try stack.pushUnmetered(try altStack.pop())  // OP_FROMALTSTACK: empty alt stack is EmptyStack
        case 0x6d: try stack.drop(2)
        case 0x6e: try stack.dup(2)
        case 0x6f: try stack.dup(3)
        case 0x70: try stack.over(2)
        case 0x71: try stack.rot(2)
        case 0x72: try stack.swap(2)
        case 0x73:  // OP_IFDUP
            try stack.require(1)
            let top = stack[fromTop: 0]
            if ScriptNum.isTrue(top) { try stack.push(top) }
        case 0x74: try stack.push(number: Int64(stack.count))  // OP_DEPTH
        case 0x75: try stack.drop(1)
        case 0x76: try stack.dup(1)
        case 0x77:  // OP_NIP
            try stack.require(2)
            _ = stack.remove(at: stack.count - 2)
        case 0x78: try stack.over(1)
        case 0x79, 0x7a:  // OP_PICK, OP_ROLL
            let depth = try stack.popInt32()
            guard depth >= 0, depth < Int64(stack.count) else {
                throw .pickRollOutOfRange(opcode: Self.name(code), index: depth, depth: stack.count)
            }
            if code == 0x79 { try stack.push(stack[fromTop: Int(depth)]) } else { try stack.roll(Int(depth)) }
        case 0x7b: try stack.rot(1)
        case 0x7c: try stack.swap(1)
        case 0x7d:  // OP_TUCK
            try stack.require(2)
            try stack.insert(stack[fromTop: 0], at: stack.count - 2)
        default: throw .invalidOpcode(Self.name(code))
        }
    }
}
