/// The frame: top bar, tab bar, the screen's body, the status line and the footer of key hints, with modals on
/// top. A pure function of the state: the same state always draws the same cells.
public enum ConsoleView {
    public struct Layout: Equatable, Sendable {
        public var top: Rect
        public var tabs: Rect
        public var body: Rect
        public var status: Rect
        public var footer: Rect
    }

    public static func layout(_ size: Size) -> Layout {
        let w = size.width, h = size.height
        return Layout(top: Rect(x: 0, y: 0, width: w, height: 1), tabs: Rect(x: 0, y: 1, width: w, height: 1),
                      body: Rect(x: 0, y: 2, width: w, height: h - 4), status: Rect(x: 0, y: h - 2, width: w, height: 1),
                      footer: Rect(x: 0, y: h - 1, width: w, height: 1))
    }

    public static func render(_ state: ConsoleState) -> Canvas {
        var canvas = Canvas(size: state.size, plain: state.plain)
        if state.size.isBelowMinimum {
            drawTooSmall(state.size, canvas: &canvas)
            return canvas
        }
        let l = layout(state.size)
        StatusBar.drawTop(state, in: l.top, canvas: &canvas)
        if case .locked(let unlock) = state.lock {
            canvas.fill(l.tabs)
            UnlockScreen.render(unlock, state: state, in: l.body, canvas: &canvas)
            StatusBar.drawStatus(state, right: "", in: l.status, canvas: &canvas)
            Footer.draw(.unlock, in: l.footer, canvas: &canvas)
            return canvas
        }
        StatusBar.drawTabs(state, in: l.tabs, canvas: &canvas)
        let right: String
        switch state.screen {
        case .dashboard: right = DashboardScreen.render(state, in: l.body, canvas: &canvas)
        case .fleet: right = FleetScreen.render(state, in: l.body, canvas: &canvas)
        case .machine: right = MachineScreen.render(state, in: l.body, canvas: &canvas)
        case .activity: right = ActivityScreen.render(state, in: l.body, canvas: &canvas)
        case .node: right = NodeScreen.render(state, in: l.body, canvas: &canvas)
        case .settings: right = SettingsScreen.render(state, in: l.body, canvas: &canvas)
        case .send: right = SendScreen.render(state, in: l.body, canvas: &canvas)
        case .receive: right = ReceiveScreen.render(state, in: l.body, canvas: &canvas)
        }
        StatusBar.drawStatus(state, right: right, in: l.status, canvas: &canvas)
        Footer.draw(state.keyContext, in: l.footer, canvas: &canvas)
        if !state.modals.isEmpty {
            // Under a modal, a click outside it closes it; inside, only its own regions count.
            canvas.hits = [HitRegion(rect: canvas.grid.bounds, action: .closeModal)]
            canvas.cursor = nil
            Footer.draw(state.keyContext, in: l.footer, canvas: &canvas)
            for modal in state.modals {
                switch modal {
                case .help(let scroll): HelpOverlay.render(state, scroll: scroll, canvas: &canvas)
                case .palette(let p): CommandPalette.render(state, palette: p, canvas: &canvas)
                case .confirm(let c): drawConfirm(c, canvas: &canvas)
                case .reveal(let r): drawReveal(r, canvas: &canvas)
                }
            }
        }
        return canvas
    }

    /// Below 80x24: a clear notice instead of a broken layout.
    static func drawTooSmall(_ size: Size, canvas: inout Canvas) {
        let lines = ["Kasfleet needs at least \(Size.minimum.width)x\(Size.minimum.height);", "this terminal is \(size.width)x\(size.height).",
                     "", "Enlarge the window, or press q to quit."]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            canvas.line(line, in: Rect(x: 0, y: top + i, width: size.width, height: 1), style: i < 2 ? .warn : .dim, align: .center)
        }
    }

    static func drawConfirm(_ c: ConfirmState, canvas: inout Canvas) {
        let width = min(canvas.size.width - 4, max(44, CharWidth.of(c.message) + 6))
        let inner = ModalFrame.draw(c.title, width: width, height: 7, canvas: &canvas)
        for (i, line) in TextLayout.wrap(c.message, width: inner.width - 2).prefix(3).enumerated() {
            canvas.line(line, in: Rect(x: inner.x + 1, y: inner.y + i, width: inner.width - 2, height: 1))
        }
        let buttons = Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1)
        let yes = canvas.text("[ Enter / y: yes ]", x: buttons.x, y: buttons.y, style: Style(fg: .accent, attributes: .bold))
        canvas.hit(Rect(x: buttons.x, y: buttons.y, width: yes, height: 1), .confirm)
        let no = canvas.text("[ Esc / n: no ]", x: buttons.x + yes + 2, y: buttons.y, style: .dim)
        canvas.hit(Rect(x: buttons.x + yes + 2, y: buttons.y, width: no, height: 1), .closeModal)
    }

    static func drawReveal(_ r: RevealState, canvas: inout Canvas) {
        let inner = ModalFrame.draw("Show the recovery phrase", width: min(canvas.size.width - 4, 64), height: 9, canvas: &canvas)
        let text = "Anyone who sees these words can take every coin of this wallet. Type the wallet password to show them."
        for (i, line) in TextLayout.wrap(text, width: inner.width - 2).prefix(3).enumerated() {
            canvas.line(line, in: Rect(x: inner.x + 1, y: inner.y + i, width: inner.width - 2, height: 1), style: .warn)
        }
        FormField.draw(label: "Password", field: r.password, value: r.busy ? "checking…" : nil, error: r.error, focused: !r.busy,
                       in: Rect(x: inner.x + 1, y: inner.y + 4, width: inner.width - 2, height: 2), canvas: &canvas)
    }
}
