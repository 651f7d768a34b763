import WalletKit

/// Screen 1: total and per-group balances, spend now against budget (sparklines), alerts, the last settlements.
public enum DashboardScreen {
    public static let bindings: [KeyBinding] = Keymap.panes + Keymap.listNavigation + [
        KeyBinding([.enter], .activate, "Open: a group's machines, an alert's machine", label: "open", footer: true),
        KeyBinding([.char("R")], .refresh, "Reload the summary", label: "refresh"),
    ]

    /// Draws the body; returns the status line's right-hand text.
    public static func render(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) -> String {
        guard let s = state.summary else {
            canvas.line("loading the wallet summary…", in: rect.inset(dx: 2, dy: 1), style: .dim)
            return ""
        }
        let groupsHeight = s.groups.count + (canvas.plain ? 2 : 3)
        if canvas.plain {
            let parts = rect.rows([4, 4, groupsHeight, max(3, s.alerts.count + 1), 0])
            drawBalances(s, in: Panel.draw("Balances", in: parts[0], canvas: &canvas), canvas: &canvas)
            drawSpend(s, in: Panel.draw("Spend, last 24 h", in: parts[1], canvas: &canvas), canvas: &canvas)
            drawGroups(s, state: state, in: parts[2], canvas: &canvas)
            drawAlerts(s, state: state, in: parts[3], canvas: &canvas)
            drawSettlements(s, state: state, in: parts[4], canvas: &canvas)
        } else {
            let topHeight = rect.height >= 40 ? 7 : 5
            let parts = rect.rows([topHeight, groupsHeight, 0])
            let top = parts[0].columns(2, gap: 1)
            let left = Rect(x: top[0].x, y: top[0].y, width: top[0].width + top[1].width / 5, height: top[0].height)
            let right = Rect(x: left.maxX + 1, y: top[1].y, width: top[1].maxX - left.maxX - 1, height: top[1].height)
            drawBalances(s, in: Panel.draw("Balances", in: left, note: s.walletName, canvas: &canvas), canvas: &canvas)
            drawSpend(s, in: Panel.draw("Spend, last 24 h", in: right, canvas: &canvas), canvas: &canvas)
            drawGroups(s, state: state, in: parts[1], canvas: &canvas)
            let bottom = parts[2].columns(2, gap: 1)
            drawAlerts(s, state: state, in: bottom[0], canvas: &canvas)
            drawSettlements(s, state: state, in: bottom[1], canvas: &canvas)
        }
        return "\(NumberText.grouped(s.machines.total)) machines \(canvas.glyphs.separator.trimmingCharacters(in: .whitespaces)) \(s.network.rawValue)"
    }

    static func drawBalances(_ s: WalletSummary, in r: Rect, canvas: inout Canvas) {
        let m = s.machines
        var items: [(String, String, Style)] = [
            ("Total", AmountText.kasWithUnit(s.total), Style(fg: .title, attributes: .bold)),
            ("Wallet", AmountText.kasWithUnit(s.walletBalance), .plain),
            ("Pending", AmountText.kasWithUnit(s.pending), .dim),
        ]
        if r.height >= 5 || canvas.plain {
            items.append(("Machines", "\(NumberText.grouped(m.total)): \(NumberText.grouped(m.active)) active, \(NumberText.grouped(m.frozen)) frozen, \(NumberText.grouped(m.retired)) retired", .plain))
        }
        KeyValueList.draw(items, in: Rect(x: r.x + 1, y: r.y, width: r.width - 1, height: r.height), labelWidth: 10, canvas: &canvas)
    }

