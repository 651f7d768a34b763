import Foundation
import Testing
@testable import WalletKit

/// multisig.json, covenant.json and the signed transactions of sdk_generated.json through the engine and the
/// validator, with tampered variants that must fail with the specific error.
@Suite struct EngineVectorTests {
    // MARK: multisig.json

    static let multisig = MultisigVectorTests.file

    static func scriptError(_ ptx: PopulatedTransaction) -> ScriptError? {
        do {
            try TransactionValidator().checkScripts(ptx, covenants: .empty)
            return nil
        } catch {
            if case .script(_, let e, _, _) = error { return e }
            return nil
        }
    }

    @Test(arguments: multisig.cases.map(\.name))
    func multisigThroughEngine(name: String) throws {
        let c = try #require(Self.multisig.cases.first { $0.name == name })
        let ptx = try PopulatedTransaction(tx: c.signedTx, entries: c.utxoEntries)
        let error = Self.scriptError(ptx)
        if c.expectedScriptResult == "ok" {
            #expect(error == nil, "\(String(describing: error))")
            // A flipped signature byte: the only matching signature fails, so NULLFAIL.
            var flipped = ptx
            flipped.tx.inputs[c.inputIndex].signatureScript[5] ^= 0x01
            #expect(Self.scriptError(flipped) == .nullFail)
            // Another amount changes the sighash.
            var amount = ptx
            amount.entries[c.inputIndex].amount = Sompi(amount.entries[c.inputIndex].amount.rawValue + 1)
            #expect(Self.scriptError(amount) == .nullFail)
            // Another sequence changes the sighash.
            var sequence = ptx
            sequence.tx.inputs[c.inputIndex].sequence ^= 1
            #expect(Self.scriptError(sequence) == .nullFail)
        } else {
            let expected = try #require(Self.derivedErrors[name])
            #expect(error?.rustName == expected, "\(String(describing: error))")
        }
    }

    /// `derived_expectedError` of the failing cases, by name.
    static let derivedErrors: [String: String] = {
        struct Row: Decodable { let name: String; let derived_expectedError: String? }
        struct File: Decodable { let cases: [Row] }
        let f = Fixtures.decode(File.self, from: "multisig.json")
        return Dictionary(uniqueKeysWithValues: f.cases.compactMap { r in r.derived_expectedError.map { (r.name, $0) } })
    }()

    // MARK: sdk_generated.json

    static let sdk = SdkGeneratedTransactionTests.cases

    static let options = UtxoValidationOptions(povDaaScore: 1 << 40)

