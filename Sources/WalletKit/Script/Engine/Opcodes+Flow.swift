extension ScriptEngine {
    /// Control opcodes (`opcodes/mod.rs`: OpNop … OpReturn). Conditionals run even in untaken branches.
    mutating func flow(_ code: UInt8) throws(ScriptError) {
        switch code {
        case 0x61: return  // OP_NOP
        case 0x63, 0x64:  // OP_IF, OP_NOTIF: an untaken branch nests as skipped
            guard isExecuting else { conditions.append(.skipped); return }
            let value = try stack.popBool()
            conditions.append(value == (code == 0x63) ? .taken : .notTaken)
        case 0x67:  // OP_ELSE
            guard let last = conditions.last else { throw .conditionStackEmpty }
            conditions[conditions.count - 1] = last == .taken ? .notTaken : last == .notTaken ? .taken : .skipped
        case 0x68:  // OP_ENDIF
            guard conditions.popLast() != nil else { throw .conditionStackEmpty }
        case 0x69:  // OP_VERIFY
            guard try stack.popBool() else { throw .verifyFailed }
        case 0x6a: throw .earlyReturn
        default: throw .opcodeReserved(Self.name(code))  // OP_VERIF / OP_VERNOTIF never get here
        }
    }

    /// OP_CHECKLOCKTIMEVERIFY and OP_CHECKSEQUENCEVERIFY: the operand is up to 8 raw little-endian bytes, not a
    /// script number (`opcodes/mod.rs`).
    mutating func lockTime(_ code: UInt8) throws(ScriptError) {
        var raw = try stack.popRaw()
        guard raw.count <= 8 else {
            throw .numberTooBig("lock time value \(raw.hex) is longer than 8 bytes")
        }
        while raw.count < 8 { raw.append(0) }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(raw[i]) << (8 * UInt64(i)) }
        let input = tx.inputs[inputIndex]
        if code == 0xb0 {
            let txLock = tx.lockTime
            let threshold = Self.lockTimeThreshold
            guard (txLock < threshold && value < threshold) || (txLock >= threshold && value >= threshold) else {
                throw .unsatisfiedLockTime("mismatched lock time types: transaction \(txLock), script \(value)")
            }
            guard value <= txLock else {
                throw .unsatisfiedLockTime("the script requires lock time \(value) but the transaction has \(txLock)")
            }
            guard input.sequence != UInt64.max else {
                throw .unsatisfiedLockTime("the input is finalized (sequence is the maximum), so lock time is not enforced")
            }
        } else {
            if value & Self.sequenceLockTimeDisabled != 0 { return }
            guard input.sequence & Self.sequenceLockTimeDisabled == 0 else {
                throw .unsatisfiedLockTime("the input's sequence has the lock-time-disabled bit set")
            }
            let want = value & Self.sequenceLockTimeMask
            let have = input.sequence & Self.sequenceLockTimeMask
            guard want <= have else {
                throw .unsatisfiedLockTime("the script requires relative lock \(want) but the input's sequence gives \(have)")
            }
        }
    }
}
