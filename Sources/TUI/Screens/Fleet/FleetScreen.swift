import WalletKit

/// Screen 2: the machine table: sort, `/` filter, multi-select, freeze/unfreeze, open, fund (Send), receive.
/// Virtualised: only the rows on screen are drawn, from a window of a few pages the data source returns.
public enum FleetScreen {
    public static let bindings: [KeyBinding] = Keymap.listNavigation + [
        KeyBinding([.enter], .activate, "Open the machine", label: "open", footer: true),
        KeyBinding([.char(" ")], .toggleSelection, "Select or deselect the machine (then move down)", label: "select", footer: true),
        KeyBinding([.char("*")], .selectAllShown, "Select every machine on screen", label: "select shown"),
        KeyBinding([.char("c")], .clearSelection, "Clear the selection", label: "clear selection"),
        KeyBinding([.char("/")], .beginFilter, "Filter by name, group or status", label: "filter", footer: true),
        KeyBinding([.char("o")], .nextSort, "Sort by the next column", label: "sort", footer: true),
        KeyBinding([.char("O")], .reverseSort, "Reverse the order", label: "reverse"),
        KeyBinding([.char("f")], .toggleFreeze, "Freeze or unfreeze the selected machines (or the one under the cursor)", label: "freeze", footer: true),
        KeyBinding([.char("R")], .refresh, "Reload the table", label: "refresh"),
    ]

    static func columns(_ state: ConsoleState) -> [TableColumn] {
        [
            TableColumn("name", width: 12, flex: 2, priority: 10, headerAction: .sortBy(.name)),
            TableColumn("group", width: 8, flex: 1, priority: 3, headerAction: .sortBy(.group)),
            TableColumn("status", width: 7, priority: 8, headerAction: .sortBy(.status)),
            TableColumn("balance", width: 14, flex: 1, align: .right, priority: 9, headerAction: .sortBy(.balance)),
            TableColumn("spent today", width: 11, align: .right, priority: 6, headerAction: .sortBy(.spentToday)),
            TableColumn("budget", width: 10, flex: 1, priority: 7, headerAction: .sortBy(.budgetUse)),
            TableColumn("last", width: 8, align: .right, priority: 5, headerAction: .sortBy(.lastActivity)),
        ]
    }

    static let sortColumn: [MachineSortKey: Int] = [.name: 0, .group: 1, .status: 2, .balance: 3, .spentToday: 4, .budgetUse: 5, .lastActivity: 6]

    /// The table's area inside the body: one line for the filter, then the bordered table.
    static func tableRect(_ body: Rect, plain: Bool) -> Rect {
        let panel = Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
        return plain ? Rect(x: panel.x, y: panel.y + 1, width: panel.width, height: panel.height - 1) : panel.inset(by: 1)
    }

    /// Rows visible at once (the header aside).
    public static func pageSize(_ state: ConsoleState) -> Int {
        max(1, tableRect(ConsoleView.layout(state.size).body, plain: state.plain).height - 1)
    }

    public static func render(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) -> String {
        let fleet = state.fleet
        drawFilterLine(state, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), canvas: &canvas)
        let panel = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let total = fleet.window.total
        let note = fleet.query.filter.isEmpty ? (total == 1 ? "1 machine" : "\(NumberText.grouped(total)) machines")
            : (total == 1 ? "1 match" : "\(NumberText.grouped(total)) matches")
        let inner = Panel.draw("Fleet", in: panel, focused: fleet.filterField == nil, note: note, canvas: &canvas)
        if !fleet.loaded && fleet.window.rows.isEmpty {
            canvas.line(" loading machines…", in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), style: .dim)
            return ""
        }
        if fleet.loaded && total == 0 {
            canvas.line(fleet.query.filter.isEmpty ? " no machines yet" : " no machine matches '\(fleet.query.filter)' (Esc clears the filter)",
                        in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), style: .dim)
        }
        let glyphs = canvas.glyphs
        let now = state.now
        Table.render(columns: columns(state), sort: (sortColumn[fleet.query.sort] ?? 0, fleet.query.ascending), in: inner, total: total,
                     scroll: fleet.window.scroll, cursor: fleet.window.cursor, focused: state.modals.isEmpty, canvas: &canvas) { i in
            guard let m = fleet.window.row(at: i) else { return nil }
            let use = m.budgetUsePermille
            let statusStyle: Style = m.status == .active ? .ok : m.status == .frozen ? .warn : .dim
            return TableRow(
                [m.name, m.group ?? "", m.status.rawValue, AmountText.kas(m.balance), AmountText.compact(m.spentToday),
                 use.map { ProgressBar.text(permille: $0, width: 10, glyphs: glyphs) } ?? "none",
                 m.lastActivity.map { TimeText.ago($0, now: now) } ?? "never"],
                styles: [nil, .dim, statusStyle, nil, m.isOverBudget ? .danger : nil, use.map { ProgressBar.budgetStyle($0) } ?? .dim, .dim],
                marked: fleet.selection.contains(m.id))
        }
        let first = total == 0 ? 0 : fleet.window.scroll + 1
        let last = min(total, fleet.window.scroll + pageSize(state))
        var right = "\(NumberText.grouped(first))–\(NumberText.grouped(last)) of \(NumberText.grouped(total))"
        if !fleet.selection.isEmpty { right += ", \(NumberText.grouped(fleet.selection.count)) selected" }
        return right
    }

    static func drawFilterLine(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        let fleet = state.fleet
        let sort = "sorted by \(fleet.query.sort.title) " + (fleet.query.ascending ? canvas.glyphs.sortAscending : canvas.glyphs.sortDescending)
        let sortWidth = CharWidth.of(sort) + 1
        let left = Rect(x: rect.x, y: rect.y, width: rect.width - sortWidth - 1, height: 1)
        if let field = fleet.filterField {
            FormField.draw(label: "Filter /", field: field, placeholder: "name, group or status", error: nil, focused: true, in: left, canvas: &canvas)
        } else if !fleet.query.filter.isEmpty {
            let w = canvas.text(" filter: ", x: rect.x, y: rect.y, style: .dim)
            canvas.line(fleet.query.filter, in: Rect(x: rect.x + w, y: rect.y, width: left.width - w, height: 1), style: Style(fg: .accent, attributes: .bold))
            canvas.hit(left, .beginFilter)
        } else {
            canvas.line(" all machines (/ filters)", in: left, style: .dim)
            canvas.hit(left, .beginFilter)
        }
        canvas.line(sort, in: Rect(x: rect.maxX - sortWidth, y: rect.y, width: sortWidth, height: 1), style: .dim)
        canvas.hit(Rect(x: rect.maxX - sortWidth, y: rect.y, width: sortWidth, height: 1), .nextSort)
    }
}
