import WalletKit

/// What `tx decode` shows; its JSON shape is documented in docs/cli.md and must stay stable.
struct TransactionReport: Encodable {
    struct Masses: Encodable {
        let compute: UInt64
        let transient: UInt64
        let normalizedTransient: UInt64
        /// KIP-9 storage mass; null without UTXO entries, or when incomputable.
        @NullWhenAbsent var storage: UInt64?
        /// The reference wallet's (and official SDK's) estimate for the transaction unsigned; null without entries.
        @NullWhenAbsent var walletEstimate: UInt64?
    }
    struct Input: Encodable {
        let index: Int
        let outpoint: String
        let sequence: UInt64
        @NullWhenAbsent var sigOpCount: UInt8?
        @NullWhenAbsent var computeBudget: UInt16?
        let signatureScriptBytes: Int
        @NullWhenAbsent var amount: UInt64?
        @NullWhenAbsent var address: String?
        @NullWhenAbsent var scriptClass: String?
        @NullWhenAbsent var covenantId: String?
        /// SigHashAll: the Schnorr sighash, and the ECDSA one derived from it.
        @NullWhenAbsent var sighashAll: String?
        @NullWhenAbsent var sighashAllEcdsa: String?
        /// From a dry run of the script engine (needs the entries): units used, and the exact v1 compute budget
        /// that covers them.
        @NullWhenAbsent var scriptUnits: UInt64?
        @NullWhenAbsent var requiredComputeBudget: UInt16?
        /// Why the input's scripts fail, if they do (unsigned inputs fail here, which is expected).
        @NullWhenAbsent var scriptError: String?
    }
    struct Output: Encodable {
        let index: Int
        let value: UInt64
        @NullWhenAbsent var address: String?
        let scriptPublicKey: String
        let scriptClass: String
        @NullWhenAbsent var covenant: CovenantBinding?
    }

    let id: String
    let hash: String
    let version: UInt16
    let lockTime: UInt64
    let subnetworkId: String
    let gas: UInt64
    let payloadBytes: Int
    let storageMassCommitted: UInt64
    let size: UInt64
    let mass: Masses
    let minimumFee: UInt64
    /// Inputs minus outputs, when every input's entry is known.
    @NullWhenAbsent var fee: UInt64?
    let inputs: [Input]
    let outputs: [Output]

    init(_ doc: TransactionDocument, network: Network) {
        let tx = doc.tx
        let prefix = network.addressPrefix
        let populated = doc.populated
        let reused = SigHashReusedValues()
        id = tx.id.hex
        hash = tx.hash.hex
        version = tx.version
        lockTime = tx.lockTime
        subnetworkId = tx.subnetworkId.description
        gas = tx.gas
        payloadBytes = tx.payload.count
        storageMassCommitted = tx.storageMass
        size = ComputeMass.estimatedSerializedSize(tx)
        let transient = ComputeMass.transient(tx)
        mass = Masses(
            compute: ComputeMass.compute(tx), transient: transient,
            normalizedTransient: MassLimits.toccata.normalizedTransient(transient),
            storage: populated.flatMap { StorageMass.compute($0) },
            walletEstimate: populated.flatMap { p in
                var unsigned = p
                for i in unsigned.tx.inputs.indices { unsigned.tx.inputs[i].signatureScript = [] }
                return WalletMassEstimate.overall(unsigned)
            })
        minimumFee = Fees.minimumFee(for: tx).rawValue
        if let p = populated, let spent = p.entries.map(\.amount).checkedSum(), let paid = tx.outputs.map(\.value).checkedSum() {
            fee = spent.subtracting(paid)?.rawValue
        } else {
            fee = nil
        }
        let usage = populated.map { DryRun.usage($0) }
        inputs = tx.inputs.enumerated().map { i, input in
            let entry = doc.entries[i]
            let used = usage?[i]
            let sighash = entry.map { SigHash.schnorr(tx, inputIndex: i, entry: $0, type: .all, reused: reused) }
            return Input(
                index: i, outpoint: input.previousOutpoint.description, sequence: input.sequence,
                sigOpCount: input.computeCommit.sigOpCount, computeBudget: input.computeCommit.computeBudget,
                signatureScriptBytes: input.signatureScript.count, amount: entry?.amount.rawValue,
                address: entry.flatMap { try? $0.scriptPublicKey.address(prefix: prefix).string },
                scriptClass: entry?.scriptPublicKey.scriptClass.rawValue, covenantId: entry?.covenantId?.hex,
                sighashAll: sighash?.hex, sighashAllEcdsa: sighash.map { SigHash.ecdsa(fromSchnorr: $0).hex },
                scriptUnits: used?.scriptUnits, requiredComputeBudget: used?.requiredComputeBudget,
                scriptError: used?.error.map { "\($0)" })
        }
        outputs = tx.outputs.enumerated().map { i, o in
            Output(index: i, value: o.value.rawValue, address: try? o.scriptPublicKey.address(prefix: prefix).string,
                   scriptPublicKey: o.scriptPublicKey.rpcHex, scriptClass: o.scriptPublicKey.scriptClass.rawValue, covenant: o.covenant)
        }
    }

    var text: String {
        var lines = [
            "id               \(id)",
            "hash             \(hash)",
            "version          \(version)    lock time \(lockTime)    subnetwork \(subnetworkId)    gas \(gas)    payload \(payloadBytes) bytes",
            "size             \(size) bytes (estimated serialized size)",
            "mass             compute \(mass.compute) g, transient \(mass.transient) g (normalized \(mass.normalizedTransient)), storage \(mass.storage.map { "\($0) g" } ?? "unknown (needs UTXO entries)")",
            "storage commit   \(storageMassCommitted)",
            "minimum fee      \(KasAmount.format(Sompi(minimumFee))) KAS (\(minimumFee) sompi)",
        ]
        if let fee { lines.append("fee              \(KasAmount.format(Sompi(fee))) KAS (\(fee) sompi)") }
        if let w = mass.walletEstimate { lines.append("wallet estimate  \(w) g (reference wallet / SDK calculate_transaction_mass)") }
        lines.append("inputs (\(inputs.count))")
        for i in inputs {
            let commit = i.computeBudget.map { "budget \($0)" } ?? i.sigOpCount.map { "sigops \($0)" } ?? ""
            lines.append("  #\(i.index) \(i.outpoint)  seq \(i.sequence)  \(commit)  sigscript \(i.signatureScriptBytes) B")
            if let amount = i.amount {
                lines.append("     spends \(KasAmount.format(Sompi(amount))) KAS  \(i.address ?? i.scriptClass ?? "")\(i.covenantId.map { "  covenant \($0)" } ?? "")")
            }
            if let s = i.sighashAll { lines.append("     sighash All \(s)") }
            if let units = i.scriptUnits {
                let budget = i.requiredComputeBudget.map { "needs compute budget \($0)" } ?? "above any compute budget"
                lines.append("     script units \(units) (\(budget))\(i.scriptError.map { "; fails: \($0)" } ?? "")")
            }
        }
        lines.append("outputs (\(outputs.count))")
        for o in outputs {
            let cov = o.covenant.map { "  covenant \($0.covenantId.hex) (input \($0.authorizingInput))" } ?? ""
            lines.append("  #\(o.index) \(KasAmount.format(Sompi(o.value))) KAS  \(o.address ?? "script \(o.scriptPublicKey)")\(cov)")
        }
        return lines.joined(separator: "\n")
    }
}
