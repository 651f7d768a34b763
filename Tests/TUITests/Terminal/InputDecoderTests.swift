import Testing
@testable import TUI

@Suite struct InputDecoderTests {
    func decode(_ s: String, flush: Bool = true) -> [InputEvent] {
        var d = InputDecoder()
        var out = d.feed(s)
        if flush { out += d.flush() }
        return out
    }

    @Test func textAndControlKeys() {
        #expect(decode("aZ\r\t\u{7F}") == [.key(.char("a")), .key(.char("Z")), .key(.enter), .key(.tab), .key(.backspace)])
        #expect(decode("\u{10}\u{03}") == [.key(.ctrl("p")), .key(.ctrl("c"))])
    }

    @Test func utf8AndWideCharacters() {
        #expect(decode("é日₭") == [.key(.char("é")), .key(.char("日")), .key(.char("₭"))])
        var d = InputDecoder()
        let bytes = Array("日".utf8)
        #expect(d.feed(bytes: [bytes[0]]).isEmpty && d.feed(bytes: [bytes[1]]).isEmpty)
        #expect(d.feed(bytes: [bytes[2]]) == [.key(.char("日"))])
    }

    @Test func cursorAndEditingKeys() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA") == [.key(.up), .key(.down), .key(.right), .key(.left), .key(.up)])
        #expect(decode("\u{1B}[5~\u{1B}[6~\u{1B}[H\u{1B}[F\u{1B}[3~\u{1B}[Z") == [.key(.pageUp), .key(.pageDown), .key(.home), .key(.end), .key(.delete), .key(.backTab)])
        #expect(decode("\u{1B}OP\u{1B}[15~\u{1B}[24~") == [.key(.function(1)), .key(.function(5)), .key(.function(12))])
        #expect(decode("\u{1B}[1;5A") == [.key(.up)], "modifiers are read past")
    }

    @Test func aLoneEscapeWaitsForThePause() {
        var d = InputDecoder()
        #expect(d.feed("\u{1B}").isEmpty)
        #expect(d.flush() == [.key(.esc)])
        #expect(decode("\u{1B}q") == [.key(.alt("q"))])
        #expect(decode("\u{1B}\u{1B}[A") == [.key(.esc), .key(.up)])
    }

    @Test func sgrMousePressReleaseWheelAndDrag() {
        #expect(decode("\u{1B}[<0;10;5M") == [.mouse(MouseEvent(kind: .press(button: 0), position: Point(x: 9, y: 4)))])
        #expect(decode("\u{1B}[<0;10;5m") == [.mouse(MouseEvent(kind: .release(button: 0), position: Point(x: 9, y: 4)))])
        #expect(decode("\u{1B}[<2;1;1M") == [.mouse(MouseEvent(kind: .press(button: 2), position: Point(x: 0, y: 0)))])
        #expect(decode("\u{1B}[<64;3;4M\u{1B}[<65;3;4M") == [
            .mouse(MouseEvent(kind: .wheelUp, position: Point(x: 2, y: 3))), .mouse(MouseEvent(kind: .wheelDown, position: Point(x: 2, y: 3))),
        ])
        #expect(decode("\u{1B}[<32;7;8M") == [.mouse(MouseEvent(kind: .drag(button: 0), position: Point(x: 6, y: 7)))])
        #expect(decode("\u{1B}[<20;200;60M") == [.mouse(MouseEvent(kind: .press(button: 0), position: Point(x: 199, y: 59), shift: true, ctrl: true))])
    }

    @Test func bracketedPasteKeepsEverythingLiteral() {
        let text = "kaspa:qz0c8g\n日本 \u{1B}[A q"
        #expect(decode("\u{1B}[200~" + text + "\u{1B}[201~x") == [.paste(text), .key(.char("x"))])
    }

    @Test func ncursesKeyCodesPassThroughAndFlushAPendingEscape() {
        var d = InputDecoder()
        #expect(d.feed(.key(.up)) == [.key(.up)])
        _ = d.feed(.scalar("\u{1B}"))
        #expect(d.feed(.key(.down)) == [.key(.esc), .key(.down)])
    }

    @Test func anUnfinishedSequenceIsTakenLiterallyOnThePause() {
        #expect(decode("\u{1B}[12") == [.key(.esc), .key(.char("[")), .key(.char("1")), .key(.char("2"))])
    }
}
