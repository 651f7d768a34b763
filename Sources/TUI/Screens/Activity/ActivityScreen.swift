import WalletKit

/// Screen 7: the history of the wallet and the fleet, newest first, filterable, exportable as CSV or JSON.
public enum ActivityScreen {
    public static let bindings: [KeyBinding] = Keymap.listNavigation + [
        KeyBinding([.enter], .activate, "Open the entry's machine", label: "open", footer: true),
        KeyBinding([.char("/")], .beginFilter, "Filter by machine, kind or words", label: "filter", footer: true),
        KeyBinding([.char("e")], .export(.csv), "Export what the filter shows as CSV", label: "export CSV", footer: true),
        KeyBinding([.char("E")], .export(.json), "Export what the filter shows as JSON", label: "export JSON"),
        KeyBinding([.char("R")], .refresh, "Reload the history", label: "refresh"),
    ]

    static let columns = [
        TableColumn("time", width: 16, priority: 9), TableColumn("kind", width: 10, priority: 8),
        TableColumn("machine", width: 12, priority: 4), TableColumn("amount", width: 14, align: .right, priority: 7),
        TableColumn("what", width: 20, flex: 1, priority: 10),
    ]

    public static func pageSize(_ state: ConsoleState) -> Int {
        max(1, FleetScreen.tableRect(ConsoleView.layout(state.size).body, plain: state.plain).height - 1)
    }

    public static func render(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) -> String {
        let a = state.activity
        let top = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        if let field = a.filterField {
            FormField.draw(label: "Filter /", field: field, placeholder: "machine, kind or words", error: nil, focused: true, in: top, canvas: &canvas)
        } else if !a.filter.isEmpty {
            let w = canvas.text(" filter: ", x: top.x, y: top.y, style: .dim)
            canvas.line(a.filter, in: Rect(x: top.x + w, y: top.y, width: top.width - w, height: 1), style: Style(fg: .accent, attributes: .bold))
            canvas.hit(top, .beginFilter)
        } else {
            canvas.line(" everything, newest first (/ filters)", in: top, style: .dim)
            canvas.hit(top, .beginFilter)
        }
        let panel = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let inner = Panel.draw("Activity", in: panel, focused: a.filterField == nil, note: a.window.total == 1 ? "1 entry" : "\(NumberText.grouped(a.window.total)) entries", canvas: &canvas)
        if !a.loaded && a.window.rows.isEmpty {
            canvas.line(" loading the history…", in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), style: .dim)
            return ""
        }
        let offset = state.utcOffset
        Table.render(columns: columns, sort: nil, in: inner, total: a.window.total, scroll: a.window.scroll, cursor: a.window.cursor,
                     focused: state.modals.isEmpty, canvas: &canvas) { i in
            guard let r = a.window.row(at: i) else { return nil }
            let kindStyle: Style
            switch r.kind {
            case .sent: kindStyle = .warn
            case .received, .funded: kindStyle = .ok
            case .frozen, .lock: kindStyle = .danger
            default: kindStyle = .accent
            }
            return TableRow([TimeText.dateTime(r.time, offset: offset), r.kind.rawValue, r.machine ?? "", r.amount.map { AmountText.kas($0) } ?? "", r.text],
                            styles: [.dim, kindStyle, nil, nil, nil])
        }
        let last = min(a.window.total, a.window.scroll + pageSize(state))
        return "\(NumberText.grouped(a.window.total == 0 ? 0 : a.window.scroll + 1))–\(NumberText.grouped(last)) of \(NumberText.grouped(a.window.total))"
    }
}
