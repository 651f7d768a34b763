import Testing
@testable import TUI

@Suite struct CellGridTests {
    @Test func asciiTextFillsOneCellPerCharacter() {
        var g = CellGrid(size: Size(width: 10, height: 2))
        #expect(g.put("hello", x: 1, y: 0) == 5)
        #expect(g.line(0) == " hello    ")
        #expect(g[1, 0].scalar == "h" && g[1, 0].width == 1)
    }

    @Test func wideCharactersTakeTwoColumns() {
        var g = CellGrid(size: Size(width: 10, height: 1))
        #expect(g.put("日本x", x: 0, y: 0) == 5)
        #expect(g[0, 0].width == 2 && g[1, 0].isContinuation && g[2, 0].width == 2 && g[4, 0].scalar == "x")
        #expect(g.line(0) == "日本x     ")
        #expect(CharWidth.of("日本") == 4 && CharWidth.of("₭✓é") == 3)
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var g = CellGrid(size: Size(width: 5, height: 1))
        #expect(g.put("ab日", x: 2, y: 0, limit: 3) == 3)
        #expect(g.line(0) == "  ab ")
        g.put("日", x: 4, y: 0)
        #expect(g[4, 0].scalar == " " && g[4, 0].width == 1)
    }

    @Test func overwritingHalfOfAWideCharacterClearsTheOtherHalf() {
        var g = CellGrid(size: Size(width: 6, height: 1))
        g.put("日本", x: 0, y: 0)
        g.put("x", x: 1, y: 0)  // the right half of 日
        #expect(g.line(0) == " x本  ")
        g.put("y", x: 2, y: 0)  // the left half of 本
        #expect(g.line(0) == " xy   ")
    }

    @Test func clippingAndControlCharacters() {
        var g = CellGrid(size: Size(width: 8, height: 2))
        g.put("a\u{07}b\u{0301}c", x: 0, y: 0)
        #expect(g.line(0) == "abc     ", "control and combining scalars draw nothing")
        g.put("abcdef", x: 0, y: 1, clip: Rect(x: 2, y: 1, width: 3, height: 1))
        #expect(g.line(1) == "  cde   ")
        #expect(g.put("zz", x: 0, y: 5) == 0)
    }

    @Test func textTrimsTrailingSpaces() {
        var g = CellGrid(size: Size(width: 6, height: 2))
        g.put("ab", x: 0, y: 1)
        #expect(g.text == "\nab")
    }

    @Test func restyleKeepsCharacters() {
        var g = CellGrid(size: Size(width: 4, height: 1))
        g.put("ab", x: 0, y: 0)
        g.restyle(Rect(x: 0, y: 0, width: 4, height: 1)) { $0.bg(.selectionBg) }
        #expect(g[0, 0].scalar == "a" && g[0, 0].style.bg == .selectionBg && g[3, 0].style.bg == .selectionBg)
    }
}
