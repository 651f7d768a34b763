/// Receive: the address as a QR code (dark on light, whatever the theme) and always as full text beside it.
public enum ReceiveScreen {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("y"), .char("c")], .copyAddress, "Copy the address to the clipboard (OSC 52)", label: "copy", footer: true),
        KeyBinding([.char("n")], .freshAddress, "Show a new, unused address", label: "new address", footer: true),
    ]

    public static func render(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) -> String {
        let r = state.receive
        let title: String
        switch r.target {
        case .wallet: title = "Receive to the wallet"
        case .machine: title = "Receive to \(r.address?.label ?? "the machine")"
        }
        // Where the QR code needs the whole height (80x24), the panel goes and its title becomes the first line.
        let qrRows = r.qr.map { QRView.cells(for: $0, quiet: 2).height } ?? 0
        let borderless = !canvas.plain && qrRows > rect.height - 2
        let inner = borderless ? rect : Panel.draw(title, in: rect, focused: true, canvas: &canvas)
        if borderless { canvas.fill(rect) }
        guard let address = r.address else {
            canvas.line(" deriving the address…", in: inner, style: .dim)
            return ""
        }
        var textArea = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        if let qr = r.qr, !canvas.plain {
            let quiet = inner.height >= QRView.cells(for: qr, quiet: 4).height ? 4 : 2
            let cells = QRView.cells(for: qr, quiet: quiet)
            if cells.height <= inner.height && cells.width + 30 <= inner.width {
                QRView.render(qr, quiet: quiet, at: Point(x: inner.x + (borderless ? 0 : 1), y: inner.y), into: &canvas)
                textArea = Rect(x: inner.x + cells.width + 3, y: inner.y, width: inner.width - cells.width - 4, height: inner.height)
            } else {
                canvas.line("(the window is too small for the QR code)", in: Rect(x: textArea.x, y: textArea.maxY - 1, width: textArea.width, height: 1), style: .dim)
            }
        }
        var y = textArea.y
        func line(_ s: String, _ style: Style = .plain) {
            guard y < textArea.maxY else { return }
            canvas.line(s, in: Rect(x: textArea.x, y: y, width: textArea.width, height: 1), style: style)
            y += 1
        }
        if borderless { line(title, .title); y += 1 }
        line("Address", .dim)
        for part in TextLayout.wrap(address.address, width: textArea.width) { line(part, Style(fg: .title, attributes: .bold)) }
        y += 1
        line("For", .dim)
        line(address.label)
        if let path = address.path {
            y += 1
            line("Derivation path", .dim)
            line(path)
        }
        y += 1
        line("Check the first and last characters where you paste it:", .dim)
        line("\(address.address.prefix(14))…\(address.address.suffix(8))", .accent)
        if canvas.plain { line("(the QR code is not drawn in plain mode)", .dim) }
        if r.loading { line("deriving a new address…", .dim) }
        return address.label
    }
}