    /// The SDK's signed transaction with its consensus storage mass committed.
    static func signedPopulated(_ c: SdkGeneratedTransactionTests.Case) throws -> PopulatedTransaction {
        var tx = SdkGeneratedTransactionTests.signed(c)
        tx.storageMass = try #require(c.mass).consensusStorageMass
        return try PopulatedTransaction(tx: tx, entries: try #require(c.utxoEntries))
    }

    static func validate(_ ptx: PopulatedTransaction) -> TxRuleError? {
        let validator = TransactionValidator()
        do {
            try validator.validateInIsolation(ptx.tx)
            try validator.validateInUtxoContext(ptx, options: options)
            return nil
        } catch {
            return error
        }
    }

    /// The error a broken signature gives on input `i`: false from CHECKSIG, NULLFAIL from multisig.
    static func brokenSignature(_ c: SdkGeneratedTransactionTests.Case, input i: Int) -> ScriptError {
        c.inputs?.first { $0.inputIndex == i }?.utxoType == "p2pk" ? .evalFalse : .nullFail
    }

    static func scriptFailure(_ error: TxRuleError?) -> (input: Int, error: ScriptError)? {
        if case .script(let i, let e, _, _)? = error { return (i, e) }
        return nil
    }

    @Test(arguments: sdk.map(\.id))
    func sdkTransactionValidates(id: String) throws {
        let c = try #require(Self.sdk.first { $0.id == id })
        let ptx = try Self.signedPopulated(c)
        #expect(Self.validate(ptx) == nil)
        // Every input's dry run fits its commit, and P2PK needs exactly 100,001 units (budget 10).
        for usage in DryRun.usage(ptx) {
            #expect(usage.isValid && usage.scriptUnits <= usage.allowedScriptUnits, "input \(usage.inputIndex)")
            if c.inputs?.first(where: { $0.inputIndex == usage.inputIndex })?.utxoType == "p2pk" {
                #expect(usage.scriptUnits == 100_001 && usage.requiredComputeBudget == 10)
            }
        }
        let last = ptx.tx.inputs.count - 1

        // A flipped signature byte fails that input.
        var flipped = ptx
        flipped.tx.inputs[last].signatureScript[10] ^= 0x80
        let f = try #require(Self.scriptFailure(Self.validate(flipped)))
        #expect(f.input == last && f.error == Self.brokenSignature(c, input: last))

        // Another UTXO amount changes only that input's sighash (commitment re-fitted so the mass rule passes).
        var amount = ptx
        amount.entries[last].amount = Sompi(amount.entries[last].amount.rawValue + 1)
        amount.tx.storageMass = StorageMass.compute(amount) ?? 0
        let a = try #require(Self.scriptFailure(Self.validate(amount)))
        #expect(a.input == last && a.error == Self.brokenSignature(c, input: last))

        // Another value on an output outside any genesis group changes every input's sighash: input 0 fails first.
        var output = ptx
        let unbound = try #require(ptx.tx.outputs.firstIndex { o in
            o.covenant.map { ptx.entries[Int($0.authorizingInput)].covenantId == $0.covenantId } ?? true
        })
        output.tx.outputs[unbound].value = Sompi(output.tx.outputs[unbound].value.rawValue - 1)
        output.tx.storageMass = StorageMass.compute(output) ?? 0
        let o = try #require(Self.scriptFailure(Self.validate(output)))
        #expect(o.input == 0 && o.error == Self.brokenSignature(c, input: 0))
        // On a genesis-bound output the same change breaks the covenant id before any script runs.
        if let g = ptx.tx.outputs.indices.first(where: { i in
            ptx.tx.outputs[i].covenant.map { ptx.entries[Int($0.authorizingInput)].covenantId != $0.covenantId } ?? false
        }), let binding = ptx.tx.outputs[g].covenant {
            var genesis = ptx
            genesis.tx.outputs[g].value = Sompi(genesis.tx.outputs[g].value.rawValue - 1)
            genesis.tx.storageMass = StorageMass.compute(genesis) ?? 0
            #expect(Self.validate(genesis) == .covenants(.wrongGenesisCovenantId(input: Int(binding.authorizingInput), binding.covenantId)))
        }

        // Another sequence changes every input's sighash too.
        var sequence = ptx
        sequence.tx.inputs[last].sequence ^= 1
        let s = try #require(Self.scriptFailure(Self.validate(sequence)))
        #expect(s.input == 0 && s.error == Self.brokenSignature(c, input: 0))

        // A wrong storage-mass commitment is its own rule.
        var mass = ptx
        mass.tx.storageMass += 1
        #expect(Self.validate(mass) == .wrongMass(calculated: ptx.tx.storageMass, committed: ptx.tx.storageMass + 1))

