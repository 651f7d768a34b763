/// How many colours reach the terminal.
public enum ColorMode: String, Sendable, CaseIterable {
    case trueColor = "truecolor"
    case ansi256 = "256"
    case ansi16 = "16"
    case none

    /// From the environment (anchors.md part C): `NO_COLOR` set and not empty means none; `COLORTERM` of
    /// `truecolor` or `24bit` means true colour; otherwise the terminal's colour count (terminfo `colors`).
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorMode {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .none }
        if environment["TERM"] == "dumb" { return .none }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorterm == "truecolor" || colorterm == "24bit" { return .trueColor }
        if terminalColors >= 256 { return .ansi256 }
        if terminalColors >= 8 { return .ansi16 }
        return .none
    }
}
