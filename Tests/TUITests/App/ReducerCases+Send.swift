import Testing
import WalletKit
@testable import TUI

extension ReducerCases {
    static let send: [ReducerCase] = [
        ReducerCase("s on a machine opens Send to it", .openSend, from: { await Start.after([.char("2"), .down]) }) { s, e in
            #expect(s.screen == .send && s.history == [.fleet] && s.send.to.text == "charger-0002" && s.send.focus == .amount)
            #expect(e.isEmpty, "no amount yet")
        },
        ReducerCase("r on a machine shows its address", .openReceive, from: { await Start.machine() }) { s, e in
            #expect(s.screen == .receive && s.receive.target == .machine(2) && e == [.loadReceive(.machine(2), fresh: false)])
        },
        ReducerCase("Tab moves to the next field", .nextField, from: { await Start.sendPreviewed() }) { s, _ in
            #expect(s.send.focus == .priority)
        },
        ReducerCase("Shift-Tab moves to the previous field", .previousField, from: { await Start.after([.char("s")]) }) { s, _ in
            #expect(s.send.focus == .from)
        },
        ReducerCase("→ on the fee raises the priority and previews again", .cycleOption(1), from: {
            var s = await Start.sendPreviewed()
            _ = ConsoleReducer.reduce(&s, .nextField)
            return s
        }) { s, e in
            #expect(s.send.priority == .priority && s.send.preview == nil)
            #expect(e == [.previewSend(SendRequest(to: "drone-0003", amount: Sompi(125_000_000), priority: .priority))])
        },
        ReducerCase("Enter on a valid, allowed form asks for the password", .submit, from: { await Start.sendPreviewed() }) { s, _ in
            #expect(s.send.step == .confirm && s.keyContext == .send)
        },
        ReducerCase("Enter on an invalid form goes to the first wrong field", .submit, from: { await Start.after([.char("s")], text: "drone-0003") }) { s, _ in
            #expect(s.send.step == .form && s.send.focus == .amount && s.send.errors[.amount] == "type an amount in KAS, such as 12.5")
        },
        ReducerCase("Enter with the password signs and sends", .submit, from: { await Start.sendConfirming(password: "demo") }) { s, e in
            #expect(s.send.step == .submitting && s.send.password.text.isEmpty && s.busy != nil)
            #expect(e == [.send(SendRequest(to: "drone-0003", amount: Sompi(125_000_000)), password: Secret(text: "demo"))])
        },
        ReducerCase("Enter without a password says what is missing", .submit, from: { await Start.sendConfirming() }) { s, e in
            #expect(s.send.step == .confirm && s.send.submitError == "type the wallet password to sign" && e.isEmpty)
        },
        ReducerCase("a preview for the request in flight is shown", .previewed(SendPreview(
            request: SendRequest(to: "drone-0003", amount: Sompi(1)), destination: "kaspadev:x", destinationMachine: "drone-0003", fee: Sompi(2036),
            computeMass: 2036, storageMass: 0, inputs: 1, balanceAfter: .zero, verdict: .allowed(notes: []))), from: {
            var s = await Start.after([.char("s")], text: "drone-0003")
            s.send.pending = SendRequest(to: "drone-0003", amount: Sompi(1))
            return s
        }) { s, _ in
            #expect(s.send.preview?.fee == Sompi(2036) && s.send.pending == nil)
        },
        ReducerCase("Enter while the preview is on its way waits for it", .submit, from: {
            var s = await Start.sendPreviewed()
            s.send.pending = s.send.preview?.request
            s.send.preview = nil
            return s
        }) { s, e in
            #expect(s.send.step == .form && s.send.continueWhenPreviewed && e.isEmpty)
        },
        ReducerCase("…and goes on to the password when it arrives", .previewed(SendPreview(
            request: SendRequest(to: "drone-0003", amount: Sompi(1)), destination: "kaspadev:x", destinationMachine: "drone-0003", fee: Sompi(2036),
            computeMass: 2036, storageMass: 0, inputs: 1, balanceAfter: .zero, verdict: .allowed(notes: []))), from: {
            var s = await Start.after([.char("s")], text: "drone-0003")
            s.send.amount = TextField("0.00000001")
            s.send.pending = SendRequest(to: "drone-0003", amount: Sompi(1))
            s.send.continueWhenPreviewed = true
            return s
        }) { s, _ in
            #expect(s.send.step == .confirm && !s.send.continueWhenPreviewed)
        },
        ReducerCase("a preview for an older request is dropped", .previewed(SendPreview(
            request: SendRequest(to: "old", amount: Sompi(1)), destination: "", destinationMachine: nil, fee: .zero,
            computeMass: 0, storageMass: 0, inputs: 1, balanceAfter: .zero, verdict: .allowed(notes: []))), from: { await Start.sendPreviewed() }) { s, _ in
            #expect(s.send.preview?.request.to == "drone-0003")
        },
        ReducerCase("the data source's verdict on a field shows under it", .previewFailed(
            ConsoleFailure(message: "no machine named 'drone-9'", field: .to), request: SendRequest(to: "drone-9", amount: Sompi(1))), from: {
            var s = await Start.after([.char("s")], text: "drone-9")
            s.send.pending = SendRequest(to: "drone-9", amount: Sompi(1))
            return s
        }) { s, _ in
            #expect(s.send.errors[.to] == "no machine named 'drone-9'" && s.send.preview == nil)
        },
        ReducerCase("a sent payment shows its transaction", .sent(SendReceipt(transactionId: "ab", amount: Sompi(125_000_000), fee: Sompi(2036), destination: "kaspadev:x")),
                    from: { await Start.sendConfirming(password: "demo") }) { s, _ in
            #expect(s.send.step == .done(SendReceipt(transactionId: "ab", amount: Sompi(125_000_000), fee: Sompi(2036), destination: "kaspadev:x")))
            #expect(s.toasts.last?.text == "sent 1.25 KAS to drone-0003" && !s.fleet.loaded)
        },
        ReducerCase("a wrong password returns to the password", .sendFailed(ConsoleFailure(message: "wrong password", isWrongPassword: true)),
                    from: { await Start.sendConfirming(password: "nope") }) { s, _ in
            #expect(s.send.step == .confirm && s.send.submitError == "wrong password" && s.busy == nil)
        },
        ReducerCase("y copies the address (OSC 52) and shows both ends", .copyAddress, from: { await Start.receive() }) { s, e in
            let address = s.receive.address?.address ?? ""
            #expect(!address.isEmpty && e == [.copyToClipboard(address)])
            #expect(s.toasts.last?.text == "copied \(address.prefix(14))…\(address.suffix(8)) to the clipboard")
        },
        ReducerCase("n asks for a new address", .freshAddress, from: { await Start.receive() }) { s, e in
            #expect(s.receive.loading && e == [.loadReceive(.wallet, fresh: true)])
        },
    ]
}
