import WalletKit

/// Screen 3: one machine: its addresses (with a QR code when there is room), UTXOs (covenant UTXOs marked), spend
/// history charts, policy and events. Wide terminals show every pane; smaller ones one pane at a time (Tab).
public enum MachineScreen {
    public static let bindings: [KeyBinding] = Keymap.panes + Keymap.listNavigation + [
        KeyBinding([.char("f")], .toggleFreeze, "Freeze or unfreeze this machine", label: "freeze", footer: true),
        KeyBinding([.char("y")], .copyAddress, "Copy the highlighted address (OSC 52)", label: "copy address", footer: true),
        KeyBinding([.char("R")], .refresh, "Reload the machine", label: "refresh"),
    ]

    public static func render(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) -> String {
        guard let d = state.machine.detail else {
            let text = state.machine.id == nil ? "no machine picked: choose one in the Fleet (2) and press Enter" : "loading the machine…"
            canvas.line(" " + text, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1), style: .dim)
            return ""
        }
        let header = Rect(x: rect.x, y: rect.y, width: rect.width, height: canvas.plain ? 4 : 4)
        drawHeader(d, state: state, in: header, canvas: &canvas)
        let rest = Rect(x: rect.x, y: header.maxY, width: rect.width, height: rect.height - header.height)
        if !canvas.plain && rect.width >= 140 && rect.height >= 40 {
            let qrRows = state.machine.qr.map { QRView.cells(for: $0, quiet: 2).height } ?? 0
            let top = max(d.addresses.count + 3, qrRows + 2)
            let rows = rest.rows([top, (rest.height - top + 1) / 2, 0])
            drawPane(.addresses, d, state: state, in: rows[0], canvas: &canvas)
            let middle = rows[1].columns(2, gap: 1), bottom = rows[2].columns(2, gap: 1)
            drawPane(.utxos, d, state: state, in: middle[0], canvas: &canvas)
            drawPane(.events, d, state: state, in: middle[1], canvas: &canvas)
            drawPane(.history, d, state: state, in: bottom[0], canvas: &canvas)
            drawPane(.policy, d, state: state, in: bottom[1], canvas: &canvas)
        } else {
            drawPaneTabs(state, in: Rect(x: rest.x, y: rest.y, width: rest.width, height: 1), canvas: &canvas)
            drawPane(state.machine.pane, d, state: state, in: Rect(x: rest.x, y: rest.y + 1, width: rest.width, height: rest.height - 1), canvas: &canvas)
        }
        return "\(d.row.name), \(d.utxos.count) UTXOs"
    }

    static func drawHeader(_ d: MachineDetail, state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        let r = d.row
        let inner = Panel.draw(r.name, in: rect, note: r.status.rawValue, canvas: &canvas)
        let statusStyle: Style = r.status == .active ? .ok : r.status == .frozen ? .warn : .dim
        var x = inner.x + 1
        x += canvas.text("balance ", x: x, y: inner.y, style: .dim)
        x += canvas.text(AmountText.kasWithUnit(r.balance), x: x, y: inner.y, style: Style(attributes: .bold))
        x += canvas.text("   spent today ", x: x, y: inner.y, style: .dim)
        x += canvas.text(AmountText.compact(r.spentToday) + (r.dailyBudget.map { " / " + AmountText.compact($0) } ?? ""), x: x, y: inner.y,
                         style: r.isOverBudget ? .danger : .plain)
        if let use = r.budgetUsePermille, inner.maxX - x > 14 {
            ProgressBar.render(permille: use, width: min(16, inner.maxX - x - 2), at: Point(x: x + 2, y: inner.y), budget: true, canvas: &canvas)
        }
        let info = "\(r.status.rawValue) · \(r.group ?? "no group") · \(r.kind) · \(d.keySource) · tags: \(d.tags.joined(separator: ", "))"
        canvas.line(info, in: Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: 1), style: Style(fg: statusStyle.fg))
    }

    static func drawPaneTabs(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        var x = rect.x + 1
        for pane in MachinePane.allCases {
            let label = " \(pane.title) "
            let active = pane == state.machine.pane
            let shown = canvas.plain && active ? "[" + pane.title + "]" : label
            let w = canvas.text(shown, x: x, y: rect.y, style: active ? Style(fg: .tabActiveFg, bg: .tabActiveBg, attributes: .bold) : .dim, limit: rect.maxX - x)
            canvas.hit(Rect(x: x, y: rect.y, width: w, height: 1), .selectRow(state.machine.cursors[pane.rawValue], pane: pane.rawValue))
            x += w + 1
        }
    }

    static func drawPane(_ pane: MachinePane, _ d: MachineDetail, state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        let focused = state.machine.pane == pane
        let cursor = state.machine.cursors[pane.rawValue]
        let inner = Panel.draw(pane.title, in: rect, focused: focused, click: .selectRow(cursor, pane: pane.rawValue), canvas: &canvas)
        switch pane {
        case .addresses: drawAddresses(d, qr: state.machine.qr, cursor: cursor, focused: focused, in: inner, canvas: &canvas)
        case .utxos:
            let columns = [TableColumn("outpoint", width: 20, flex: 2, priority: 9), TableColumn("amount", width: 14, align: .right, priority: 10),
                           TableColumn("DAA score", width: 11, align: .right, priority: 5), TableColumn("covenant", width: 10, flex: 1, priority: 7)]
            Table.render(columns: columns, sort: nil, in: inner, total: d.utxos.count, scroll: max(0, cursor - inner.height + 2), cursor: focused ? cursor : nil,
                         focused: focused, pane: pane.rawValue, canvas: &canvas) { i in
                let u = d.utxos[i]
                let covenant = u.covenantKind.map { "\($0) \(u.covenantId.map { String($0.prefix(8)) } ?? "")" } ?? "-"
                return TableRow(["\(u.transactionId.prefix(12))…:\(u.index)", AmountText.kas(u.amount), NumberText.grouped(u.blockDaaScore), covenant],
                                styles: [.dim, nil, .dim, u.covenantKind == nil ? .dim : .accent])
            }
        case .history: drawHistory(d, in: inner, canvas: &canvas)
        case .policy: drawPolicy(d.policy, in: inner, canvas: &canvas)
        case .events:
            let columns = [TableColumn("when", width: 8, align: .right, priority: 8), TableColumn("kind", width: 9, priority: 6),
                           TableColumn("what", width: 20, flex: 1, priority: 10)]
            Table.render(columns: columns, sort: nil, in: inner, total: d.events.count, scroll: max(0, cursor - inner.height + 2), cursor: focused ? cursor : nil,
                         focused: focused, pane: pane.rawValue, canvas: &canvas) { i in
                let e = d.events[i]
                return TableRow([TimeText.ago(e.time, now: state.now), e.kind.rawValue, e.text], styles: [.dim, .accent, nil])
            }
        }
    }

    static func drawAddresses(_ d: MachineDetail, qr: QRMatrix?, cursor: Int, focused: Bool, in inner: Rect, canvas: inout Canvas) {
        var table = inner
        if !canvas.plain, let qr = qr {
            let cells = QRView.cells(for: qr, quiet: 2)
            // Only beside the full address text (electrum#8331): the table needs about 95 columns.
            if inner.width >= cells.width + 96 && inner.height >= cells.height {
                QRView.render(qr, quiet: 2, at: Point(x: inner.maxX - cells.width, y: inner.y), into: &canvas)
                table = Rect(x: inner.x, y: inner.y, width: inner.width - cells.width - 1, height: inner.height)
            }
        }
        if table.width < 90 {
            // Narrow: each address on its own line (always whole), its figures on the next.
            for (i, a) in d.addresses.enumerated() {
                let y = table.y + 2 * i
                guard y + 1 < table.maxY else { break }
                let isCursor = focused && i == cursor
                let style = isCursor ? Style(fg: .selectionFg, bg: .selectionBg, attributes: .bold) : Style.plain
                canvas.fill(Rect(x: table.x, y: y, width: table.width, height: 1), style: style)
                canvas.line((canvas.plain && isCursor ? ">" : " ") + a.address, in: Rect(x: table.x, y: y, width: table.width, height: 1), style: style)
                canvas.line("   \(a.path ?? "external key") · \(AmountText.kasWithUnit(a.balance)) · \(a.utxoCount) UTXO\(a.utxoCount == 1 ? "" : "s")",
                            in: Rect(x: table.x, y: y + 1, width: table.width, height: 1), style: .dim)
                canvas.hit(Rect(x: table.x, y: y, width: table.width, height: 2), .selectRow(i, pane: MachinePane.addresses.rawValue))
                if isCursor && canvas.plain { canvas.cursor = Point(x: table.x, y: y) }
            }
            return
        }
        let columns = [TableColumn("address", width: 70, flex: 3, priority: 10), TableColumn("path", width: 18, priority: 3),
                       TableColumn("balance", width: 14, align: .right, priority: 8), TableColumn("UTXOs", width: 5, align: .right, priority: 5)]
        Table.render(columns: columns, sort: nil, in: table, total: d.addresses.count, scroll: 0, cursor: focused ? cursor : nil, focused: focused,
                     pane: MachinePane.addresses.rawValue, canvas: &canvas) { i in
            let a = d.addresses[i]
            return TableRow([a.address, a.path ?? "external", AmountText.kas(a.balance), String(a.utxoCount)], styles: [nil, .dim, nil, .dim])
        }
    }

    static func drawHistory(_ d: MachineDetail, in inner: Rect, canvas: inout Canvas) {
        let width = min(inner.width - 2, 48)
        var y = inner.y
        func label(_ s: String) { canvas.line(" " + s, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: .dim); y += 1 }
        label("per hour, last 24 h (max \(AmountText.compact(d.spendPerHour.max() ?? .zero)) KAS)")
        if y < inner.maxY { Sparkline.render(d.spendPerHour, width: width, at: Point(x: inner.x + 1, y: y), canvas: &canvas); y += 2 }
        if y < inner.maxY { label("per day, last 30 days (max \(AmountText.compact(d.spendPerDay.max() ?? .zero)) KAS)") }
        if y < inner.maxY {
            Sparkline.render(d.spendPerDay, width: width, at: Point(x: inner.x + 1, y: y), ceiling: d.row.dailyBudget, canvas: &canvas)
        }
    }

    static func drawPolicy(_ p: PolicySummary, in inner: Rect, canvas: inout Canvas) {
        func limit(_ s: Sompi?) -> String { s.map { AmountText.kasWithUnit($0) } ?? "no limit" }
        let items: [(String, String, Style)] = [
            ("per payment", limit(p.perTransaction), .plain), ("per hour", limit(p.hourly), .plain), ("per day", limit(p.daily), .plain),
            ("may pay machines", p.allowedMachines?.joined(separator: ", ") ?? "any", .plain),
            ("may pay addresses", p.allowedDestinations.map { "\($0.count) listed" } ?? "any", .plain),
            ("group budget", p.group ?? "none", .plain),
            ("on chain", p.enforcedOnChain ? "allowance covenant enforces the per-payment limit" : "checked by the wallet only", p.enforcedOnChain ? .ok : .dim),
        ]
        KeyValueList.draw(items, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height), labelWidth: 19, canvas: &canvas)
    }
}
