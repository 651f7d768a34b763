/// The unlock prompt: everything else stays hidden while the wallet is locked.
public enum UnlockScreen {
    public static func render(_ u: UnlockState, state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect)
        let box = rect.centered(width: min(rect.width - 4, 60), height: 10)
        let inner = Panel.draw("Unlock the wallet", in: box, focused: true, canvas: &canvas)
        var y = inner.y
        if let reason = u.reason {
            canvas.line(" " + reason, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: .warn)
        }
        y += 2
        FormField.draw(label: "Password", field: u.password, value: u.busy ? "checking…" : nil, error: u.error, focused: !u.busy,
                       in: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 2), canvas: &canvas)
        y += 3
        if let hint = state.unlockHint {
            canvas.line(" " + hint, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: .dim)
        }
    }
}
