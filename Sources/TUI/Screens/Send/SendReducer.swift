import WalletKit

/// The Send form: validation as you type, the preview (fee, mass, policy verdict) after every valid change,
/// confirmation with the password, and the result.
enum SendReducer {
    static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.lock.isLocked else { return [] }
        if state.send.isDraft, state.send.step == .form, state.machineInView == nil {
            // A payment left half-written comes back as it was.
            state.send.returnTo = state.screen
            state.modals = []
            return ConsoleReducer.push(&state, .send) + validate(&state)
        }
        var s = SendState()
        s.returnTo = state.screen
        if let m = state.machineInView {
            s.to = TextField(m.name)
            s.focus = .amount
            s.touched = [.to]
        }
        state.send = s
        state.modals = []
        var effects = ConsoleReducer.push(&state, .send)
        effects += validate(&state)
        return effects
    }

    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .nextField, .previousField:
            guard state.send.step == .form else { return [] }
            let all = SendField.allCases
            let i = all.firstIndex(of: state.send.focus) ?? 0
            state.send.focus = all[(i + (action == .nextField ? 1 : all.count - 1)) % all.count]
            return []
        case .cycleOption(let d):
            if state.send.step == .form, state.send.focus == .priority {
                let all = FeePriority.allCases
                let i = all.firstIndex(of: state.send.priority) ?? 1
                state.send.priority = all[((i + d) % all.count + all.count) % all.count]
                return validate(&state)
            }
            return edit(&state) { _ = $0.apply(d < 0 ? .left : .right) }
        case .submit: return submit(&state)
        case .previewed(let p):
            guard p.request == state.send.pending else { return [] }
            state.send.pending = nil
            state.send.preview = p
            if state.send.continueWhenPreviewed, state.send.step == .form {
                state.send.continueWhenPreviewed = false
                return submit(&state)
            }
            return []
        case .previewFailed(let f, let request):
            guard request == state.send.pending else { return [] }
            state.send.pending = nil
            state.send.preview = nil
            state.send.continueWhenPreviewed = false
            let field = f.field ?? .amount
            state.send.errors[field] = f.message
            state.send.touched.insert(field)
            return []
        case .sent(let receipt):
            state.send.step = .done(receipt)
            state.busy = nil
            state.fleet.loaded = false
            let to = state.send.preview?.destinationMachine ?? receipt.destination
            state.toast("sent \(AmountText.short(receipt.amount)) KAS to \(to)", .ok, seconds: 6)
            return []
        case .sendFailed(let f):
            state.busy = nil
            state.send.step = .confirm
            state.send.password.clear()
            state.send.submitError = f.message
            return []
        default:
            return []
        }
    }

    static func edit(_ state: inout ConsoleState, _ change: (inout TextField) -> Void) -> [ConsoleEffect] {
        switch state.send.step {
        case .confirm:
            change(&state.send.password)
            state.send.submitError = nil
            return []
        case .form:
            switch state.send.focus {
            case .from: change(&state.send.from)
            case .to: change(&state.send.to)
            case .amount: change(&state.send.amount)
            case .priority: return []
            }
            state.send.touched.insert(state.send.focus)
            state.send.continueWhenPreviewed = false
            return validate(&state)
        default:
            return []
        }
    }

    /// Local checks of every field; when all pass, the preview is asked for (once per distinct request).
    static func validate(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var errors: [SendField: String] = [:]
        let from = state.send.from.text.trimmingCharacters(in: .whitespaces)
        if !from.isEmpty, from != "wallet", let e = nameError(from) { errors[.from] = e }
        let to = state.send.to.text.trimmingCharacters(in: .whitespaces)
        if to.isEmpty {
            errors[.to] = "type a machine's name or a kaspa address"
        } else if to.contains(":") {
            do { _ = try Address(to) } catch { errors[.to] = error.description }
        } else if let e = nameError(to) {
            errors[.to] = e
        }
        var amount: Sompi? = nil
        do { amount = try KasAmount.parse(state.send.amount.text) } catch {
            errors[.amount] = state.send.amount.text.isEmpty ? "type an amount in KAS, such as 12.5" : error.description
        }
        state.send.errors = errors
        guard errors.isEmpty, let amount else {
            state.send.preview = nil
            state.send.pending = nil
            return []
        }
        let request = SendRequest(from: from.isEmpty || from == "wallet" ? nil : from, to: to, amount: amount, priority: state.send.priority)
        if state.send.preview?.request == request || state.send.pending == request { return [] }
        state.send.preview = nil
        state.send.pending = request
        return [.previewSend(request)]
    }

    static func nameError(_ name: String) -> String? {
        let ok = name.count <= 64 && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0)
        }
        return ok ? nil : "'\(name)' is neither a machine name (letters, digits, '-', '_', '.') nor an address (kaspa:…)"
    }

    static func submit(_ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.send.step {
        case .form:
            state.send.touched = Set(SendField.allCases)
            let effects = validate(&state)
            if let first = SendField.allCases.first(where: { state.send.errors[$0] != nil }) {
                state.send.focus = first
                return effects
            }
            guard let preview = state.send.preview else {
                // Enter typed right after the amount: go on as soon as the preview is here.
                state.send.continueWhenPreviewed = state.send.pending != nil
                return effects
            }
            guard preview.verdict.isAllowed else {
                state.toast("the policy refuses this payment (see the reasons)", .warning)
                return effects
            }
            state.send.step = .confirm
            state.send.password.clear()
            state.send.submitError = nil
            return effects
        case .confirm:
            guard let preview = state.send.preview else { state.send.step = .form; return [] }
            guard !state.send.password.text.isEmpty else {
                state.send.submitError = "type the wallet password to sign"
                return []
            }
            let password = Secret(text: state.send.password.text)
            state.send.password.clear()
            state.send.step = .submitting
            state.send.submitError = nil
            state.busy = BusyTask("Signing and submitting the payment")
            return [.send(preview.request, password: password)]
        case .submitting:
            return []
        case .done:
            state.send = SendState()
            return ConsoleReducer.back(&state, quitAtTop: false)
        }
    }
}
