import Testing
@testable import TUI

/// Only changed cells are written.
@Suite struct FrameDiffTests {
    static let size = Size(width: 20, height: 4)

    @Test func theFirstFrameIsWrittenWhole() {
        let g = CellGrid(size: Self.size)
        let d = FrameDiff(from: nil, to: g)
        #expect(d.isFull && d.runs.count == 4 && d.cellCount == 80)
    }

    @Test func anUnchangedFrameWritesNothing() {
        var g = CellGrid(size: Self.size)
        g.put("same", x: 0, y: 0)
        #expect(FrameDiff(from: g, to: g).runs.isEmpty)
    }

    @Test func oneChangedCellIsOneRunOfOneCell() {
        let a = CellGrid(size: Self.size)
        var b = a
        b.put("x", x: 7, y: 2)
        let d = FrameDiff(from: a, to: b)
        #expect(!d.isFull && d.runs == [FrameDiff.Run(y: 2, x: 7, count: 1)])
    }

    @Test func aStyleChangeAloneIsAChange() {
        let a = CellGrid(size: Self.size)
        var b = a
        b.restyle(Rect(x: 3, y: 1, width: 2, height: 1)) { $0.fg(.danger) }
        #expect(FrameDiff(from: a, to: b).runs == [FrameDiff.Run(y: 1, x: 3, count: 2)])
    }

    @Test func nearbyChangesMergeAndDistantOnesDoNot() {
        let a = CellGrid(size: Self.size)
        var b = a
        b.put("a", x: 1, y: 0)
        b.put("b", x: 4, y: 0)   // gap of 2: merged
        b.put("c", x: 15, y: 0)  // far: its own run
        #expect(FrameDiff(from: a, to: b).runs == [FrameDiff.Run(y: 0, x: 1, count: 4), FrameDiff.Run(y: 0, x: 15, count: 1)])
    }

    @Test func aWideCharacterIsWrittenWhole() {
        var a = CellGrid(size: Self.size)
        a.put("日", x: 4, y: 0)
        var b = a
        b.put("本", x: 4, y: 0)
        #expect(FrameDiff(from: a, to: b).runs == [FrameDiff.Run(y: 0, x: 4, count: 2)])
    }

    @Test func aNewSizeRedrawsEverything() {
        let d = FrameDiff(from: CellGrid(size: Self.size), to: CellGrid(size: Size(width: 10, height: 3)))
        #expect(d.isFull && d.cellCount == 30)
    }

    @Test func theMemoryDriverReceivesOnlyTheChangedCells() {
        let driver = MemoryDriver(size: Self.size)
        var a = CellGrid(size: Self.size)
        a.put("hello", x: 0, y: 0)
        driver.present(a, diff: FrameDiff(from: nil, to: a), cursor: nil)
        var b = a
        b.put("J", x: 0, y: 0)
        driver.present(b, diff: FrameDiff(from: a, to: b), cursor: Point(x: 1, y: 0))
        #expect(driver.cellsWritten == 81 && driver.frames == 2)
        #expect(driver.text.hasPrefix("Jello") && driver.cursor == Point(x: 1, y: 0))
    }

    @Test func escapeSequencesMoveOnceAndSetEachStyleOnce() {
        var writer = EscapeWriter(palette: Palette(theme: .dark, mode: .ansi256))
        let a = CellGrid(size: Self.size)
        var b = a
        b.put("ab", x: 2, y: 1, style: .danger)
        b.put("日", x: 4, y: 1, style: .danger)
        let out = String(decoding: writer.encode(b, diff: FrameDiff(from: a, to: b), cursor: nil), as: UTF8.self)
        #expect(out == "\u{1B}[?2026h\u{1B}[2;3H\u{1B}[0;38;5;204;48;5;234mab日\u{1B}[0m\u{1B}[?25l\u{1B}[?2026l")
    }

    @Test func scalarsAreEncodedAsUTF8() {
        var out: [UInt8] = []
        for s in "aé₭😀".unicodeScalars { EscapeWriter.appendUTF8(s, to: &out) }
        #expect(out == Array("aé₭😀".utf8))
        out = []
        EscapeWriter.moveCursor(to: 199, 59, into: &out)
        #expect(out == Array("\u{1B}[60;200H".utf8))
    }

    @Test func clipboardIsOSC52WithBase64() {
        #expect(String(decoding: EscapeWriter.clipboard("kaspa:qz"), as: UTF8.self) == "\u{1B}]52;c;a2FzcGE6cXo=\u{07}")
    }
}
