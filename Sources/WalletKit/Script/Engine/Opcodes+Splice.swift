extension ScriptEngine {
    /// OP_CAT, OP_SUBSTR (re-enabled by KIP-17) and OP_SIZE (`opcodes/mod.rs`).
    mutating func splice(_ code: UInt8) throws(ScriptError) {
        switch code {
        case 0x7e:  // OP_CAT: both pops are plain pops (EmptyStack)
            let b = try stack.pop()
            var a = try stack.pop()
            a.append(contentsOf: b)
            try stack.push(a)
        case 0x7f:  // OP_SUBSTR data start end
            let (start, end) = try stack.popInt32s2()
            let data = try stack.pop()
            let s = try Self.index(start), e = try Self.index(end)
            try stack.push(try Self.substring(data, s, e))
        case 0x82:  // OP_SIZE
            guard let top = stack.top else { throw .invalidStackOperation(needed: 1, have: 0) }
            try stack.push(number: Int64(top.count))
        default: throw .invalidOpcode(Self.name(code))
        }
    }

    /// `i32_to_usize`: a negative index is `InvalidIndex`.
    static func index(_ v: Int64) throws(ScriptError) -> Int {
        guard v >= 0 else { throw .invalidIndex(v) }
        return Int(v)
    }

    /// `substring`: an inverted range, an oversize result and an out-of-bounds range are distinct errors.
    static func substring(_ data: [UInt8], _ start: Int, _ end: Int) throws(ScriptError) -> [UInt8] {
        guard end >= start else { throw .invalidRange(start: start, end: end) }
        guard end - start <= maxElementSize else { throw .elementTooBig(end - start, max: maxElementSize) }
        guard end <= data.count else { throw .outOfBoundsSubstring(start: start, end: end, length: data.count) }
        return Array(data[start..<end])
    }
}
