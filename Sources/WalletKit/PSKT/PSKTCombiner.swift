/// Combiner (`impl Add for PSKT<Combiner>` and the `Add` impls of `Global`, `Input`, `Output` in
/// `wallet/pskt/src/{pskt,global,input,output}.rs`).
///
/// Merges two copies of one transaction's PSKT: partial signatures, key sources, scripts and unknown entries are
/// united. Unlike rusty-kaspa, which silently keeps one side in several cases, every disagreement is an error
/// naming the input or output and the field: different transactions (outpoints, amounts, scripts, sequence, lock
/// times, payload), different sighash types, two different signatures by one key.
///
/// Optional transaction fields (sequence, minTime, sigOpCount, computeBudget, covenant, payload) may be set on one side
/// only while neither side carries signatures; afterwards both must agree, since signatures commit to them.
/// Inputs and outputs may differ in number only while both copies are still modifiable (construction); then the
/// extra ones are appended, as rusty-kaspa does.
extension PSKT {
    public func combined(with other: PSKT) throws(PSKTError) -> PSKT {
        let signed = hasSignatures || other.hasSignatures
        var out = self
        out.global = try global.combined(with: other.global, signed: signed)

        if inputs.count != other.inputs.count && !(global.inputsModifiable && other.global.inputsModifiable) {
            throw .conflict(path: "inputs", message: "the PSKTs describe different transactions (\(inputs.count) vs \(other.inputs.count) inputs)")
        }
        if outputs.count != other.outputs.count && !(global.outputsModifiable && other.global.outputsModifiable) {
            throw .conflict(path: "outputs", message: "the PSKTs describe different transactions (\(outputs.count) vs \(other.outputs.count) outputs)")
        }
        out.inputs = []
        for i in 0..<max(inputs.count, other.inputs.count) {
            switch (inputs.indices.contains(i) ? inputs[i] : nil, other.inputs.indices.contains(i) ? other.inputs[i] : nil) {
            case (let a?, let b?): out.inputs.append(try a.combined(with: b, path: "input \(i)", signed: signed))
            case (let a?, nil), (nil, let a?): out.inputs.append(a)
            case (nil, nil): break
            }
        }
        out.outputs = []
        for i in 0..<max(outputs.count, other.outputs.count) {
            switch (outputs.indices.contains(i) ? outputs[i] : nil, other.outputs.indices.contains(i) ? other.outputs[i] : nil) {
            case (let a?, let b?): out.outputs.append(try a.combined(with: b, path: "output \(i)", signed: signed))
            case (let a?, nil), (nil, let a?): out.outputs.append(a)
            case (nil, nil): break
            }
        }
        out.unknowns = try PSKT.unite(unknowns, other.unknowns, path: "top-level unknown field")

        if let i = out.outputs.firstIndex(where: { $0.covenant != nil }), out.global.version < .two || out.global.txVersion < 1 {
            throw .covenantNotAllowed(output: i, version: out.global.version.rawValue, txVersion: out.global.txVersion)
        }
        // Safety net: a copy that carries signatures must still describe the same transaction.
        let id = out.transactionId
        for side in [self, other] where side.hasSignatures && side.transactionId != id {
            throw .conflict(path: "transaction", message: "the PSKTs describe different transactions (ids \(side.transactionId) and \(id))")
        }
        return out
    }

    /// Combines several copies, left to right.
    public static func combine(_ pskts: [PSKT]) throws(PSKTError) -> PSKT {
        guard var acc = pskts.first else { return PSKT() }
        for p in pskts.dropFirst() { acc = try acc.combined(with: p) }
        return acc
    }

    /// Unites two maps; a key with two different values is a conflict.
    static func unite<K: Hashable, V: Equatable>(_ a: [K: V], _ b: [K: V], path: String,
                                                 name: (K) -> String = { "\($0)" }) throws(PSKTError) -> [K: V] {
        var out = a
        for (k, v) in b {
            if let existing = out[k] {
                guard existing == v else { throw .conflict(path: path, message: "\(name(k)) has two different values") }
            } else {
                out[k] = v
            }
        }
        return out
    }

