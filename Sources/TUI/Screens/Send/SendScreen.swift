import WalletKit

/// Send: a form that validates as you type, a preview (fee, mass, policy verdict) that follows it, then the
/// password to sign and submit, and the transaction id.
public enum SendScreen {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.tab, .down], .nextField, "Next field", label: "next field", footer: true),
        KeyBinding([.backTab, .up], .previousField, "Previous field", label: "previous field"),
        KeyBinding([.enter], .submit, "Continue: preview, then confirm with the password, then send", label: "continue", footer: true),
        KeyBinding([.left], .cycleOption(-1), "Move left (on Fee: lower priority)", label: "left"),
        KeyBinding([.right], .cycleOption(1), "Move right (on Fee: higher priority)", label: "right"),
    ]

    public static func render(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) -> String {
        let s = state.send
        let wide = !canvas.plain && rect.width >= 120
        let formRect: Rect, previewRect: Rect
        if wide {
            let cols = rect.columns(2, gap: 1)
            formRect = cols[0]
            previewRect = cols[1]
        } else {
            let errorLines = SendField.allCases.filter { s.touched.contains($0) && s.errors[$0] != nil }.count
            let formHeight = s.step == .form ? SendField.allCases.count + errorLines + (canvas.plain ? 1 : 2) : (canvas.plain ? 4 : 5)
            let parts = rect.rows([formHeight, 0])
            formRect = parts[0]
            previewRect = parts[1]
        }
        switch s.step {
        case .form: drawForm(s, in: formRect, canvas: &canvas)
        case .confirm, .submitting: drawConfirm(s, in: formRect, canvas: &canvas)
        case .done(let receipt): drawDone(receipt, s, in: formRect.union(previewRect), canvas: &canvas); return "sent"
        }
        drawPreview(s, in: previewRect, canvas: &canvas)
        switch s.step {
        case .form: return s.pending != nil ? "previewing…" : (s.preview == nil ? "fill in the form" : "Enter to continue")
        case .confirm: return "Enter signs and sends; Esc goes back"
        default: return ""
        }
    }

    static func drawForm(_ s: SendState, in rect: Rect, canvas: inout Canvas) {
        let inner = Panel.draw("Send", in: rect, focused: true, note: canvas.plain ? nil : "Tab moves, Enter continues", canvas: &canvas)
        var y = inner.y
        for f in SendField.allCases {
            guard y < inner.maxY else { break }
            let error = s.touched.contains(f) ? s.errors[f] : nil
            let row = Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: error == nil ? 1 : 2)
            let click = ConsoleAction.selectRow(f.rawValue, pane: 0)
            switch f {
            case .from:
                y += FormField.draw(label: f.label, field: s.from, placeholder: "wallet (or a machine's name)", error: error, focused: s.focus == f,
                                    in: row, click: click, canvas: &canvas)
            case .to:
                y += FormField.draw(label: f.label, field: s.to, placeholder: "a machine's name or a kaspa address", error: error, focused: s.focus == f,
                                    in: row, click: click, canvas: &canvas)
            case .amount:
                y += FormField.draw(label: f.label, field: s.amount, placeholder: "KAS, such as 12.5", error: error, focused: s.focus == f,
                                    in: row, click: click, canvas: &canvas)
            case .priority:
                let options = FeePriority.allCases.map { $0 == s.priority ? "[\($0.rawValue)]" : " \($0.rawValue) " }.joined(separator: " ")
                y += FormField.draw(label: f.label, field: nil, value: options + (s.focus == f ? "  ←/→" : ""), error: nil, focused: s.focus == f,
                                    in: row, click: click, canvas: &canvas)
                if s.focus == f { canvas.cursor = nil }
            }
        }
    }

    static func drawConfirm(_ s: SendState, in rect: Rect, canvas: inout Canvas) {
        let inner = Panel.draw("Confirm", in: rect, focused: true, canvas: &canvas)
        if s.step == .submitting {
            canvas.line(" signing and submitting…", in: inner, style: .accent)
            return
        }
        canvas.line(" Type the wallet password to sign and send this payment.", in: inner, style: .warn)
        FormField.draw(label: "Password", field: s.password, error: s.submitError, focused: true,
                       in: Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 1), canvas: &canvas)
    }

    static func drawPreview(_ s: SendState, in rect: Rect, canvas: inout Canvas) {
        let inner = Panel.draw("Preview", in: rect, note: s.pending != nil ? "updating" : nil, canvas: &canvas)
        guard let p = s.preview else {
            let text = s.pending != nil ? "working out fee and mass…" : "the preview appears when the form is complete"
            canvas.line(" " + text, in: inner, style: .dim)
            return
        }
        let g = canvas.glyphs
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
        let valueWidth = area.width - 12
        var y = area.y
        func list(_ items: [(String, String, Style)]) {
            KeyValueList.draw(items, in: Rect(x: area.x, y: y, width: area.width, height: max(0, area.maxY - y)), labelWidth: 12, canvas: &canvas)
            y += items.count
        }
        // The address is always shown whole: on its own line when the machine's name and it do not fit together.
        if let machine = p.destinationMachine, CharWidth.of(machine + "  " + p.destination) > valueWidth {
            list([("To", machine, .bold)])
            if y < area.maxY { canvas.line(p.destination, in: Rect(x: area.x + (CharWidth.of(p.destination) > valueWidth ? 0 : 12), y: y, width: area.width, height: 1)) }
            y += 1
        } else {
            list([("To", p.destinationMachine.map { "\($0)  \(p.destination)" } ?? p.destination, .plain)])
        }
        var items: [(String, String, Style)] = [
            ("Amount", AmountText.kasWithUnit(p.request.amount), Style(attributes: .bold)),
            ("Fee", "\(AmountText.kasWithUnit(p.fee))  (\(p.request.priority.rawValue))", .plain),
            ("Total", AmountText.kasWithUnit(p.total), Style(attributes: .bold)),
            ("Mass", "\(NumberText.grouped(p.computeMass)) g compute, \(NumberText.grouped(p.storageMass)) g storage, \(p.inputs) input\(p.inputs == 1 ? "" : "s")", .dim),
            ("Left after", AmountText.kasWithUnit(p.balanceAfter), .plain),
        ]
        switch p.verdict {
        case .allowed(let notes):
            items.append(("Policy", "\(g.ok) allowed", .ok))
            for n in notes {
                for (i, part) in TextLayout.wrap(n, width: max(10, valueWidth - 2)).enumerated() { items.append(("", (i == 0 ? "" : "  ") + part, .dim)) }
            }
        case .denied(let reasons):
            items.append(("Policy", "\(g.danger) refused", Style(fg: .danger, attributes: .bold)))
            for r in reasons {
                for (i, part) in TextLayout.wrap(r, width: max(10, valueWidth - 2)).enumerated() { items.append(("", (i == 0 ? "" : "  ") + part, .danger)) }
            }
        }
        list(items)
    }

    static func drawDone(_ r: SendReceipt, _ s: SendState, in rect: Rect, canvas: inout Canvas) {
        let inner = Panel.draw("Sent", in: rect, focused: true, canvas: &canvas)
        let g = canvas.glyphs
        canvas.line(" \(g.ok) The payment was signed and handed to the node.", in: inner, style: .ok)
        let items: [(String, String, Style)] = [
            ("Transaction", r.transactionId, .accent), ("Amount", AmountText.kasWithUnit(r.amount), .bold),
            ("Fee", AmountText.kasWithUnit(r.fee), .plain), ("To", s.preview?.destinationMachine ?? "an address", .plain),
        ]
        KeyValueList.draw(items, in: Rect(x: inner.x + 1, y: inner.y + 2, width: inner.width - 1, height: inner.height - 2), labelWidth: 13, canvas: &canvas)
        canvas.line(" " + r.destination, in: Rect(x: inner.x, y: inner.y + 6, width: inner.width, height: 1))
        if inner.height > 8 { canvas.line(" Enter goes back.", in: Rect(x: inner.x, y: inner.y + 8, width: inner.width, height: 1), style: .dim) }
    }
}

extension Rect {
    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        let x0 = min(x, other.x), y0 = min(y, other.y)
        return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }
}
