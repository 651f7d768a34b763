import Foundation
import Testing
@testable import TUI

@Suite struct ThemeTests {
    let library = ThemeLibrary(directories: [Fixture.themesDirectory])

    @Test(arguments: ["dark", "light", "high-contrast", "16-color"]) func shippedThemesLoadWithEveryToken(name: String) throws {
        let text = try String(contentsOf: Fixture.themesDirectory.appendingPathComponent(name + ".theme"), encoding: .utf8)
        let theme = try Theme.parse(text, name: name)
        #expect(Set(theme.colors.keys) == Set(ColorToken.allCases), "\(name) sets every token")
        #expect(theme.color(.qrDark) == .rgb(0, 0, 0) && theme.color(.qrLight) == .rgb(255, 255, 255), "QR codes stay dark on light")
    }

    @Test func theFileOfTheDefaultThemeMatchesTheBuiltInCopy() throws {
        #expect(try library.load("dark") == Theme.dark)
        #expect(library.names() == ["16-color", "dark", "high-contrast", "light"])
    }

    @Test func bothLineFormsCommentsAndDefaults() throws {
        let t = try Theme.parse("# c\ntheme[fg]=\"#112233\"  # trailing\naccent=\"#abc\"\nmain_bg=\"default\"\n\n", name: "t")
        #expect(t.colors[.fg] == .rgb(0x11, 0x22, 0x33) && t.colors[.accent] == .rgb(0xaa, 0xbb, 0xcc) && t.colors[.mainBg] == .terminalDefault)
        #expect(t.color(.warn) == Theme.dark.color(.warn), "a missing token falls back to the dark theme")
    }

    @Test func mistakesAreReportedWithTheLine() {
        #expect(throws: Theme.ParseError.unknownKey(theme: "t", line: 2, key: "acent")) { try Theme.parse("fg=\"#fff\"\nacent=\"#fff\"", name: "t") }
        #expect(throws: Theme.ParseError.badColor(theme: "t", line: 1, value: "red")) { try Theme.parse("fg=\"red\"", name: "t") }
        #expect(throws: Theme.ParseError.malformedLine(theme: "t", line: 1, text: "fg")) { try Theme.parse("fg", name: "t") }
        #expect(throws: ThemeLibrary.LoadError.self) { try library.load("nope") }
    }

    @Test func downsamplingTo256And16() {
        #expect(ColorDownsampling.to256(255, 0, 0) == 196)
        #expect(ColorDownsampling.to256(0, 0, 0) == 16)
        #expect(ColorDownsampling.to256(255, 255, 255) == 231)
        #expect(ColorDownsampling.to256(128, 128, 128) == 244)
        #expect(ColorDownsampling.to256(0x49, 0xea, 0xcb) == 80)
        #expect(ColorDownsampling.to16(0xcd, 0, 0) == 1 && ColorDownsampling.to16(255, 255, 255) == 15 && ColorDownsampling.to16(0, 0, 0) == 0)
        #expect(ColorDownsampling.to16(0x7f, 0x7f, 0x7f) == 8)
        // By hue: the dark theme's danger, warn, accent and ok stay red, yellow, cyan and green.
        #expect([ColorDownsampling.to16(0xf0, 0x71, 0x78), ColorDownsampling.to16(0xe5, 0xc0, 0x7b),
                 ColorDownsampling.to16(0x49, 0xea, 0xcb), ColorDownsampling.to16(0x7f, 0xd8, 0x8f)] == [1, 3, 6, 2])
        #expect(ColorDownsampling.to16(0x30, 0x30, 0x38) == 0 && ColorDownsampling.to16(0xff, 0x55, 0x55) == 9)
    }

    @Test func theSixteenColourThemeUsesExactAnsiColours() throws {
        let theme = try library.load("16-color")
        for token in ColorToken.allCases {
            guard case .rgb(let r, let g, let b) = theme.color(token) else { continue }
            let i = Int(ColorDownsampling.to16(r, g, b))
            let p = ColorDownsampling.ansi16[i]
            #expect(p == (Int(r), Int(g), Int(b)), "\(token.themeKey) is ANSI colour \(i) exactly")
        }
    }

    @Test func paletteSequencesPerMode() {
        let style = Style(fg: .danger, bg: .selectionBg, attributes: .bold)
        #expect(Palette(theme: .dark, mode: .trueColor).sequence(for: style) == "\u{1B}[0;1;38;2;240;113;120;48;2;38;79;74m")
        #expect(Palette(theme: .dark, mode: .ansi256).sequence(for: style).hasPrefix("\u{1B}[0;1;38;5;"))
        #expect(Palette(theme: .dark, mode: .ansi16).sequence(for: Style(fg: .danger)) == "\u{1B}[0;31;40m")
        #expect(Palette(theme: .dark, mode: .none).sequence(for: style) == "\u{1B}[0;1;7m", "without colour, a selection is reverse video")
        #expect(Palette(theme: .dark, mode: .none).sequence(for: .danger) == "\u{1B}[0m")
    }

    @Test func colourModeFromTheEnvironment() {
        #expect(ColorMode.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], terminalColors: 256) == ColorMode.none)
        #expect(ColorMode.detect(environment: ["NO_COLOR": ""], terminalColors: 256) == .ansi256, "an empty NO_COLOR does not count")
        #expect(ColorMode.detect(environment: ["COLORTERM": "24bit"], terminalColors: 8) == .trueColor)
        #expect(ColorMode.detect(environment: [:], terminalColors: 8) == .ansi16)
        #expect(ColorMode.detect(environment: ["TERM": "dumb"], terminalColors: 256) == ColorMode.none)
        #expect(ColorMode.detect(environment: [:], terminalColors: -1) == ColorMode.none)
    }
}
