import WalletKit

/// Screen 8: the node: connection, sync (with progress), DAA score, mempool, fee estimate. A node that is behind
/// or gone is said so in words and colour, never hidden.
public enum NodeScreen {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("R")], .refresh, "Ask the node for its status now", label: "refresh", footer: true),
    ]

    public static func render(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) -> String {
        guard let n = state.node else {
            canvas.line(" asking the node…", in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1), style: .dim)
            return ""
        }
        let g = canvas.glyphs
        let (symbol, token) = StatusBar.nodeSymbol(n.sync, glyphs: g)
        let inner = Panel.draw("Node", in: rect, note: n.isEmbedded ? "embedded devnet node" : n.url, canvas: &canvas)
        var y = inner.y
        let headline: String
        switch n.sync {
        case .connecting: headline = "connecting to \(n.url)…"
        case .syncing(let p): headline = "syncing: \(p.percent)% (\(NumberText.grouped(p.done)) of \(NumberText.grouped(p.total)))"
        case .synced: headline = "synced with the network"
        case .behind(let d): headline = "behind the network by \(NumberText.grouped(d)) DAA scores: balances may be out of date"
        case .lagging(let why): headline = "behind: \(why); balances may be out of date"
        case .offline(let why): headline = "offline: \(why); balances are as last seen"
        }
        canvas.line(" \(symbol) \(headline)", in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(fg: token, attributes: .bold))
        y += 1
        if case .syncing(let p) = n.sync {
            ProgressBar.render(permille: p.permille, width: min(inner.width - 2, 50), at: Point(x: inner.x + 1, y: y), canvas: &canvas)
            y += 1
        }
        y += 1
        func rate(_ r: FeeRate) -> String { r.description }
        var items: [(String, String, Style)] = [
            ("URL", n.url, .plain),
            ("Network", n.network.rawValue, .plain),
            ("State", n.stateText, Style(fg: token)),
            ("DAA score", n.daaScore.map { NumberText.grouped($0) } ?? "unknown", .plain),
            ("Mempool", n.mempoolSize.map { "\(NumberText.grouped($0)) transactions" } ?? "unknown", .plain),
        ]
        if let f = n.feeRates {
            items.append(("Fee (low)", rate(f.low), .plain))
            items.append(("Fee (normal)", rate(f.normal), .plain))
            items.append(("Fee (priority)", rate(f.priority), .plain))
        } else {
            items.append(("Fee estimate", "unknown", .dim))
        }
        items += [
            ("Server", n.serverVersion ?? "unknown", .plain),
            ("UTXO index", n.hasUtxoIndex.map { $0 ? "yes" : "no: the wallet needs --utxoindex" } ?? "unknown", n.hasUtxoIndex == false ? .danger : .plain),
            ("Peers", n.peers.map(String.init) ?? "unknown", .plain),
            ("Last message", n.lastUpdate.map { TimeText.ago($0, now: state.now) } ?? "never", .dim),
        ]
        KeyValueList.draw(items, in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: inner.maxY - y), labelWidth: 16, canvas: &canvas)
        return n.url
    }
}
