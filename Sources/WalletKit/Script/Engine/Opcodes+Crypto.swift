extension ScriptEngine {
    /// Hashing and signature opcodes (`opcodes/mod.rs`; multisig in `lib.rs`). Hashes charge script units per
    /// input byte: BLAKE2b 2, SHA-256 1, BLAKE3 1 (`HashOpcodePricing`).
    mutating func crypto(_ code: UInt8) throws(ScriptError) {
        switch code {
        case 0xa7:  // OP_BLAKE2BWITHKEY data key
            let (data, key) = try stack.popRaw2()
            guard key.count <= 64 else { throw .elementTooBig(key.count, max: 64) }
            try meter.consume(UInt64(data.count) * 2)
            try stack.push(Blake2b.hash(data, key: key).bytes)
        case 0xa8:
            let data = try stack.popRaw()
            try meter.consume(UInt64(data.count))
            try stack.push(Sha256.hash(data).bytes)
        case 0xaa:
            let data = try stack.popRaw()
            try meter.consume(UInt64(data.count) * 2)
            try stack.push(Blake2b.hash(data).bytes)
        case 0xd9:
            let data = try stack.popRaw()
            try meter.consume(UInt64(data.count))
            var h = Blake3()
            h.write(data)
            try stack.push(h.finalizeBytes(length: 32))
        case 0xda:  // OP_BLAKE3WITHKEY data key(32)
            let (data, key) = try stack.popRaw2()
            guard key.count == 32 else { throw .malformedPush(needed: 32, available: key.count) }
            try meter.consume(UInt64(data.count))
            var h = Blake3(key: key)
            h.write(data)
            try stack.push(h.finalizeBytes(length: 32))
        case 0xab, 0xac, 0xad:
            let valid = try checkSig(ecdsa: code == 0xab)
            if code == 0xad {
                guard valid else { throw .verifyFailed }
            } else {
                stack.push(bool: valid)
            }
        case 0xa9, 0xae, 0xaf:
            let valid = try checkMultisig(ecdsa: code == 0xa9)
            if code == 0xaf {
                guard valid else { throw .verifyFailed }
            } else {
                stack.push(bool: valid)
            }
        case 0xd7, 0xd8:  // OP_CHECKSIGFROMSTACK(ECDSA) sig msg32 key
            let (signature, message, key) = try stack.popRaw3()
            guard let hash = Hash32(message) else { throw .messageHashLength(message.count) }
            try meter.consumeSigOps(1)
            let valid = code == 0xd7
                ? try SignatureCheck.schnorr(signature: signature, message: hash, key: key)
                : try SignatureCheck.ecdsa(signature: signature, message: hash, key: key)
            if !valid { lastFailedSignature = FailedSignature(publicKey: key, scheme: code == 0xd7 ? "Schnorr" : "ECDSA") }
            stack.push(bool: valid)
        default: throw .invalidOpcode(Self.name(code))
        }
    }

    /// OP_CHECKSIG / OP_CHECKSIGECDSA: an empty signature is simply false (and costs nothing).
    mutating func checkSig(ecdsa: Bool) throws(ScriptError) -> Bool {
        var (signature, key) = try stack.popRaw2()
        guard let typeByte = signature.popLast() else { return false }
        guard let type = SigHashType(rawValue: typeByte) else { throw .invalidSigHashType(typeByte) }
        return try verify(signature: signature, type: type, key: key, ecdsa: ecdsa)
    }

    /// One signature check against this input's sighash; its sig-op cost is charged first.
    mutating func verify(signature: [UInt8], type: SigHashType, key: [UInt8], ecdsa: Bool) throws(ScriptError) -> Bool {
        try meter.consumeSigOps(1)
        let valid: Bool
        if ecdsa {
            guard key.count == 33 else { throw .pubKeyFormat }
            let hash = SigHash.ecdsa(tx, inputIndex: inputIndex, entry: entries[inputIndex], type: type, reused: context.reused)
            valid = try SignatureCheck.ecdsa(signature: signature, message: hash, key: key)
        } else {
            let hash = SigHash.schnorr(tx, inputIndex: inputIndex, entry: entries[inputIndex], type: type, reused: context.reused)
            valid = try SignatureCheck.schnorr(signature: signature, message: hash, key: key)
        }
        if !valid { lastFailedSignature = FailedSignature(publicKey: key, scheme: ecdsa ? "ECDSA" : "Schnorr") }
        return valid
    }

    /// OP_CHECKMULTISIG(ECDSA) (`op_check_multisig_schnorr_or_ecdsa`): no dummy element; signatures must follow
    /// their keys' order (each check consumes a key); a failure with any non-empty signature is NULLFAIL.
    mutating func checkMultisig(ecdsa: Bool) throws(ScriptError) -> Bool {
        let keyCount = try stack.popInt32()
        guard keyCount >= 0 else { throw .invalidPubKeyCount("number of pubkeys \(keyCount) is negative") }
        guard keyCount <= Int64(Self.maxPubKeysPerMultisig) else {
            throw .invalidPubKeyCount("too many pubkeys \(keyCount) > \(Self.maxPubKeysPerMultisig)")
        }
        opCount += Int(keyCount)
        if opCount > Self.maxOpsPerScript { throw .tooManyOperations(max: Self.maxOpsPerScript) }
        try stack.require(Int(keyCount))
        let keys = stack.splitOff(last: Int(keyCount))

        let sigCount = try stack.popInt32()
        guard sigCount >= 0 else { throw .invalidSignatureCount("number of signatures \(sigCount) is negative") }
        guard sigCount <= keyCount else { throw .invalidSignatureCount("more signatures than pubkeys \(sigCount) > \(keyCount)") }
        try stack.require(Int(sigCount))
        let signatures = stack.splitOff(last: Int(sigCount))

        var failed = false
        var nextKey = 0
        outer: for (i, var signature) in signatures.enumerated() {
            guard let typeByte = signature.popLast() else { failed = true; break }
            guard let type = SigHashType(rawValue: typeByte) else { throw .invalidSigHashType(typeByte) }
            while true {
                if keys.count - nextKey < signatures.count - i { failed = true; break outer }
                let key = keys[nextKey]
                nextKey += 1
                if try verify(signature: signature, type: type, key: key, ecdsa: ecdsa) { break }
            }
        }
        if failed && signatures.contains(where: { !$0.isEmpty }) { throw .nullFail }
        return !failed
    }

    /// OP_ZKPRECOMPILE (KIP-16): tag, its price, then the proof system's verifier.
    mutating func zkPrecompile() throws(ScriptError) {
        let tag = try ZkPrecompile.parseTag(&stack)
        try meter.consume(tag.scriptUnits)
        try ZkPrecompile.verify(tag, stack: &stack, meter: &meter, verifiers: context.zkVerifiers)
        stack.push(bool: true)
    }
}