    /// Both set and different is a conflict; otherwise whichever is set.
    static func either<V: Equatable>(_ a: V?, _ b: V?, path: String, show: (V) -> String) throws(PSKTError) -> V? {
        switch (a, b) {
        case (let x?, let y?) where x != y: throw .conflict(path: path, message: "\(show(x)) vs \(show(y))")
        case (let x?, _): return x
        default: return b
        }
    }

    /// A transaction field: equal by `effective` value, or set on one side while nothing is signed yet.
    static func transactionField<V: Equatable>(_ a: V?, _ b: V?, default effective: V?, signed: Bool, path: String,
                                               show: (V?) -> String) throws(PSKTError) -> V? {
        if a == b { return a }
        if let e = effective, (a ?? e) == (b ?? e) { return a ?? b }
        if (a == nil || b == nil) && !signed { return a ?? b }
        throw .conflict(path: path, message: "\(show(a)) vs \(show(b))\(signed ? " (signatures commit to it)" : "")")
    }
}

extension PSKTGlobal {
    func combined(with other: PSKTGlobal, signed: Bool) throws(PSKTError) -> PSKTGlobal {
        guard version == other.version else {
            throw .conflict(path: "global: version", message: "PSKT version \(version.rawValue) vs \(other.version.rawValue)")
        }
        guard txVersion == other.txVersion else {
            throw .conflict(path: "global: txVersion", message: "transaction version \(txVersion) vs \(other.txVersion)")
        }
        var out = self
        out.fallbackLockTime = try PSKT.either(fallbackLockTime, other.fallbackLockTime, path: "global: fallbackLockTime") { "\($0)" }
        out.inputsModifiable = inputsModifiable && other.inputsModifiable
        out.outputsModifiable = outputsModifiable && other.outputsModifiable
        out.inputCount = max(inputCount, other.inputCount)
        out.outputCount = max(outputCount, other.outputCount)
        for (xpub, source) in other.xpubs {
            guard let mine = out.xpubs[xpub], mine != source else { out.xpubs[xpub] = source; continue }
            // rusty-kaspa keeps the longer derivation when the shorter one is its suffix (the same key seen from
            // a deeper master); anything else is inconsistent.
            let a = mine.derivationPath.components, b = source.derivationPath.components
            if b.count < a.count && Array(a.suffix(b.count)) == b { continue }
            if a.count < b.count && Array(b.suffix(a.count)) == a { out.xpubs[xpub] = source; continue }
            throw .conflict(path: "global: xpubs", message: "\(xpub) has two inconsistent key sources "
                            + "(\(mine.keyFingerprint.hex) \(mine.derivationPath) vs \(source.keyFingerprint.hex) \(source.derivationPath))")
        }
        out.id = try PSKT.either(id, other.id, path: "global: id") { $0.hex }
        out.proprietaries = try PSKT.unite(proprietaries, other.proprietaries, path: "global: proprietaries")
        out.unknowns = try PSKT.unite(unknowns, other.unknowns, path: "global: unknown field")
        if (payload != nil || other.payload != nil) && version < .one { throw .payloadNotAllowed(version: version.rawValue) }
        out.payload = try PSKT.transactionField(payload, other.payload, default: nil, signed: signed, path: "global: payload") {
            $0.map { "\($0.count)-byte payload \($0.prefix(8).hex)" } ?? "no payload"
        }
        return out
    }
}