        // Another covenant id on a bound output breaks the KIP-20 binding rule (it is no longer a continuation,
        // and as a genesis its id does not hash).
        if let o = ptx.tx.outputs.firstIndex(where: { $0.covenant != nil }), let binding = ptx.tx.outputs[o].covenant {
            var cov = ptx
            let forged = Blake2b.hash(binding.covenantId.bytes)
            cov.tx.outputs[o].covenant = CovenantBinding(authorizingInput: binding.authorizingInput, covenantId: forged)
            cov.tx.storageMass = StorageMass.compute(cov) ?? 0
            #expect(Self.validate(cov) == .covenants(.wrongGenesisCovenantId(input: Int(binding.authorizingInput), forged)))
        }
    }

    @Test func everySdkTransactionRan() {
        #expect(Self.sdk.count == 20)
        Fixtures.report("sdk_generated.json (signed transactions through the validator)", Self.sdk.count)
        Fixtures.report("multisig.json (through the engine)", Self.multisig.cases.count)
    }

    // MARK: covenant.json

    struct CovenantCase: Decodable { let name: String; let tx: Transaction; let utxoEntries: [UtxoEntry]? }
    struct CovenantFile: Decodable { let cases: [CovenantCase] }
    static let covenantCases = Fixtures.decode(CovenantFile.self, from: "covenant.json").cases

    @Test(arguments: covenantCases.map(\.name))
    func covenantBindingRules(name: String) throws {
        let c = try #require(Self.covenantCases.first { $0.name == name })
        let entries = c.utxoEntries ?? c.tx.inputs.map { _ in UtxoEntry(amount: 1_000_000, scriptPublicKey: ScriptPublicKey(script: [0x51])) }
        let ptx = try PopulatedTransaction(tx: c.tx, entries: entries)
        let bound = c.tx.outputs.enumerated().filter { $0.element.covenant != nil }
        // Cases 3 and 4 bind ids that are not a valid genesis for their outputs (documented in the vector).
        let validGenesis = !name.hasPrefix("covenant id of") && !name.hasPrefix("rusty-kaspa test_transaction_v1")
        if validGenesis {
            let ctx = try CovenantsContext(ptx)
            // Genesis outputs are not listed as continuations.
            #expect(ctx.outputsByCovenant.isEmpty && ctx.authorizedOutputs.isEmpty)
            // Tampering any bound output's id fails the genesis rule for its authorizing input.
            for (o, output) in bound {
                guard let binding = output.covenant else { continue }
                var forged = ptx
                let id = Blake2b.hash(binding.covenantId.bytes)
                forged.tx.outputs[o].covenant = CovenantBinding(authorizingInput: binding.authorizingInput, covenantId: id)
                // The forged output's group, or the original group it left, no longer hashes (first in output order).
                do {
                    _ = try CovenantsContext(forged)
                    Issue.record("a forged covenant id on output \(o) was accepted")
                } catch {
                    guard case .wrongGenesisCovenantId(let input, let failed) = error else { Issue.record("\(error)"); continue }
                    #expect(input == Int(binding.authorizingInput) && (failed == id || failed == binding.covenantId))
                }
            }
            // As continuations (the authorizing UTXO carries the id) the same bindings need no hash.
            var continuation = ptx
            for (_, output) in bound {
                if let b = output.covenant { continuation.entries[Int(b.authorizingInput)].covenantId = b.covenantId }
            }
            let cctx = try CovenantsContext(continuation)
            let continuing = bound.filter { continuation.entries[Int($0.element.covenant?.authorizingInput ?? 0)].covenantId == $0.element.covenant?.covenantId }
            #expect(!continuing.isEmpty)
            #expect(cctx.outputsByCovenant.values.reduce(0) { $0 + $1.count } == continuing.count)
            for (o, output) in continuing {
                let input = Int(output.covenant?.authorizingInput ?? 0)
                #expect(cctx.authorizedOutputs[input]?.contains(o) == true)
            }
        } else {
            #expect(throws: CovenantsError.self) { try CovenantsContext(ptx) }
        }
        if c.utxoEntries != nil {
            // The vector's inputs are unsigned P2PK: scripts fail with an empty signature script.
            let validator = TransactionValidator()
            try validator.validateInUtxoContext(ptx, options: .init(checkMassCommitment: false, checkScripts: false))
            #expect(throws: TxRuleError.script(input: 0, .invalidStackOperation(needed: 2, have: 1), signatureEmpty: true, failedSignature: nil)) {
                try validator.validateInUtxoContext(ptx, options: .init(checkMassCommitment: false))
            }
        }
    }

    @Test func everyCovenantCaseRan() {
        #expect(Self.covenantCases.count == 4)
        Fixtures.report("covenant.json (binding rules)", Self.covenantCases.count)
    }
}
