import WalletKit

/// Numbers as people read them: thousands separated, integers only.
public enum NumberText {
    public static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }
}

/// KAS amounts: `KasAmount.format` (exact, 8 decimals, no floating point) with the whole part grouped.
public enum AmountText {
    /// "1,234.50000000"
    public static func kas(_ amount: Sompi) -> String {
        let text = KasAmount.format(amount)
        guard let dot = text.firstIndex(of: ".") else { return text }
        return NumberText.grouped(UInt64(text[..<dot]) ?? 0) + text[dot...]
    }

    /// "1,234.50000000 KAS"
    public static func kasWithUnit(_ amount: Sompi) -> String { kas(amount) + " KAS" }

    /// Two decimals, cut (not rounded) by integer arithmetic, for charts and narrow columns: "1,234.56".
    public static func compact(_ amount: Sompi) -> String {
        let cents = amount.rawValue % Sompi.perKas / 1_000_000
        return NumberText.grouped(amount.rawValue / Sompi.perKas) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Shorter, for narrow columns: trailing zero decimals dropped, at least 2 kept ("1,234.50", "0.00000001").
    public static func short(_ amount: Sompi) -> String {
        var text = kas(amount)
        while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 { text.removeLast() }
        return text
    }
}

/// Times from integer Unix seconds, with the UTC offset the console took at start (no Foundation formatters in
/// the render path, and the same text in every test).
public enum TimeText {
    /// "2025-11-24 16:00"
    public static func dateTime(_ unix: Int64, offset: Int) -> String {
        let (y, m, d, hh, mm, _) = civil(unix + Int64(offset))
        return "\(y)-\(two(m))-\(two(d)) \(two(hh)):\(two(mm))"
    }

    /// "16:00:05"
    public static func clock(_ unix: Int64, offset: Int) -> String {
        let (_, _, _, hh, mm, ss) = civil(unix + Int64(offset))
        return "\(two(hh)):\(two(mm)):\(two(ss))"
    }

    /// "just now", "42s ago", "5m ago", "3h ago", "2d ago".
    public static func ago(_ unix: Int64, now: Int64) -> String {
        let s = max(0, now - unix)
        if s < 5 { return "just now" }
        if s < 60 { return "\(s)s ago" }
        if s < 3600 { return "\(s / 60)m ago" }
        if s < 86_400 { return "\(s / 3600)h ago" }
        return "\(s / 86_400)d ago"
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// Proleptic Gregorian date from days since 1970 (Howard Hinnant's civil_from_days).
    static func civil(_ t: Int64) -> (Int, Int, Int, Int, Int, Int) {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = Int(t - days * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d), secs / 3600, (secs % 3600) / 60, secs % 60)
    }
}
