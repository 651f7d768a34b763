import Foundation

/// A colour theme: one colour per semantic token, read from a btop-like `.theme` file:
///
///     # comment
///     theme[accent]="#49eacb"
///     warn="#e5c07b"
///
/// Both `theme[key]="…"` and `key="…"` lines are accepted. Unknown keys are an error (a typo should not pass
/// silently); a missing key takes the built-in dark theme's colour.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var colors: [ColorToken: ThemeColor]

    public init(name: String, colors: [ColorToken: ThemeColor]) {
        self.name = name
        self.colors = colors
    }

    public func color(_ token: ColorToken) -> ThemeColor {
        colors[token] ?? Theme.dark.colors[token] ?? .terminalDefault
    }

    public enum ParseError: Error, Equatable, LocalizedError {
        case malformedLine(theme: String, line: Int, text: String)
        case unknownKey(theme: String, line: Int, key: String)
        case badColor(theme: String, line: Int, value: String)

        public var errorDescription: String? {
            switch self {
            case .malformedLine(let t, let n, let text): return "theme \(t), line \(n): expected key=\"#rrggbb\", found \(text)"
            case .unknownKey(let t, let n, let k):
                return "theme \(t), line \(n): unknown key '\(k)'; known keys: \(ColorToken.allCases.map(\.themeKey).joined(separator: ", "))"
            case .badColor(let t, let n, let v): return "theme \(t), line \(n): '\(v)' is not a colour (use #rrggbb, #rgb or default)"
            }
        }
    }

    public static func parse(_ text: String, name: String) throws(ParseError) -> Theme {
        let byKey = Dictionary(uniqueKeysWithValues: ColorToken.allCases.map { ($0.themeKey, $0) })
        var colors: [ColorToken: ThemeColor] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else { throw .malformedLine(theme: name, line: index + 1, text: line) }
            var key = line[..<eq].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("theme["), key.hasSuffix("]") { key = String(key.dropFirst(6).dropLast()) }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if let q = value.firstIndex(of: "\""), value.first == "\"" {
                let rest = value[value.index(after: q)...]
                guard let close = rest.firstIndex(of: "\"") else { throw .malformedLine(theme: name, line: index + 1, text: line) }
                value = String(rest[..<close])
            } else if let space = value.firstIndex(of: " ") {
                value = String(value[..<space])
            }
            guard let token = byKey[key] else { throw .unknownKey(theme: name, line: index + 1, key: key) }
            guard let color = ThemeColor(parsing: value) else { throw .badColor(theme: name, line: index + 1, value: value) }
            colors[token] = color
        }
        return Theme(name: name, colors: colors)
    }

    /// The default theme, built in so the console works even without its `themes/` folder.
    /// `themes/dark.theme` holds the same colours (a test keeps them equal).
    public static let dark = Theme(name: "dark", colors: [
        .mainBg: .rgb(0x16, 0x1a, 0x1f), .fg: .rgb(0xd8, 0xde, 0xe4), .dim: .rgb(0x7a, 0x85, 0x90),
        .accent: .rgb(0x49, 0xea, 0xcb), .ok: .rgb(0x7f, 0xd8, 0x8f), .warn: .rgb(0xe5, 0xc0, 0x7b),
        .danger: .rgb(0xf0, 0x71, 0x78), .title: .rgb(0xff, 0xff, 0xff), .border: .rgb(0x3b, 0x44, 0x4f),
        .borderFocus: .rgb(0x49, 0xea, 0xcb), .selectionBg: .rgb(0x26, 0x4f, 0x4a), .selectionFg: .rgb(0xff, 0xff, 0xff),
        .cursorBg: .rgb(0x2f, 0x6f, 0x66), .barBg: .rgb(0x23, 0x29, 0x31), .barFg: .rgb(0xc5, 0xcd, 0xd6),
        .inputBg: .rgb(0x23, 0x29, 0x31), .tabActiveBg: .rgb(0x49, 0xea, 0xcb), .tabActiveFg: .rgb(0x10, 0x14, 0x18),
        .graphStart: .rgb(0x49, 0xea, 0xcb), .graphMid: .rgb(0xe5, 0xc0, 0x7b), .graphEnd: .rgb(0xf0, 0x71, 0x78),
        .qrDark: .rgb(0x00, 0x00, 0x00), .qrLight: .rgb(0xff, 0xff, 0xff),
    ])
}
