import Foundation

/// What effects need from the outside: the data source, the themes, and the clock. Data effects run here, on
/// their own tasks, and come back as actions; nothing here touches the terminal.
public struct ConsoleEnvironment: Sendable {
    public var dataSource: any ConsoleDataSource
    public var themes: ThemeLibrary
    /// Unix seconds now.
    public var clock: @Sendable () -> Int64

    public init(dataSource: any ConsoleDataSource, themes: ThemeLibrary = .standard(),
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.dataSource = dataSource
        self.themes = themes
        self.clock = clock
    }

    /// Runs a data effect. Terminal effects (clipboard, theme, redraw, quit) belong to the loop and return nothing.
    public func perform(_ effect: ConsoleEffect) async -> [ConsoleAction] {
        let ds = dataSource
        do {
            switch effect {
            case .loadSummary: return [.summaryLoaded(try await ds.summary())]
            case .loadMachines(let q): return [.machinesLoaded(try await ds.machines(q), query: q)]
            case .loadMachine(let id): return [.machineLoaded(try await ds.machine(id))]
            case .loadActivity(let q): return [.activityLoaded(try await ds.activity(q), query: q)]
            case .loadNode: return [.nodeUpdated(await ds.nodeStatus())]
            case .loadSettings: return [.settingsLoaded(try await ds.settings(), themes: themes.names())]
            case .loadReceive(let target, let fresh):
                let address = try await ds.receiveAddress(for: target, fresh: fresh)
                return [.receiveLoaded(address, qr: QRMatrix.encode(address.address))]
            case .previewSend(let request):
                do { return [.previewed(try await ds.previewSend(request))] } catch { return [.previewFailed(ConsoleFailure(error), request: request)] }
            case .send(let request, let password):
                do { return [.sent(try await ds.send(request, password: password))] } catch { return [.sendFailed(ConsoleFailure(error))] }
            case .setFrozen(let ids, let frozen):
                return [.frozenChanged(count: try await ds.setFrozen(ids, frozen: frozen), frozen: frozen)]
            case .unlock(let password):
                do {
                    try await ds.unlock(password: password)
                    return [.unlocked]
                } catch { return [.unlockFailed(ConsoleFailure(error))] }
            case .lock:
                await ds.lock()
                return []
            case .revealMnemonic(let password):
                do { return [.mnemonicRevealed(try await ds.revealMnemonic(password: password))] } catch { return [.mnemonicFailed(ConsoleFailure(error))] }
            case .saveSettings(let settings):
                try await ds.saveSettings(settings)
                return [.settingsSaved(settings)]
            case .exportActivity(let query, let format):
                return [.exported(path: try await ds.exportActivity(query, format: format))]
            case .copyToClipboard, .applyTheme, .redraw, .quit:
                return []
            }
        } catch {
            return [.failed(ConsoleFailure(error))]
        }
    }
}
