import Foundation

/// Parses and formats KAS amounts as text with integer arithmetic only.
public enum KasAmount {
    public static let decimals = 8

    /// "1", "1.5", "0.00000001", "29000000000" -> sompi. No sign, no exponent, at most 8 decimals,
    /// at most the maximum supply.
    public static func parse(_ text: String) throws(AmountError) -> Sompi {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { throw .empty }
        if s.hasPrefix("-") { throw .negative(text) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .malformed(text, reason: "it has more than one decimal point") }
        let whole = String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        if parts.count == 2 && whole.isEmpty && fraction.isEmpty { throw .malformed(text, reason: "it has no digits") }
        // Checked on Unicode scalars, not Characters: a combining mark would otherwise ride on a digit.
        guard whole.unicodeScalars.allSatisfy(\.isASCIIDigit), fraction.unicodeScalars.allSatisfy(\.isASCIIDigit) else {
            let bad = s.unicodeScalars.first { !$0.isASCIIDigit && $0 != "." }.map { String($0) } ?? "?"
            throw .malformed(text, reason: "'\(bad)' is not a digit; use digits and one '.' (no signs, commas or exponents)")
        }
        guard fraction.count <= decimals else { throw .tooManyDecimals(text, count: fraction.count) }
        let wholeDigits = whole.drop { $0 == "0" }
        // 29e9 KAS has 11 digits; anything longer is over the supply without overflowing.
        guard wholeDigits.count <= 11 else { throw .aboveMaximumSupply(text) }
        guard let kas = UInt64(wholeDigits.isEmpty ? "0" : String(wholeDigits)),
              let fractionSompi = UInt64(fraction + String(repeating: "0", count: decimals - fraction.count)) else {
            throw .malformed(text, reason: "it is not a plain decimal number")
        }
        let sompi = kas * Sompi.perKas + fractionSompi
        guard sompi <= Sompi.maxSupply.rawValue else { throw .aboveMaximumSupply(text) }
        return Sompi(sompi)
    }

    /// Exactly 8 decimals: "0.00000001", "12.50000000".
    public static func format(_ amount: Sompi) -> String {
        let whole = amount.rawValue / Sompi.perKas
        let fraction = String(amount.rawValue % Sompi.perKas)
        return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}

public enum AmountError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case negative(String)
    case malformed(String, reason: String)
    case tooManyDecimals(String, count: Int)
    case aboveMaximumSupply(String)

    public var description: String {
        switch self {
        case .empty: return "amount is empty: expected KAS such as 12.5"
        case .negative(let t): return "amount '\(t)' is negative; amounts must be zero or more"
        case .malformed(let t, let reason): return "amount '\(t)' is not a KAS amount: \(reason)"
        case .tooManyDecimals(let t, let n):
            return "amount '\(t)' has \(n) decimals; KAS has at most 8 (1 sompi = 0.00000001 KAS)"
        case .aboveMaximumSupply(let t): return "amount '\(t)' is above the maximum supply of 29,000,000,000 KAS"
        }
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}