extension PSKTInput {
    func combined(with other: PSKTInput, path: String, signed: Bool) throws(PSKTError) -> PSKTInput {
        guard previousOutpoint == other.previousOutpoint else {
            throw .conflict(path: "\(path): previousOutpoint", message: "the PSKTs spend different outputs (\(previousOutpoint) vs \(other.previousOutpoint))")
        }
        guard sighashType == other.sighashType else {
            throw .conflict(path: "\(path): sighashType", message: "\(sighashType) vs \(other.sighashType)")
        }
        var out = self
        out.utxoEntry = try PSKT.either(utxoEntry, other.utxoEntry, path: "\(path): utxoEntry") {
            "amount \($0.amount.rawValue), script \($0.scriptPublicKey.rpcHex)"
        }
        let show: (UInt64?) -> String = { $0.map { "\($0)" } ?? "unset" }
        out.sequence = try PSKT.transactionField(sequence, other.sequence, default: UInt64.max, signed: signed,
                                                 path: "\(path): sequence", show: show)
        out.minTime = try PSKT.transactionField(minTime, other.minTime, default: nil, signed: signed, path: "\(path): minTime", show: show)
        out.sigOpCount = try PSKT.transactionField(sigOpCount, other.sigOpCount, default: 0, signed: signed,
                                                   path: "\(path): sigOpCount") { $0.map { "\($0)" } ?? "unset" }
        // Signatures do not commit to a compute budget, but the extracted transaction does.
        out.computeBudget = try PSKT.transactionField(computeBudget, other.computeBudget, default: nil, signed: false,
                                                      path: "\(path): computeBudget") { $0.map { "\($0)" } ?? "unset" }
        out.redeemScript = try PSKT.either(redeemScript, other.redeemScript, path: "\(path): redeemScript") { $0.hex }
        out.finalScriptSig = try PSKT.either(finalScriptSig, other.finalScriptSig, path: "\(path): finalScriptSig") { $0.hex }
        for (key, sig) in other.partialSigs {
            if let mine = out.partialSigs[key] {
                guard mine == sig else {
                    throw .conflict(path: "\(path): partialSigs", message: "key \(key) has two different signatures")
                }
            } else {
                out.partialSigs[key] = sig
            }
        }
        out.bip32Derivations = try PSKTInput.uniteDerivations(bip32Derivations, other.bip32Derivations, path: "\(path): bip32Derivations")
        out.proprietaries = try PSKT.unite(proprietaries, other.proprietaries, path: "\(path): proprietaries")
        out.unknowns = try PSKT.unite(unknowns, other.unknowns, path: "\(path): unknown field")
        return out
    }

    /// A key with no known source on one side takes the other side's source.
    static func uniteDerivations(_ a: [PublicKey: PSKTKeySource?], _ b: [PublicKey: PSKTKeySource?],
                                 path: String) throws(PSKTError) -> [PublicKey: PSKTKeySource?] {
        var out = a
        for (key, source) in b {
            switch (out[key], source) {
            case (nil, _): out[key] = .some(source)
            case (.some(nil), let s?): out[key] = .some(s)
            case (.some(let x?), let y?) where x != y:
                throw .conflict(path: path, message: "key \(key) has two different key sources")
            default: break
            }
        }
        return out
    }
}

extension PSKTOutput {
    func combined(with other: PSKTOutput, path: String, signed: Bool) throws(PSKTError) -> PSKTOutput {
        guard amount == other.amount else {
            throw .conflict(path: "\(path): amount", message: "\(amount.rawValue) vs \(other.amount.rawValue) sompi")
        }
        guard scriptPublicKey == other.scriptPublicKey else {
            throw .conflict(path: "\(path): scriptPublicKey", message: "\(scriptPublicKey.rpcHex) vs \(other.scriptPublicKey.rpcHex)")
        }
        var out = self
        out.covenant = try PSKT.transactionField(covenant, other.covenant, default: nil, signed: signed, path: "\(path): covenant") {
            $0.map { "input \($0.authorizingInput), id \($0.covenantId)" } ?? "none"
        }
        out.redeemScript = try PSKT.either(redeemScript, other.redeemScript, path: "\(path): redeemScript") { $0.hex }
        out.bip32Derivations = try PSKTInput.uniteDerivations(bip32Derivations, other.bip32Derivations, path: "\(path): bip32Derivations")
        out.proprietaries = try PSKT.unite(proprietaries, other.proprietaries, path: "\(path): proprietaries")
        out.unknowns = try PSKT.unite(unknowns, other.unknowns, path: "\(path): unknown field")
        return out
    }
}

extension PSKB {
    /// Combines two bundles PSKT by PSKT; they must hold the same number of PSKTs.
    public func combined(with other: PSKB) throws(PSKTError) -> PSKB {
        guard pskts.count == other.pskts.count else {
            throw .conflict(path: "bundle", message: "\(pskts.count) vs \(other.pskts.count) PSKTs")
        }
        var out: [PSKT] = []
        for (i, (a, b)) in zip(pskts, other.pskts).enumerated() {
            do { out.append(try a.combined(with: b)) } catch {
                if case .conflict(let path, let message) = error, pskts.count > 1 {
                    throw .conflict(path: "pskt \(i): \(path)", message: message)
                }
                throw error
            }
        }
        return PSKB(out)
    }
}
