/// The Send form, its preview and the steps to a submitted payment.
public struct SendState: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        /// Filling in the form; the preview follows as you type.
        case form
        /// Preview shown, password asked.
        case confirm
        case submitting
        case done(SendReceipt)
    }

    public var step: Step = .form
    public var from = TextField()
    public var to = TextField()
    public var amount = TextField()
    public var priority: FeePriority = .normal
    public var focus: SendField = .to
    public var password = TextField(secure: true)
    /// Local checks (syntax) and the data source's verdict on a field, by field.
    public var errors: [SendField: String] = [:]
    /// Fields typed in (their errors show; the others wait until Enter).
    public var touched: Set<SendField> = []
    public var preview: SendPreview?
    /// The request whose preview is awaited.
    public var pending: SendRequest?
    public var submitError: String?
    /// Enter was pressed while the preview was on its way: continue when it arrives (if the policy allows).
    public var continueWhenPreviewed = false
    /// Where Esc returns.
    public var returnTo: ScreenID = .dashboard

    public init() {}

    public func field(_ f: SendField) -> TextField? {
        switch f {
        case .from: return from
        case .to: return to
        case .amount: return amount
        case .priority: return nil
        }
    }

    /// Whether anything was typed (quitting then asks first).
    public var isDraft: Bool { step != .form || !to.text.isEmpty || !amount.text.isEmpty }
}
