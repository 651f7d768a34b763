/// The Receive screen: whose address, a fresh one on request, and copying it (OSC 52).
enum ReceiveReducer {
    static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.lock.isLocked else { return [] }
        var r = ReceiveState()
        r.target = state.machineInView.map { .machine($0.id) } ?? .wallet
        r.returnTo = state.screen
        r.loading = true
        state.receive = r
        state.modals = []
        return ConsoleReducer.push(&state, .receive) + [.loadReceive(r.target, fresh: false)]
    }

    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .receiveLoaded(let address, let qr):
            state.receive.address = address
            state.receive.qr = qr
            state.receive.loading = false
            return []
        case .freshAddress:
            guard state.screen == .receive else { return [] }
            state.receive.loading = true
            return [.loadReceive(state.receive.target, fresh: true)]
        case .copyAddress:
            let address: String?
            switch state.screen {
            case .receive: address = state.receive.address?.address
            case .machine:
                let c = state.machine.cursors[MachinePane.addresses.rawValue]
                address = state.machine.detail.flatMap { $0.addresses.indices.contains(c) ? $0.addresses[c].address : nil }
            default: address = nil
            }
            guard let address else { return [] }
            // Show both ends, so a clipboard hijack that swaps the middle is noticed (electrum#8331).
            state.toast("copied \(String(address.prefix(14)))…\(String(address.suffix(8))) to the clipboard", .ok)
            return [.copyToClipboard(address)]
        default:
            return []
        }
    }
}
