/// KIP-9 storage mass with pluralities (rusty-kaspa `consensus/core/src/mass/mod.rs`, `calc_storage_mass`).
public enum StorageMass {
    /// `STORAGE_MASS_PARAMETER` = SOMPI_PER_KASPA × 10,000 on every network.
    public static let parameter: UInt64 = 1_000_000_000_000

    /// One UTXO cell: how many 100-byte storage units it occupies, and its amount.
    public struct Cell: Sendable {
        public var plurality: UInt64
        public var amount: UInt64
        public init(plurality: UInt64, amount: UInt64) {
            self.plurality = plurality
            self.amount = amount
        }
    }

    /// `ceil((63 + len(script) [+32 with a covenant id]) / 100)`: 1 for every standard script.
    public static func plurality(scriptLength: Int, hasCovenantId: Bool) -> UInt64 {
        let bytes = UInt64(63 + scriptLength + (hasCovenantId ? 32 : 0))
        return (bytes + 99) / 100
    }

    public static func cell(_ entry: UtxoEntry) -> Cell {
        Cell(plurality: plurality(scriptLength: entry.scriptPublicKey.script.count, hasCovenantId: entry.covenantId != nil),
             amount: entry.amount.rawValue)
    }

    public static func cell(_ output: TransactionOutput) -> Cell {
        Cell(plurality: plurality(scriptLength: output.scriptPublicKey.script.count, hasCovenantId: output.covenant != nil),
             amount: output.value.rawValue)
    }

    /// Storage mass of a populated transaction, or nil when incomputable (an overflow: treat as too heavy).
    /// Assumes every amount is non-zero and there is at least one input, which validation checks first.
    public static func compute(_ tx: PopulatedTransaction, parameter c: UInt64 = parameter) -> UInt64? {
        if tx.tx.isCoinbase { return 0 }
        return compute(inputs: tx.entries.map(cell), outputs: tx.tx.outputs.map(cell), parameter: c)
    }

    public static func compute(inputs: [Cell], outputs: [Cell], parameter c: UInt64 = parameter) -> UInt64? {
        var outsPlurality: UInt64 = 0
        var harmonicOuts: UInt64 = 0
        for o in outputs {
            outsPlurality += o.plurality
            guard o.amount > 0 else { return nil }
            let (cp, o1) = c.multipliedReportingOverflow(by: o.plurality)
            let (cpp, o2) = cp.multipliedReportingOverflow(by: o.plurality)
            guard !o1, !o2 else { return nil }
            let (sum, o3) = harmonicOuts.addingReportingOverflow(cpp / o.amount)
            guard !o3 else { return nil }
            harmonicOuts = sum
        }
        let insPlurality = inputs.reduce(UInt64(0)) { $0 + $1.plurality }
        let relaxed = outsPlurality == 1 || insPlurality == 1 || (outsPlurality == 2 && insPlurality == 2)
        if relaxed {
            var harmonicIns: UInt64 = 0
            for i in inputs {
                guard i.amount > 0 else { return nil }
                let (term, overflow) = (c &* i.plurality).multipliedReportingOverflow(by: i.plurality)
                let t = overflow ? UInt64.max : term / i.amount
                let (s, o) = harmonicIns.addingReportingOverflow(t)
                harmonicIns = o ? .max : s
            }
            return harmonicOuts > harmonicIns ? harmonicOuts - harmonicIns : 0
        }
        let sumIns = inputs.reduce(UInt64(0)) { $0 &+ $1.amount }
        guard insPlurality > 0 else { return nil }
        let meanIns = max(sumIns / insPlurality, 1)
        let (arithmeticIns, overflow) = insPlurality.multipliedReportingOverflow(by: c / meanIns)
        let ins = overflow ? UInt64.max : arithmeticIns
        return harmonicOuts > ins ? harmonicOuts - ins : 0
    }
}