    static func drawSpend(_ s: WalletSummary, in r: Rect, canvas: inout Canvas) {
        let inner = Rect(x: r.x + 1, y: r.y, width: r.width - 2, height: r.height)
        guard inner.height > 0 else { return }
        Sparkline.render(s.spendPerHour, width: min(24, inner.width), at: Point(x: inner.x, y: inner.y), canvas: &canvas)
        canvas.line("spent \(AmountText.compact(s.spentToday)) KAS", in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1))
        if let budget = s.dailyBudget, inner.height > 2 {
            let permille = MachineRow(id: 0, name: "", kind: "", group: nil, status: .active, balance: .zero, spentToday: s.spentToday,
                                      dailyBudget: budget, lastActivity: nil).budgetUsePermille ?? 0
            ProgressBar.render(permille: permille, width: min(inner.width, 30), at: Point(x: inner.x, y: inner.y + 2),
                               label: "\(permille / 10)% of \(AmountText.compact(budget))", budget: true, canvas: &canvas)
        }
    }

    static let groupColumns = [
        TableColumn("group", width: 10, flex: 1, priority: 10), TableColumn("machines", width: 8, flex: 1, align: .right, priority: 8),
        TableColumn("frozen", width: 6, flex: 1, align: .right, priority: 4), TableColumn("balance", width: 16, flex: 1, align: .right, priority: 9),
        TableColumn("spent today", width: 12, flex: 1, align: .right, priority: 7), TableColumn("budget", width: 10, priority: 6),
        TableColumn("last 24 h", width: 24, priority: 3),
    ]

    static func drawGroups(_ s: WalletSummary, state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        let focused = state.dashboard.pane == .groups
        let inner = Panel.draw("Groups", in: rect, focused: focused, note: canvas.plain ? nil : "Enter: its machines", click: .focusPane(DashboardPane.groups.rawValue - state.dashboard.pane.rawValue), canvas: &canvas)
        let cursor = state.dashboard.cursors[DashboardPane.groups.rawValue]
        let glyphs = canvas.glyphs
        Table.render(columns: groupColumns, sort: nil, in: inner, total: s.groups.count, scroll: 0, cursor: focused ? cursor : nil, focused: focused,
                     pane: DashboardPane.groups.rawValue, canvas: &canvas) { i in
            let g = s.groups[i]
            let row = MachineRow(id: 0, name: "", kind: "", group: nil, status: .active, balance: .zero, spentToday: g.spentToday, dailyBudget: g.dailyBudget, lastActivity: nil)
            let budget = row.budgetUsePermille.map { ProgressBar.text(permille: $0, width: 10, glyphs: glyphs) } ?? "none"
            let spark = sparkText(g.spendPerHour, glyphs: glyphs)
            return TableRow([g.name, NumberText.grouped(g.machines), NumberText.grouped(g.frozen), AmountText.kas(g.balance),
                             AmountText.compact(g.spentToday), budget, spark],
                            styles: [nil, nil, g.frozen > 0 ? .warn : .dim, nil, nil, row.budgetUsePermille.map { ProgressBar.budgetStyle($0) }, .accent])
        }
    }

    /// A sparkline as text (for table cells).
    static func sparkText(_ values: [Sompi], glyphs: Glyphs) -> String {
        let top = max(values.map(\.rawValue).max() ?? 0, 1)
        return values.map { v in
            v.rawValue == 0 ? (glyphs.boxes ? " " : "0") : glyphs.sparkline[min(7, Int(v.rawValue.multipliedFullWidth(by: 7).low / top))]
        }.joined()
    }

    static func drawAlerts(_ s: WalletSummary, state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        let focused = state.dashboard.pane == .alerts
        let inner = Panel.draw("Alerts", in: rect, focused: focused, note: s.alerts.isEmpty ? nil : "\(s.alerts.count)",
                               click: .focusPane(DashboardPane.alerts.rawValue - state.dashboard.pane.rawValue), canvas: &canvas)
        if s.alerts.isEmpty { canvas.line(" \(canvas.glyphs.ok) nothing needs attention", in: inner, style: .ok) }
        let g = canvas.glyphs
        for (i, alert) in s.alerts.prefix(inner.height).enumerated() {
            let (symbol, token): (String, ColorToken) = alert.severity == .critical ? (g.danger, .danger) : alert.severity == .warning ? (g.warn, .warn) : (g.info, .accent)
            let line = Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1)
            let isCursor = focused && state.dashboard.cursors[DashboardPane.alerts.rawValue] == i
            let base = isCursor ? Style(fg: .selectionFg, bg: .selectionBg) : Style.plain
            canvas.fill(line, style: base)
            let w = canvas.text((canvas.plain && isCursor ? ">" : " ") + symbol + " ", x: line.x, y: line.y, style: base.fg(isCursor ? .selectionFg : token))
            canvas.line(alert.text, in: Rect(x: line.x + w, y: line.y, width: line.width - w, height: 1), style: base)
            canvas.hit(line, .selectRow(i, pane: DashboardPane.alerts.rawValue))
            if isCursor && canvas.plain { canvas.cursor = Point(x: line.x, y: line.y) }
        }
    }

    static let settlementColumns = [
        TableColumn("id", width: 7, priority: 3), TableColumn("state", width: 18, priority: 8),
        TableColumn("signed", width: 6, align: .right, priority: 5), TableColumn("amount", width: 10, align: .right, priority: 7),
        TableColumn("what", width: 10, flex: 1, priority: 9),
    ]

    static func drawSettlements(_ s: WalletSummary, state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        let focused = state.dashboard.pane == .settlements
        let inner = Panel.draw("Last settlements", in: rect, focused: focused,
                               click: .focusPane(DashboardPane.settlements.rawValue - state.dashboard.pane.rawValue), canvas: &canvas)
        let rows = s.recentSettlements
        if rows.isEmpty { canvas.line(" no settlements yet", in: inner, style: .dim); return }
        Table.render(columns: settlementColumns, sort: nil, in: inner, total: rows.count, scroll: 0,
                     cursor: focused ? state.dashboard.cursors[DashboardPane.settlements.rawValue] : nil, focused: focused,
                     pane: DashboardPane.settlements.rawValue, canvas: &canvas) { i in
            let r = rows[i]
            let style: Style = r.state == "accepted" ? .ok : r.state == "rejected" || r.state == "expired" ? .danger : .warn
            return TableRow([r.id, r.state, "\(r.approvals)/\(r.requiredApprovals)", AmountText.compact(r.amount), r.title], styles: [.dim, style, nil, nil, nil])
        }
    }
}
