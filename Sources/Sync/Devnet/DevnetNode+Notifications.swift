import WalletKit

/// One gRPC connection (one `MessageStream`): where its messages go and what it listens to
/// (kaspad keeps one notification listener per connection).
struct DevnetSession {
    let outbox: AsyncStream<Protowire_KaspadResponse>.Continuation
    /// Nil: no UtxosChanged subscription; empty set with `allUtxos`: every address.
    var utxoScripts: Set<ScriptPublicKey> = []
    var allUtxos = false
    var virtualDaaScore = false
    var sinkBlueScore = false
    /// Nil when not subscribed; otherwise whether accepted transaction ids are included.
    var virtualChain: Bool?

    var listensToUtxos: Bool { allUtxos || !utxoScripts.isEmpty }
}

/// What a UTXO's script renders to on the wire: its address ("" when it has none) and its hex.
struct ScriptTexts {
    let address: String
    let hex: String
}

extension Protowire_RpcUtxosByAddressesEntry {
    /// An entry from texts already rendered (`transactionId`: the outpoint's id in hex).
    init(texts: ScriptTexts, transactionId: String, outpoint: Outpoint, entry: UtxoEntry) {
        self.init()
        address = texts.address
        self.outpoint.transactionID = transactionId
        self.outpoint.index = outpoint.index
        utxoEntry.amount = entry.amount.rawValue
        utxoEntry.scriptPublicKey.version = UInt32(entry.scriptPublicKey.version)
        utxoEntry.scriptPublicKey.scriptPublicKey = texts.hex
        utxoEntry.blockDaaScore = entry.blockDaaScore
        utxoEntry.isCoinbase = entry.isCoinbase
        utxoEntry.covenantID = entry.covenantId?.hex ?? ""
    }
}

extension DevnetNode {
    func openSession(_ outbox: AsyncStream<Protowire_KaspadResponse>.Continuation) -> Int {
        let id = nextSessionId
        nextSessionId += 1
        sessions[id] = DevnetSession(outbox: outbox)
        return id
    }

    func closeSession(_ id: Int) {
        sessions.removeValue(forKey: id)?.outbox.finish()
    }

    /// The number of open gRPC connections.
    public var connectionCount: Int { sessions.count }

    /// The address a script renders to on this network, if it is a standard one.
    func address(of script: ScriptPublicKey) -> Address? {
        try? script.address(prefix: config.network.addressPrefix)
    }

    /// The texts a UtxosChanged entry carries for a script, remembered: a fleet's machines are paid again and
    /// again, and encoding an address (its checksum) was the largest cost of publishing a block's UTXO changes.
    func scriptTexts(of script: ScriptPublicKey) -> ScriptTexts {
        if let known = renderedScripts[script] { return known }
        let texts = ScriptTexts(address: address(of: script)?.string ?? "", hex: script.script.hex)
        if renderedScripts.count >= 100_000 { renderedScripts.removeAll(keepingCapacity: true) }
        renderedScripts[script] = texts
        return texts
    }

    func push(_ payload: Protowire_KaspadResponse.OneOf_Payload, to session: DevnetSession) {
        var message = Protowire_KaspadResponse()
        message.id = 0
        message.payload = payload
        if held != nil { held!.append((session.outbox, message)) } else { session.outbox.yield(message) }
    }

    /// From now on notifications are built as usual but kept, in order, until `releaseNotifications()`: a
    /// benchmark builds its load first, then times only what the client does with it.
    public func holdNotifications() {
        if held == nil { held = [] }
    }

    /// How many notifications are kept now.
    var heldNotificationCount: Int { held?.count ?? 0 }

    /// Sends every kept notification, in the order it was built, and sends the next ones at once again. A
    /// connection closed meanwhile drops its own.
    public func releaseNotifications() {
        guard let kept = held else { return }
        held = nil
        for (outbox, message) in kept { outbox.yield(message) }
    }

