import Testing
import WalletKit
@testable import TUI

@Suite struct WidgetTests {
    @Test func textFieldEditing() {
        var f = TextField("drone")
        let applied = f.apply(.char("-"))
        #expect(applied && f.text == "drone-")
        _ = f.apply(.home)
        _ = f.apply(.delete)
        #expect(f.text == "rone-" && f.cursor == 0)
        _ = f.apply(.end)
        _ = f.apply(.backspace)
        #expect(f.text == "rone")
        f.insert("x\ny")
        #expect(f.text == "ronex", "only the first line of a paste")
        _ = f.apply(.ctrl("w"))
        #expect(f.text == "")
        f = TextField("secret", secure: true)
        #expect(f.displayText == "••••••")
        let arrow = f.apply(.up)
        #expect(!arrow, "not an editing key")
        var short = TextField(maxLength: 3)
        short.insert("abcdef")
        #expect(short.text == "abc")
    }

    @Test func tableLayoutDropsLowPriorityColumnsFirst() {
        let columns = [TableColumn("a", width: 10, priority: 9), TableColumn("b", width: 10, priority: 1), TableColumn("c", width: 10, flex: 1, priority: 5)]
        #expect(Table.layout(columns, width: 40).map(\.column) == [0, 1, 2])
        let narrow = Table.layout(columns, width: 30)
        #expect(narrow.map(\.column) == [0, 2] && narrow.last?.width == 17, "b dropped, c takes the room left")
    }

    @Test func fuzzyMatching() {
        #expect(Fuzzy.score("gf", in: "Go to the Fleet") != nil)
        #expect(Fuzzy.score("xyz", in: "Go to the Fleet") == nil)
        let whole = Fuzzy.score("fleet", in: "Go to the Fleet"), scattered = Fuzzy.score("gtf", in: "Go to the Fleet")
        #expect(whole != nil && scattered != nil && whole! > scattered!, "consecutive letters count more")
    }

    @Test func amountsAndTimes() {
        #expect(AmountText.kas(Sompi(123_456_789_012)) == "1,234.56789012")
        #expect(AmountText.short(Sompi(150_000_000)) == "1.50" && AmountText.short(Sompi(1)) == "0.00000001")
        #expect(AmountText.compact(Sompi(123_456_789_012)) == "1,234.56")
        #expect(NumberText.grouped(-1234567) == "-1,234,567")
        #expect(TimeText.dateTime(Fixture.now, offset: 0) == "2025-11-24 16:00" && TimeText.dateTime(0, offset: 3600) == "1970-01-01 01:00")
        #expect(TimeText.ago(Fixture.now - 7200, now: Fixture.now) == "2h ago" && TimeText.ago(Fixture.now, now: Fixture.now) == "just now")
        #expect(WorkProgress(done: 1, total: 3).percent == 33 && WorkProgress(done: 5, total: 0).permille == 0)
    }

    @Test func listWindowKeepsTheCursorOnScreenAndAsksForRows() {
        var w = ListWindow<Int>(total: 1_000, offset: 0, rows: Array(0..<50))
        #expect(w.windowToLoad(page: 10) == nil)
        w.move(.pageDown, page: 10)
        #expect(w.cursor == 10 && w.scroll == 1)
        w.move(.bottom, page: 10)
        #expect(w.cursor == 999 && w.scroll == 990 && w.row(at: 999) == nil)
        #expect(w.windowToLoad(page: 10)! == (970, 50))
        w.move(.by(-5_000), page: 10)
        #expect(w.cursor == 0 && w.scroll == 0)
    }

    @Test func qrCodesFromLibqrencode() throws {
        let address = "kaspa:qpauqsvk7yf9unexwmxsnmg547mhyga37csh0kj53q6xxgl24ydxjsgzthw5j"
        let qr = try #require(QRMatrix.encode(address))
        #expect(qr.size == 33, "version 4 with error correction L")
        #expect(qr[0, 0] && qr[6, 6] && !qr[7, 7], "finder pattern")
        #expect(QRView.cells(for: qr, quiet: 2) == Size(width: 37, height: 19))
        var canvas = Canvas(size: Size(width: 40, height: 20))
        QRView.render(qr, quiet: 2, at: Point(x: 0, y: 0), into: &canvas)
        #expect(canvas.grid[2, 4].scalar == "▀" && canvas.grid[2, 4].style == Style(fg: .qrDark, bg: .qrLight), "module (0,6) dark above (0,7) light")
        #expect(canvas.grid[2, 1].style == Style(fg: .qrDark, bg: .qrDark) && canvas.grid[0, 0].style.bg == .qrLight, "a dark pair, the quiet zone")
    }

    @Test func sparklinesScaleToTheLargestValue() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        Sparkline.render([0, 1, 4, 8] as [UInt64], width: 10, at: Point(x: 0, y: 0), canvas: &canvas)
        #expect(canvas.grid.line(0) == " ▁▄█      ")
    }
}
