/// The characters the widgets draw with: box drawing, blocks and symbols in Unicode, or plain ASCII for
/// `--plain` (screen readers, logs) and terminals without a UTF-8 locale.
public struct Glyphs: Sendable, Equatable {
    public var boxes: Bool
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    public var sparkline: [String]
    public var barFull, barEmpty: String
    public var ok, warn, danger, info: String
    public var selected, unselected: String
    public var sortAscending, sortDescending: String
    public var ellipsis: String
    public var separator: String
    public var spinner: [String]
    public var up, down: String

    public static let unicode = Glyphs(
        boxes: true, horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
        sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], barFull: "█", barEmpty: "░",
        ok: "✓", warn: "▲", danger: "✗", info: "●", selected: "●", unselected: " ",
        sortAscending: "↑", sortDescending: "↓", ellipsis: "…", separator: " │ ",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"], up: "↑", down: "↓")

    /// No box drawing and ASCII only: words and punctuation a screen reader reads out sensibly.
    public static let ascii = Glyphs(
        boxes: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        sparkline: ["1", "2", "3", "4", "5", "6", "7", "8"], barFull: "#", barEmpty: ".",
        ok: "ok", warn: "warning", danger: "error", info: "note", selected: "*", unselected: " ",
        sortAscending: "^", sortDescending: "v", ellipsis: "...", separator: " | ",
        spinner: ["-", "\\", "|", "/"], up: "^", down: "v")
}