    /// UtxosChanged to every listener, filtered by its addresses; nothing to a listener none of whose addresses changed.
    /// Each listener's entries are built in one pass over the diff, and only for scripts it listens to.
    func publishUtxos(_ diff: UtxoDiff) {
        guard !diff.isEmpty else { return }
        for session in sessions.values where session.listensToUtxos {
            func entries(_ list: [(Outpoint, UtxoEntry)]) -> [Protowire_RpcUtxosByAddressesEntry] {
                var out: [Protowire_RpcUtxosByAddressesEntry] = []
                out.reserveCapacity(session.allUtxos ? list.count : min(list.count, session.utxoScripts.count))
                // A transaction's outputs come one after another: its id is rendered once for the run.
                var id: (Hash32, String)?
                for (o, e) in list where session.allUtxos || session.utxoScripts.contains(e.scriptPublicKey) {
                    if id?.0 != o.transactionId { id = (o.transactionId, o.transactionId.hex) }
                    out.append(Protowire_RpcUtxosByAddressesEntry(texts: scriptTexts(of: e.scriptPublicKey), transactionId: id!.1, outpoint: o, entry: e))
                }
                return out
            }
            var m = Protowire_UtxosChangedNotificationMessage()
            m.added = entries(diff.added)
            m.removed = entries(diff.removed)
            if !m.added.isEmpty || !m.removed.isEmpty { push(.utxosChangedNotification(m), to: session) }
        }
    }

    func publishChain(removed: [DevnetBlock], added: [DevnetBlock]) {
        for session in sessions.values {
            guard let includeAccepted = session.virtualChain else { continue }
            push(.virtualChainChangedNotification(chainChange(removed: removed, added: added, includeAccepted: includeAccepted)), to: session)
        }
    }

    func chainChange(removed: [DevnetBlock], added: [DevnetBlock], includeAccepted: Bool) -> Protowire_VirtualChainChangedNotificationMessage {
        var m = Protowire_VirtualChainChangedNotificationMessage()
        m.removedChainBlockHashes = removed.map(\.hash.hex)
        m.addedChainBlockHashes = added.map(\.hash.hex)
        if includeAccepted {
            m.acceptedTransactionIds = added.map { block in
                var a = Protowire_RpcAcceptedTransactionIds()
                a.acceptingBlockHash = block.hash.hex
                a.acceptedTransactionIds = block.acceptedTransactionIds.map(\.hex)
                return a
            }
        }
        return m
    }

    func publishScores() {
        for session in sessions.values {
            if session.virtualDaaScore {
                var m = Protowire_VirtualDaaScoreChangedNotificationMessage()
                m.virtualDaaScore = virtualDaaScore
                push(.virtualDaaScoreChangedNotification(m), to: session)
            }
            if session.sinkBlueScore {
                var m = Protowire_SinkBlueScoreChangedNotificationMessage()
                m.sinkBlueScore = sinkBlueScore
                push(.sinkBlueScoreChangedNotification(m), to: session)
            }
        }
    }

    /// NotifyUtxosChanged: START adds the addresses (none: every address), STOP removes them (none: all).
    /// Returns an error text for an unreadable address.
    func updateUtxoSubscription(session id: Int, addresses: [String], start: Bool) -> String? {
        guard var session = sessions[id] else { return nil }
        var scripts: [ScriptPublicKey] = []
        scripts.reserveCapacity(addresses.count)
        for text in addresses {
            guard let address = try? Address(text) else { return "invalid address '\(text.prefix(100))'" }
            scripts.append(ScriptPublicKey(address: address))
        }
        switch (start, scripts.isEmpty) {
        case (true, true): session.allUtxos = true
        case (true, false): session.utxoScripts.formUnion(scripts)
        case (false, true): session.allUtxos = false; session.utxoScripts = []
        case (false, false): session.utxoScripts.subtract(scripts)
        }
        sessions[id] = session
        return nil
    }

    func updateSession(_ id: Int, _ change: (inout DevnetSession) -> Void) {
        guard var session = sessions[id] else { return }
        change(&session)
        sessions[id] = session
    }
}
