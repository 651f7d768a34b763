extension ScriptEngine {
    /// OP_INVERT, OP_AND, OP_OR, OP_XOR (KIP-17), OP_EQUAL, OP_EQUALVERIFY (`opcodes/mod.rs`).
    mutating func bitwise(_ code: UInt8) throws(ScriptError) {
        switch code {
        case 0x83:
            var a = try stack.pop()
            for i in a.indices { a[i] = ~a[i] }
            try stack.push(a)
        case 0x84, 0x85, 0x86:
            let b = try stack.pop()
            var a = try stack.pop()
            guard a.count == b.count else { throw .bitwiseLengthMismatch(opcode: Self.name(code), a.count, b.count) }
            for i in a.indices {
                switch code {
                case 0x84: a[i] &= b[i]
                case 0x85: a[i] |= b[i]
                default: a[i] ^= b[i]
                }
            }
            try stack.push(a)
        case 0x87, 0x88:
            let (a, b) = try stack.popRaw2()
            if code == 0x87 {
                stack.push(bool: a == b)
            } else if a != b {
                throw .verifyFailed
            }
        default: throw .invalidOpcode(Self.name(code))
        }
    }
}
